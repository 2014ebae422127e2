"""Who may do what with a quiz or an assignment. Students: the one access rule
(learning/entitlements.py). The course's team: `catalog.access.can_edit`."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.catalog.access import PUBLIC_STATUSES, can_edit
from lectern.catalog.repository import CourseRepository
from lectern.errors import Conflict, Forbidden, NotFound
from lectern.learning.entitlements import lesson_access
from lectern.learning.lessons import lesson_with_course
from lectern.models import Course, CourseStatus, Lesson, LessonKind, User

_NOT_KIND = {
    LessonKind.quiz: ("This lesson is not a quiz.", "not_a_quiz"),
    LessonKind.assignment: ("This lesson is not an assignment.", "not_an_assignment"),
}


def require_kind(lesson: Lesson, kind: LessonKind) -> None:
    if lesson.kind != kind:
        message, code = _NOT_KIND[kind]
        raise Conflict(message, code=code)


async def team_course(session: AsyncSession, actor: User, course_id: uuid.UUID) -> Course:
    """A course the actor teaches (or, as an admin, manages); 404 for anyone else."""
    course = await CourseRepository(session).with_team(course_id)
    if course is None or not can_edit(actor, course):
        raise NotFound("No such course.")
    return course


async def team_lesson(
    session: AsyncSession,
    actor: User,
    lesson_id: uuid.UUID,
    kind: LessonKind,
    *,
    for_change: bool = False,
) -> tuple[Lesson, Course]:
    """A quiz or assignment of a course the actor teaches. Changing its content waits while
    the course is in review, like every other edit of the course."""
    lesson, course = await lesson_with_course(session, lesson_id)
    if not can_edit(actor, course):
        raise NotFound("No such lesson.")
    require_kind(lesson, kind)
    if for_change:
        require_editable(course)
    return lesson, course


def require_editable(course: Course) -> None:
    if course.status == CourseStatus.in_review:
        raise Conflict(
            "The course is waiting for review: withdraw it to make changes.",
            code="course_in_review",
        )


async def student_lesson(
    session: AsyncSession, user: User, lesson_id: uuid.UUID, kind: LessonKind
) -> tuple[Lesson, Course]:
    """A quiz or assignment the student may open (for taking it or handing something in)."""
    lesson, course = await lesson_with_course(session, lesson_id)
    if await lesson_access(session, user, course, lesson) is None:
        if course.status not in PUBLIC_STATUSES and not can_edit(user, course):
            raise NotFound("No such lesson.")
        raise Forbidden("This lesson is for enrolled students.", code="lesson_locked")
    require_kind(lesson, kind)
    return lesson, course


def is_team(user: User, course: Course) -> bool:
    return can_edit(user, course)
