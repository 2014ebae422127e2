"""The one access check: may this viewer open this lesson? Pages, video and notes all ask here."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.catalog.access import PUBLIC_STATUSES, can_edit
from lectern.models import Course, CourseStatus, Enrollment, Lesson, User

# Enrolled students keep what they have when a course is archived.
ENROLLED_STATUSES = (*PUBLIC_STATUSES, CourseStatus.archived)


async def is_enrolled(session: AsyncSession, user_id: uuid.UUID, course_id: uuid.UUID) -> bool:
    statement = select(
        exists().where(Enrollment.user_id == user_id, Enrollment.course_id == course_id)
    )
    return bool(await session.scalar(statement))


async def can_open_lesson(
    session: AsyncSession, user: User | None, course: Course, lesson: Lesson
) -> bool:
    """The course's team and admins always; anyone for a free preview of a public course;
    enrolled students for the rest."""
    if can_edit(user, course):
        return True
    if lesson.is_preview and course.status in PUBLIC_STATUSES:
        return True
    if user is None or course.status not in ENROLLED_STATUSES:
        return False
    return await is_enrolled(session, user.id, course.id)
