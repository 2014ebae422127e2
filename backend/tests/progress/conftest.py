"""A published free course with two 100-second video lessons and an article, a student
enrolled in it and signed in, and a clock that heartbeats are stamped with."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Enrollment, EnrollmentSource, Lesson, Role, User, VideoAsset, VideoStatus
from lectern.models.base import utcnow
from lectern.progress.flusher import FlushReport, flush_heartbeats
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import build_course, publish

VIDEO_SECONDS = 100.0


class Clock:
    """The server clock heartbeats are stamped with, moved by hand."""

    def __init__(self) -> None:
        self.now = float(int(time.time()))  # whole seconds: sums of steps stay exact

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class LearningCourse:
    id: str
    slug: str
    videos: list[str]  # two video lessons, 100 s each, in the first section
    article: str  # in the second section
    student: User
    viewer: httpx.AsyncClient  # the student, signed in
    teacher: httpx.AsyncClient
    admin: httpx.AsyncClient

    async def beat(
        self,
        lesson_id: str,
        position: float,
        played: list[list[float]] | None = None,
        seconds: float = 0.0,
        *,
        client: httpx.AsyncClient | None = None,
    ) -> httpx.Response:
        return await (client or self.viewer).post(
            f"/api/lessons/{lesson_id}/heartbeat",
            json={"position_seconds": position, "played": played or [], "seconds": seconds},
        )

    async def progress(self, client: httpx.AsyncClient | None = None) -> dict[str, Any]:
        response = await (client or self.viewer).get(f"/api/courses/{self.id}/progress")
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def lesson(self, lesson_id: str) -> dict[str, Any]:
        lessons = (await self.progress())["lessons"]
        found: dict[str, Any] = next(x for x in lessons if x["lesson_id"] == lesson_id)
        return found


async def add_ready_video(db: AsyncSession, lesson_id: str, seconds: float) -> None:
    """A transcoded video for the lesson, as the pipeline leaves it (no files needed)."""
    db.add(
        VideoAsset(
            lesson_id=uuid.UUID(lesson_id),
            status=VideoStatus.ready,
            filename="lecture.mp4",
            size_bytes=1000,
            received_bytes=1000,
            duration_seconds=seconds,
            ready_at=utcnow(),
        )
    )
    await db.execute(
        update(Lesson)
        .where(Lesson.id == uuid.UUID(lesson_id))
        .values(duration_seconds=int(seconds))
    )
    await db.commit()


async def enroll(db: AsyncSession, user: User, course_id: str) -> None:
    db.add(
        Enrollment(user_id=user.id, course_id=uuid.UUID(course_id), source=EnrollmentSource.free)
    )
    await db.commit()


@pytest.fixture
async def course(
    db: AsyncSession, make_client: Callable[[], httpx.AsyncClient]
) -> AsyncIterator[LearningCourse]:
    teacher_user = await create_user(db, roles=(Role.student, Role.instructor))
    admin_user = await create_user(db, roles=(Role.admin,))
    student = await create_user(db, name="Sam Student")
    async with make_client() as teacher, make_client() as admin, make_client() as viewer:
        await sign_in(teacher, teacher_user.email)
        await sign_in(admin, admin_user.email)
        await sign_in(viewer, student.email)
        built = await build_course(
            teacher, "Light for video", lessons=(("Watching", ()), ("Reading", ("Notes",)))
        )
        watching = built["sections"][0]["id"]
        for title in ("Window light", "Bounce"):
            response = await teacher.post(
                f"/api/studio/sections/{watching}/lessons", json={"title": title, "kind": "video"}
            )
            assert response.status_code == 200, response.text
        built = (await teacher.get(f"/api/studio/courses/{built['id']}")).json()
        videos = [lesson["id"] for lesson in built["sections"][0]["lessons"]]
        article = built["sections"][1]["lessons"][0]["id"]
        for video in videos:
            await add_ready_video(db, video, VIDEO_SECONDS)
        published = await publish(teacher, admin, built["id"])
        await enroll(db, student, built["id"])
        yield LearningCourse(
            id=built["id"],
            slug=published["slug"],
            videos=videos,
            article=article,
            student=student,
            viewer=viewer,
            teacher=teacher,
            admin=admin,
        )


@pytest.fixture
def clock(app_instance: FastAPI, db: AsyncSession) -> Clock:
    """Heartbeats of this test are stamped with a clock it moves by hand."""
    fake = Clock()
    app_instance.state.heartbeats.clock = fake
    return fake


async def flush(app: FastAPI) -> FlushReport:
    """Write the buffered heartbeats now, as the background flusher does every second."""
    report = await flush_heartbeats(app.state.heartbeats, app.state.sessionmaker)
    assert report.failed == 0
    return report
