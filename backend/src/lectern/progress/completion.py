"""Course completion: once every lesson of a course is complete for an enrolled student, the
enrolment is marked complete (once, for good) and the certificate issued in the same
transaction."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import and_, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.certificates import service as certificates
from lectern.kit.queue import JobBuffer
from lectern.models import Enrollment, Lesson, LessonProgress

UserCourse = tuple[uuid.UUID, uuid.UUID]


async def lesson_totals(
    session: AsyncSession, course_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """How many lessons each course has now."""
    if not course_ids:
        return {}
    rows = await session.execute(
        select(Lesson.course_id, func.count())
        .where(Lesson.course_id.in_(course_ids))
        .group_by(Lesson.course_id)
    )
    return dict(rows.all())


# A completion counts while its lesson is still in the course.
_CURRENT_LESSON = and_(
    Lesson.id == LessonProgress.lesson_id, Lesson.course_id == LessonProgress.course_id
)


async def completed_counts(
    session: AsyncSession, user_id: uuid.UUID, course_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """How many of each course's current lessons the student has completed."""
    if not course_ids:
        return {}
    rows = await session.execute(
        select(LessonProgress.course_id, func.count())
        .join(Lesson, _CURRENT_LESSON)
        .where(
            LessonProgress.user_id == user_id,
            LessonProgress.course_id.in_(course_ids),
            LessonProgress.completed_at.is_not(None),
        )
        .group_by(LessonProgress.course_id)
    )
    return dict(rows.all())


async def refresh_course_completion(
    session: AsyncSession,
    pairs: Collection[UserCourse],
    at: datetime,
    *,
    jobs: JobBuffer | None = None,
) -> list[UserCourse]:
    """Complete the enrolments of ``pairs`` whose every lesson is now complete, and issue
    their certificates (mailed about through ``jobs`` after the commit, when given).
    Returns the (user, course) pairs completed now."""
    if not pairs:
        return []
    totals = await lesson_totals(session, {course_id for _, course_id in pairs})
    done: dict[UserCourse, int] = {}
    for chunk in _chunks(sorted(pairs), 1000):
        rows = await session.execute(
            select(LessonProgress.user_id, LessonProgress.course_id, func.count())
            .join(Lesson, _CURRENT_LESSON)
            .where(
                tuple_(LessonProgress.user_id, LessonProgress.course_id).in_(chunk),
                LessonProgress.completed_at.is_not(None),
            )
            .group_by(LessonProgress.user_id, LessonProgress.course_id)
        )
        done.update({(user_id, course_id): n for user_id, course_id, n in rows.all()})
    finished = [
        pair
        for pair in sorted(pairs)
        if totals.get(pair[1], 0) > 0 and done.get(pair, 0) >= totals[pair[1]]
    ]
    if not finished:
        return []
    enrollments = (
        await session.scalars(
            select(Enrollment)
            .where(
                tuple_(Enrollment.user_id, Enrollment.course_id).in_(finished),
                Enrollment.completed_at.is_(None),
            )
            .order_by(Enrollment.user_id, Enrollment.course_id)
            .with_for_update()
        )
    ).all()
    completed: list[UserCourse] = []
    for enrollment in enrollments:
        enrollment.completed_at = at
        completed.append((enrollment.user_id, enrollment.course_id))
    await session.flush()
    for user_id, course_id in completed:
        await certificates.issue_certificate(session, user_id, course_id, jobs=jobs)
    return completed


def _chunks(items: Sequence[UserCourse], size: int) -> list[Sequence[UserCourse]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
