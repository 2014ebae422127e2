"""The one access check: may this viewer open this lesson? Pages, video, progress and notes all
ask here, and nowhere else decides it.

The rule, in order:
1. the course's team (owner, co-instructors) and admins open every lesson, published or not;
2. an entitled student opens every lesson of a public (or, once entitled, archived) course;
3. anyone, signed in or not, opens the free previews of a public course.

"Entitled" is `_entitled_course_ids`: an enrolment, whatever gave it (free, an admin's grant, a
purchase, a subscription). A subscription grants through enrolments with source `subscription`
that commerce keeps in step with the subscription (learning/paid_enrollments.py): they exist
while it grants access and are set aside while it doesn't, so every reader of enrolments (the
dashboard, progress, completion, reviews) agrees with this rule. Which courses a subscription
covers is `subscription_course_ids`, below, and nowhere else.

`decide()` is the rule itself, without I/O; the async functions fetch what it needs, one course
at a time or many at once (the dashboard, posters), so both read the same rule.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from lectern.catalog.access import PUBLIC_STATUSES, can_edit
from lectern.learning.schemas import CourseAccess
from lectern.models import (
    Course,
    CourseStatus,
    Enrollment,
    Lesson,
    Plan,
    PlanScope,
    Subscription,
    User,
    plan_courses,
)

# Enrolled students keep what they have when a course is archived.
ENROLLED_STATUSES = (*PUBLIC_STATUSES, CourseStatus.archived)


def decide(
    user: User | None, course: Course, lesson: Lesson | None, *, entitled: bool
) -> CourseAccess | None:
    """The viewer's access to ``course`` (needs its co-instructors loaded), or, given a
    ``lesson``, their access if it opens that lesson and None if it doesn't."""
    if can_edit(user, course):
        return CourseAccess.team
    if user is not None and entitled and course.status in ENROLLED_STATUSES:
        return CourseAccess.enrolled
    if lesson is None or (lesson.is_preview and course.status in PUBLIC_STATUSES):
        return CourseAccess.previews
    return None


async def _entitled_course_ids(
    session: AsyncSession, user: User, course_ids: Iterable[uuid.UUID]
) -> set[uuid.UUID]:
    """The courses among ``course_ids`` the student has a right to as a learner."""
    wanted = list(course_ids)
    if not wanted:
        return set()
    enrolled = await session.scalars(
        select(Enrollment.course_id).where(
            Enrollment.user_id == user.id, Enrollment.course_id.in_(wanted)
        )
    )
    # Subscriptions grant through enrolments kept in step with them (see the module's doc).
    return set(enrolled)


async def lessons_open_to_each(
    session: AsyncSession, wanted: Iterable[tuple[uuid.UUID, uuid.UUID]]
) -> dict[tuple[uuid.UUID, uuid.UUID], tuple[Lesson, Course]]:
    """For many (viewer id, lesson id) pairs at once (the heartbeat path's renewals): the
    lesson and course of each pair whose viewer may open that lesson. The same rule, five
    queries for any number of pairs; a viewer whose account is gone opens nothing."""
    pairs = set(wanted)
    if not pairs:
        return {}
    rows = {
        lesson.id: (lesson, course)
        for lesson, course in await lessons_for_access(session, {lesson for _, lesson in pairs})
    }
    found = await session.scalars(
        select(User)
        .where(User.id.in_({user for user, _ in pairs}))
        .options(selectinload(User.roles))
    )
    users = {user.id: user for user in found}
    enrolments = await session.execute(
        select(Enrollment.user_id, Enrollment.course_id).where(
            Enrollment.user_id.in_(users),
            Enrollment.course_id.in_({course.id for _, course in rows.values()}),
        )
    )
    enrolled = {(user_id, course_id) for user_id, course_id in enrolments}
    opened: dict[tuple[uuid.UUID, uuid.UUID], tuple[Lesson, Course]] = {}
    for user_id, lesson_id in pairs:
        user, row = users.get(user_id), rows.get(lesson_id)
        if user is None or row is None:
            continue
        lesson, course = row
        if decide(user, course, lesson, entitled=(user_id, course.id) in enrolled) is not None:
            opened[(user_id, lesson_id)] = row
    return opened


