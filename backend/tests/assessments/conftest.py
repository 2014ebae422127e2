"""A published course with a quiz (one question of every kind) and an assignment, built through
the studio's API; two enrolled students, each signed in; the teacher and an admin."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Enrollment, EnrollmentSource, QuizAttempt, Role, User
from lectern.models.base import utcnow
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import build_course, publish

# Words that are only in answer keys, feedback and explanations: a student's response must
# never hold them before the attempt is handed in.
SECRETS = (
    "JUPITER-FEEDBACK",
    "PRIME-FEEDBACK",
    "Lutetia",
    "3.14159",
    "RAYLEIGH-GUIDANCE",
    "EXPLAINED-LATER",
    "RIGHT-ALL-ALONG",
)

EVERY_KIND: list[dict[str, Any]] = [
    {
        "kind": "single_choice",
        "prompt": "Which planet is the **largest**?",
        "points": 1,
        "explanation": "EXPLAINED-LATER: Jupiter holds 1,300 Earths.",
        "spec": {
            "options": [
                {"text": "Mars", "feedback": "Mars is about half of Earth."},
                {"text": "Jupiter", "correct": True, "feedback": "JUPITER-FEEDBACK"},
                {"text": "Venus"},
            ]
        },
    },
    {
        "kind": "multiple_choice",
        "prompt": "Which numbers are prime?",
        "points": 2,
        "spec": {
            "partial_credit": True,
            "options": [
                {"text": "2", "correct": True, "feedback": "PRIME-FEEDBACK"},
                {"text": "3", "correct": True},
                {"text": "4", "feedback": "4 is 2 times 2."},
            ],
        },
    },
    {
        "kind": "true_false",
        "prompt": "Water boils at 100 °C at sea level.",
        "spec": {"answer_flag": True, "feedback_correct": "RIGHT-ALL-ALONG"},
    },
    {
        "kind": "short_text",
        "prompt": "What did the Romans call Paris?",
        "spec": {"accepted": ["Lutetia", "Lutetia Parisiorum"], "whitespace": "collapse"},
    },
    {
        "kind": "numeric",
        "prompt": "Pi, to three decimals?",
        "spec": {"number": 3.14159, "tolerance": 0.0005},
    },
    {
        "kind": "ordering",
        "prompt": "Smallest first.",
        "spec": {
            "items": [{"text": "Atom"}, {"text": "Cell"}, {"text": "Planet"}, {"text": "Star"}]
        },
    },
    {
        "kind": "essay",
        "prompt": "Why is the sky blue?",
        "points": 4,
        "spec": {"guidance": "RAYLEIGH-GUIDANCE"},
    },
]


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


@dataclass
class Classroom:
    course_id: str
    slug: str
    quiz: str  # lesson ids
    assignment: str
    teacher: httpx.AsyncClient
    admin: httpx.AsyncClient
    student: httpx.AsyncClient
    other: httpx.AsyncClient  # another enrolled student
    student_user: User
    other_user: User
    teacher_user: User

    async def add_questions(
        self, questions: list[dict[str, Any]] | None = None
    ) -> list[dict[str, Any]]:
        quiz = ok(await self.teacher.get(f"/api/studio/lessons/{self.quiz}/quiz"))
        bank = quiz["own_bank"]["id"]
        return [
            ok(await self.teacher.post(f"/api/studio/question-banks/{bank}/questions", json=q), 201)
            for q in questions or EVERY_KIND
        ]

    async def quiz_settings(self, **changes: Any) -> dict[str, Any]:
        body: dict[str, Any] = ok(
            await self.teacher.patch(f"/api/studio/lessons/{self.quiz}/quiz", json=changes)
        )
        return body

    async def assignment_settings(self, **changes: Any) -> dict[str, Any]:
        body: dict[str, Any] = ok(
            await self.teacher.patch(
                f"/api/studio/lessons/{self.assignment}/assignment", json=changes
            )
        )
        return body

    async def start(
        self, client: httpx.AsyncClient | None = None, status: int = 201
    ) -> dict[str, Any]:
        body: dict[str, Any] = ok(
            await (client or self.student).post(f"/api/lessons/{self.quiz}/quiz/attempts"), status
        )
        return body

    async def upload(
        self,
        name: str,
        data: bytes,
        client: httpx.AsyncClient | None = None,
        lesson: str | None = None,
    ) -> httpx.Response:
        return await (client or self.student).post(
            "/api/submission-files",
            params={"lesson_id": lesson or self.assignment, "name": name},
            content=data,
            headers={"Content-Type": "application/octet-stream"},
        )


def pdf_bytes(text: str = "My essay") -> bytes:
    """A small real PDF (one page with a line of text)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


def png_bytes() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 80, 40)).save(out, format="PNG")
    return out.getvalue()


async def move_deadline(db: AsyncSession, attempt_id: str, deadline: datetime) -> None:
    """The attempt's time runs out at ``deadline`` (as if it had started that much earlier)."""
    await db.execute(
        update(QuizAttempt)
        .where(QuizAttempt.id == uuid.UUID(attempt_id))
        .values(deadline_at=deadline)
    )
    await db.commit()


def ago(seconds: float) -> datetime:
    return utcnow() - timedelta(seconds=seconds)


@pytest.fixture
async def classroom(
    db: AsyncSession, make_client: Callable[[], httpx.AsyncClient]
) -> AsyncIterator[Classroom]:
    teacher_user = await create_user(db, roles=(Role.student, Role.instructor), name="Tess Teacher")
    admin_user = await create_user(db, roles=(Role.admin,))
    student_user = await create_user(db, name="Sam Student")
    other_user = await create_user(db, name="Olive Other")
    async with (
        make_client() as teacher,
        make_client() as admin,
        make_client() as student,
        make_client() as other,
    ):
        await sign_in(teacher, teacher_user.email)
        await sign_in(admin, admin_user.email)
        await sign_in(student, student_user.email)
        await sign_in(other, other_user.email)
        built = await build_course(
            teacher,
            "Skies and planets",
            # Not the fixture's default text: the SQLite smoke run keeps its courses, and
            # another test searches the catalog for that one's words.
            description="Why the sky is blue, and which planet is the largest.",
            lessons=(("Reading", ("Light",)), ("Check", ())),
        )
        section = built["sections"][1]["id"]
        for title, kind in (("Planets quiz", "quiz"), ("Sky essay", "assignment")):
            ok(
                await teacher.post(
                    f"/api/studio/sections/{section}/lessons", json={"title": title, "kind": kind}
                )
            )
        built = ok(await teacher.get(f"/api/studio/courses/{built['id']}"))
        quiz, assignment = (lesson["id"] for lesson in built["sections"][1]["lessons"])
        published = await publish(teacher, admin, built["id"])
        for user in (student_user, other_user):
            db.add(
                Enrollment(
                    user_id=user.id, course_id=uuid.UUID(built["id"]), source=EnrollmentSource.free
                )
            )
        await db.commit()
        yield Classroom(
            course_id=built["id"],
            slug=published["slug"],
            quiz=quiz,
            assignment=assignment,
            teacher=teacher,
            admin=admin,
            student=student,
            other=other,
            student_user=student_user,
            other_user=other_user,
            teacher_user=teacher_user,
        )
