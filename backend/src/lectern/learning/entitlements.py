"""The one access check: may this viewer open this lesson? Pages, video and notes all ask here."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.catalog.access import PUBLIC_STATUSES, can_edit
from lectern.learning.schemas import CourseAccess
from lectern.models import Course, CourseStatus, Enrollment, Lesson, User

# Enrolled students keep what they have when a course is archived.
ENROLLED_STATUSES = (*PUBLIC_STATUSES, CourseStatus.archived)


async def is_enrolled(session: AsyncSession, user_id: uuid.UUID, course_id: uuid.UUID) -> bool:
    statement = select(
        exists().where(Enrollment.user_id == user_id, Enrollment.course_id == course_id)
    )
    return bool(await session.scalar(statement))


async def course_access(session: AsyncSession, user: User | None, course: Course) -> CourseAccess:
    if can_edit(user, course):
        return CourseAccess.team
    if (
        user is not None
        and course.status in ENROLLED_STATUSES
        and await is_enrolled(session, user.id, course.id)
    ):
        return CourseAccess.enrolled
    return CourseAccess.previews


async def can_open_lesson(
    session: AsyncSession, user: User | None, course: Course, lesson: Lesson
) -> bool:
    """The course's team and admins always; anyone for a free preview of a public course;
    enrolled students for the rest."""
    return await lesson_access(session, user, course, lesson) is not None


async def lesson_access(
    session: AsyncSession, user: User | None, course: Course, lesson: Lesson
) -> CourseAccess | None:
    """The viewer's access to the course if it opens ``lesson``, else None."""
    access = await course_access(session, user, course)
    if access is not CourseAccess.previews:
        return access
    if lesson.is_preview and course.status in PUBLIC_STATUSES:
        return access
    return None