async def subscription_course_ids(
    session: AsyncSession, user_id: uuid.UUID, course_ids: Iterable[uuid.UUID]
) -> set[uuid.UUID]:
    """The paid courses among ``course_ids`` that a subscription of the student's, granting
    access now, covers: every course for an all-courses plan, its collection otherwise."""
    wanted = list(course_ids)
    if not wanted:
        return set()
    plans = select(Subscription.plan_id).where(
        Subscription.user_id == user_id, Subscription.grants_access.is_(True)
    )
    everything = select(Plan.id).where(Plan.id.in_(plans), Plan.scope == PlanScope.all_courses)
    in_collection = select(plan_courses.c.course_id).where(plan_courses.c.plan_id.in_(plans))
    found = await session.scalars(
        select(Course.id).where(
            Course.id.in_(wanted),
            Course.price_amount > 0,
            or_(exists(everything), Course.id.in_(in_collection)),
        )
    )
    return set(found)


async def is_enrolled(session: AsyncSession, user_id: uuid.UUID, course_id: uuid.UUID) -> bool:
    found = await session.scalar(
        select(Enrollment.id).where(
            Enrollment.user_id == user_id, Enrollment.course_id == course_id
        )
    )
    return found is not None


async def course_access(session: AsyncSession, user: User | None, course: Course) -> CourseAccess:
    """How far the viewer's access to ``course`` goes (co-instructors loaded)."""
    if user is None or can_edit(user, course):
        return decide(user, course, None, entitled=False) or CourseAccess.previews
    entitled = course.id in await _entitled_course_ids(session, user, [course.id])
    return decide(user, course, None, entitled=entitled) or CourseAccess.previews


async def lesson_access(
    session: AsyncSession, user: User | None, course: Course, lesson: Lesson
) -> CourseAccess | None:
    """The viewer's access to the course if it opens ``lesson``, else None."""
    if user is None or can_edit(user, course):
        return decide(user, course, lesson, entitled=False)
    entitled = course.id in await _entitled_course_ids(session, user, [course.id])
    return decide(user, course, lesson, entitled=entitled)


async def can_open_lesson(
    session: AsyncSession, user: User | None, course: Course, lesson: Lesson
) -> bool:
    """The course's team and admins always; anyone for a free preview of a public course;
    entitled students for the rest."""
    return await lesson_access(session, user, course, lesson) is not None


async def lessons_for_access(
    session: AsyncSession, lesson_ids: Iterable[uuid.UUID]
) -> list[tuple[Lesson, Course]]:
    """The lessons with their courses and just what `decide()` reads of them (the
    co-instructors): two queries, for paths that need no more of the course (heartbeats,
    posters)."""
    wanted = list(set(lesson_ids))
    if not wanted:
        return []
    rows = await session.execute(
        select(Lesson, Course)
        .join(Course, Course.id == Lesson.course_id)
        .where(Lesson.id.in_(wanted))
        .options(selectinload(Course.co_instructors))
    )
    return [(lesson, course) for lesson, course in rows.all()]


async def lessons_open_to(
    session: AsyncSession, user: User | None, lesson_ids: Iterable[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of ``lesson_ids`` the viewer may open: the same rule, three queries for any
    number of lessons."""
    rows = await lessons_for_access(session, lesson_ids)
    if not rows:
        return set()
    entitled = (
        await _entitled_course_ids(session, user, {course.id for _, course in rows})
        if user is not None
        else set()
    )
    return {
        lesson.id
        for lesson, course in rows
        if decide(user, course, lesson, entitled=course.id in entitled) is not None
    }
