"""Where each viewer stopped in each lesson, so the player resumes there on any device."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.errors import Forbidden
from lectern.learning.entitlements import can_open_lesson
from lectern.learning.lessons import lesson_with_course
from lectern.models import LessonProgress, User
from lectern.models.base import utcnow


async def save_position(
    session: AsyncSession, user: User, lesson_id: uuid.UUID, position: float
) -> None:
    lesson, course = await lesson_with_course(session, lesson_id)
    if not await can_open_lesson(session, user, course, lesson):
        raise Forbidden("This lesson is for enrolled students.", code="lesson_locked")
    values = {
        "user_id": user.id,
        "lesson_id": lesson.id,
        "course_id": course.id,
        "position_seconds": round(position, 1),
        "updated_at": utcnow(),
    }
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(LessonProgress).values(values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["user_id", "lesson_id"],
            set_={
                "position_seconds": values["position_seconds"],
                "updated_at": values["updated_at"],
            },
        )
    )


async def position_of(session: AsyncSession, user: User | None, lesson_id: uuid.UUID) -> float:
    if user is None:
        return 0.0
    found = await session.scalar(
        select(LessonProgress.position_seconds).where(
            LessonProgress.user_id == user.id, LessonProgress.lesson_id == lesson_id
        )
    )
    return found or 0.0
