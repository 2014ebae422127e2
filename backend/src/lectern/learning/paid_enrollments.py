"""Enrolments that payments give and take: a purchase enrols (source `purchase`), a full
refund takes it back, and a subscription's enrolments (source `subscription`) follow the
subscription, set aside while it grants no access and restored when it does again.

Commerce decides *when* (its webhooks and lifecycle); this module is how, so enrolment rules
and Course.enrollment_count stay in the learning domain.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.learning.entitlements import subscription_course_ids
from lectern.learning.repository import LearningRepository
from lectern.models import Enrollment, EnrollmentSource, SubscribedCourse
from lectern.models.base import utcnow
from lectern.progress.flusher import dialect_insert


async def enroll_buyer(session: AsyncSession, user_id: uuid.UUID, course_id: uuid.UUID) -> bool:
    """The buyer owns the course from now on; True if this made a new enrolment. An
    enrolment the student had another way becomes a purchase (it no longer ends with a
    subscription or can't be "left")."""
    repository = LearningRepository(session)
    if await repository.add_enrollment(user_id, course_id, EnrollmentSource.purchase):
        return True
    enrollment = await repository.enrollment(user_id, course_id)
    if enrollment is not None and enrollment.source != EnrollmentSource.purchase:
        enrollment.source = EnrollmentSource.purchase
        await session.flush()
    return False


async def take_back_purchase(
    session: AsyncSession, user_id: uuid.UUID, course_id: uuid.UUID
) -> bool:
    """A fully refunded course: the purchase's enrolment goes (progress and notes stay). A
    subscription that covers the course keeps it open as a subscribed course. True if the
    student lost access."""
    repository = LearningRepository(session)
    enrollment = await repository.enrollment(user_id, course_id)
    if enrollment is None or enrollment.source != EnrollmentSource.purchase:
        return False
    if course_id in await subscription_course_ids(session, user_id, [course_id]):
        enrollment.source = EnrollmentSource.subscription
        await _remember(session, user_id, course_id)
        await session.flush()
        return False
    await repository.remove_enrollment(enrollment)
    return True


async def start_subscribed_course(
    session: AsyncSession, user_id: uuid.UUID, course_id: uuid.UUID
) -> Enrollment | None:
    """Enrol a subscriber in a course their subscription covers (None if it doesn't)."""
    if course_id not in await subscription_course_ids(session, user_id, [course_id]):
        return None
    await _remember(session, user_id, course_id)
    repository = LearningRepository(session)
    await repository.add_enrollment(user_id, course_id, EnrollmentSource.subscription)
    return await repository.enrollment(user_id, course_id)


async def forget_subscribed_course(
    session: AsyncSession, user_id: uuid.UUID, course_id: uuid.UUID
) -> None:
    """The student left a course they had through their subscription."""
    found = await session.get(SubscribedCourse, (user_id, course_id))
    if found is not None:
        await session.delete(found)
        await session.flush()


async def sync_subscriber(session: AsyncSession, user_id: uuid.UUID) -> tuple[int, int]:
    """Put the student's subscribed courses in step with their subscriptions: restore the
    enrolments a subscription covers again, set aside those it no longer does. Returns
    (restored, set aside)."""
    started = list(
        await session.scalars(select(SubscribedCourse).where(SubscribedCourse.user_id == user_id))
    )
    if not started:
        return 0, 0
    covered = await subscription_course_ids(session, user_id, [s.course_id for s in started])
    repository = LearningRepository(session)
    restored = set_aside = 0
    for place in started:
        enrollment = await repository.enrollment(user_id, place.course_id)
        if place.course_id in covered:
            if enrollment is None:
                added = await repository.add_enrollment(
                    user_id, place.course_id, EnrollmentSource.subscription
                )
                if added is not None:
                    added.last_lesson_id = place.last_lesson_id
                    added.last_activity_at = place.last_activity_at
                    added.completed_at = place.completed_at
                    restored += 1
        elif enrollment is not None and enrollment.source == EnrollmentSource.subscription:
            # Kept here so a renewal brings the student back to where they were.
            place.last_lesson_id = enrollment.last_lesson_id
            place.last_activity_at = enrollment.last_activity_at
            place.completed_at = enrollment.completed_at
            await repository.remove_enrollment(enrollment)
            set_aside += 1
    await session.flush()
    return restored, set_aside


async def _remember(session: AsyncSession, user_id: uuid.UUID, course_id: uuid.UUID) -> None:
    # Two clicks at once remember the course once.
    await session.execute(
        dialect_insert(session)(SubscribedCourse)
        .values(user_id=user_id, course_id=course_id, started_at=utcnow())
        .on_conflict_do_nothing(index_elements=["user_id", "course_id"])
    )
