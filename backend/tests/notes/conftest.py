"""A published, paid course with a ten-minute video lesson, a free preview and articles, and the
people around it: its teacher, an admin, an enrolled student and a student who is not."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Lesson, Role, User
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import build_course, publish

VIDEO_SECONDS = 600


@dataclass
class Classroom:
    course: dict[str, Any]
    video_id: str  # "Watching the rise", a video lesson of 10 minutes, in section 1
    article_id: str  # "Feeding a starter", section 1
    preview_id: str  # "Reading the bubbles", a free preview, section 1
    later_id: str  # "Shaping and scoring", section 2
    teacher: httpx.AsyncClient
    admin: httpx.AsyncClient
    student: httpx.AsyncClient  # enrolled
    stranger: httpx.AsyncClient  # signed in, not enrolled
    student_user: User
    stranger_user: User

    def lesson_url(self, lesson_id: str) -> str:
        return f"http://localhost:3000/courses/{self.course['slug']}/lessons/{lesson_id}"


def _lesson_id(course: dict[str, Any], title: str) -> str:
    return str(
        next(
            lesson["id"]
            for section in course["sections"]
            for lesson in section["lessons"]
            if lesson["title"] == title
        )
    )


@pytest.fixture
async def classroom(
    db: AsyncSession, make_client: Callable[[], httpx.AsyncClient]
) -> AsyncIterator[Classroom]:
    teacher_user = await create_user(db, roles=(Role.student, Role.instructor))
    admin_user = await create_user(db, roles=(Role.admin,))
    student_user = await create_user(db, name="Enrolled Student")
    stranger_user = await create_user(db, name="Other Student")
    async with AsyncExitStack() as stack:
        teacher, admin, student, stranger = [
            await stack.enter_async_context(make_client()) for _ in range(4)
        ]
        await sign_in(teacher, teacher_user.email)
        await sign_in(admin, admin_user.email)
        await sign_in(student, student_user.email)
        await sign_in(stranger, stranger_user.email)

        course = await build_course(teacher, price_amount=4900)
        section_id = course["sections"][0]["id"]
        response = await teacher.post(
            f"/api/studio/sections/{section_id}/lessons",
            json={"title": "Watching the rise", "kind": "video"},
        )
        assert response.status_code == 200, response.text
        course = response.json()
        preview_id = _lesson_id(course, "Reading the bubbles")
        response = await teacher.patch(
            f"/api/studio/lessons/{preview_id}", json={"is_preview": True}
        )
        assert response.status_code == 200, response.text
        video_id = _lesson_id(course, "Watching the rise")
        # The length a transcode would have found; notes are clamped to it.
        await db.execute(
            update(Lesson)
            .where(Lesson.id == uuid.UUID(video_id))
            .values(duration_seconds=VIDEO_SECONDS)
        )
        await db.commit()
        course = await publish(teacher, admin, course["id"])

        response = await admin.post(
            f"/api/admin/courses/{course['id']}/enrollments", json={"email": student_user.email}
        )
        assert response.status_code == 201, response.text

        yield Classroom(
            course=course,
            video_id=video_id,
            article_id=_lesson_id(course, "Feeding a starter"),
            preview_id=preview_id,
            later_id=_lesson_id(course, "Shaping and scoring"),
            teacher=teacher,
            admin=admin,
            student=student,
            stranger=stranger,
            student_user=student_user,
            stranger_user=stranger_user,
        )


async def add_note(
    client: httpx.AsyncClient, lesson_id: str, body: str, position: float | None = None
) -> dict[str, Any]:
    response = await client.post(
        f"/api/lessons/{lesson_id}/notes", json={"body": body, "position_seconds": position}
    )
    assert response.status_code == 201, response.text
    note: dict[str, Any] = response.json()
    return note
