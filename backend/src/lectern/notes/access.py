"""Which lessons and courses a student's notes and bookmarks may attach to or be read from.

Writing a new note or bookmark takes the one access check (learning/entitlements.py); reading,
editing and deleting the student's own do not: they stay theirs after access ends.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.catalog.access import PUBLIC_STATUSES
from lectern.catalog.repository import CourseRepository
from lectern.errors import Conflict, Forbidden, NotFound
from lectern.learning.entitlements import course_access, lesson_access
from lectern.learning.lessons import lesson_with_course
from lectern.learning.schemas import CourseAccess
from lectern.models import Course, Lesson, LessonKind, User
from lectern.notes.repository import NoteRepository


async def openable_lesson(
    session: AsyncSession, user: User, lesson_id: uuid.UUID
) -> tuple[Lesson, Course]:
    """The lesson and its course when ``user`` may open it, for writing something new on it."""
    lesson, course = await lesson_with_course(session, lesson_id)
    if await lesson_access(session, user, course, lesson) is None:
        if course.status not in PUBLIC_STATUSES:
            # A draft's (or a withdrawn course's) lessons are not the caller's business.
            raise NotFound("No such lesson.")
        raise Forbidden("This lesson is for enrolled students.", code="lesson_locked")
    return lesson, course


async def existing_lesson(session: AsyncSession, lesson_id: uuid.UUID) -> Lesson:
    lesson, _ = await lesson_with_course(session, lesson_id)
    return lesson


async def readable_course(session: AsyncSession, user: User, course_id: uuid.UUID) -> Course:
    """A course whose notes page the student may open: one they wrote in, one they can see."""
    course = await CourseRepository(session).with_team(course_id)
    if course is None:
        raise NotFound("No such course.")
    if course.status in PUBLIC_STATUSES:
        return course
    if await NoteRepository(session).has_any_in_course(user.id, course.id):
        return course
    if await course_access(session, user, course) is not CourseAccess.previews:
        return course
    raise NotFound("No such course.")


def moment_in(lesson: Lesson, position: float | None) -> float | None:
    """Where in the lesson a note or bookmark goes: a second of its video (kept within the
    video's length), or None for the lesson as a whole."""
    if position is None:
        return None
    if lesson.kind != LessonKind.video:
        raise Conflict(
            "Only a video lesson has moments; leave position_seconds empty to note the lesson.",
            code="not_a_video",
        )
    if lesson.duration_seconds > 0:
        position = min(position, float(lesson.duration_seconds))
    return round(position, 1)
