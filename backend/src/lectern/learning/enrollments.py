"""Enrolments: a student joins a free course in one click (a paid one their subscription covers
too) and may leave it; an admin grants and revokes access to any course. Purchases, refunds
and subscription changes enrol through paid_enrollments.py.

Every change keeps Course.enrollment_count right (in SQL, so concurrent clicks add up) and,
once committed, drops the cached catalog pages that show it and the student's cached
recommendations.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select

from lectern.audit.service import audit_service
from lectern.auth.permissions import require_role
from lectern.catalog.access import PUBLIC_STATUSES, can_edit
from lectern.catalog.context import CatalogContext
from lectern.catalog.repository import CourseRepository
from lectern.errors import Conflict, LecternError, NotFound
from lectern.learning.entitlements import (
    ENROLLED_STATUSES,
    course_access,
    subscription_course_ids,
)
from lectern.learning.paid_enrollments import forget_subscribed_course, start_subscribed_course
from lectern.learning.recommendations import forget_recommendations
from lectern.learning.repository import LearningRepository, LessonState
from lectern.learning.schemas import CourseEnrollment, EnrolledStudent, LessonRef
from lectern.models import Course, Enrollment, EnrollmentSource, Role, User
from lectern.progress import service as progress_service
from lectern.users.repository import UserRepository


class PaymentRequired(LecternError):
    status = 402
    code = "payment_required"


def continue_lesson(last: LessonState | None, first_open: LessonState | None) -> LessonRef | None:
    """Where "Continue learning" goes: the lesson the student was last in while it is
    unfinished, else the first one not yet complete, else (all done) back to where they were."""
    if last is not None and not last.completed:
        return last.lesson
    if first_open is not None and not first_open.completed:
        return first_open.lesson
    if last is not None:
        return last.lesson
    return first_open.lesson if first_open else None


class EnrollmentService:
    # --- the student's own ----------------------------------------------------------------

    async def enroll(
        self, ctx: CatalogContext, user: User, course_id: uuid.UUID
    ) -> tuple[CourseEnrollment, bool]:
        """Join a free course (idempotent); the flag says whether this call enrolled."""
        repository = LearningRepository(ctx.session)
        course = await CourseRepository(ctx.session).with_team(course_id)
        if course is None:
            raise NotFound("No such course.")
        existing = await repository.enrollment(user.id, course.id)
        if existing is not None and course.status in ENROLLED_STATUSES:
            return await self._state(ctx, user, course, existing), False
        if course.status not in PUBLIC_STATUSES:
            raise NotFound("No such course.")
        if course.is_taught_by(user.id):
            raise Conflict("You teach this course.", code="course_team")
        if not course.is_free:
            subscribed = await start_subscribed_course(ctx.session, user.id, course.id)
            if subscribed is None:
                raise PaymentRequired(
                    "This course is paid: buy it or subscribe to a plan that includes it.",
                )
            self._changed(ctx, user.id)
            return await self._state(ctx, user, course, subscribed), existing is None
        enrollment = await repository.add_enrollment(user.id, course.id, EnrollmentSource.free)
        created = enrollment is not None
        if enrollment is None:  # the same student's other click won the race
            enrollment = await repository.enrollment(user.id, course.id)
            assert enrollment is not None
        else:
            self._changed(ctx, user.id)
        return await self._state(ctx, user, course, enrollment), created

    async def leave(self, ctx: CatalogContext, user: User, course_id: uuid.UUID) -> None:
        """Leave a course joined for free or through a subscription. Progress, notes and
        certificates stay, so coming back picks up where the student was."""
        repository = LearningRepository(ctx.session)
        enrollment = await repository.enrollment(user.id, course_id)
        if enrollment is None:
            raise NotFound("You are not enrolled in this course.", code="not_enrolled")
        if enrollment.source not in (EnrollmentSource.free, EnrollmentSource.subscription):
            raise Conflict(
                "This enrolment was bought or given by an admin; it can't be left here.",
                code="enrollment_not_free",
            )
        if enrollment.source == EnrollmentSource.subscription:
            await forget_subscribed_course(ctx.session, user.id, course_id)
        await repository.remove_enrollment(enrollment)
        self._changed(ctx, user.id)

    async def state(
        self, ctx: CatalogContext, user: User, course_id: uuid.UUID
    ) -> CourseEnrollment:
        """The viewer's access to a course, enrolment and progress."""
        course = await CourseRepository(ctx.session).with_team(course_id)
        if course is None:
            raise NotFound("No such course.")
        enrollment = await LearningRepository(ctx.session).enrollment(user.id, course.id)
        visible = (
            course.status in PUBLIC_STATUSES
            or can_edit(user, course)
            or (enrollment is not None and course.status in ENROLLED_STATUSES)
        )
        if not visible:
            raise NotFound("No such course.")
        return await self._state(ctx, user, course, enrollment)

    async def _state(
        self, ctx: CatalogContext, user: User, course: Course, enrollment: Enrollment | None
    ) -> CourseEnrollment:
        access = await course_access(ctx.session, user, course)
        if enrollment is None:
            included = not course.is_free and course.id in await subscription_course_ids(
                ctx.session, user.id, [course.id]
            )
            return CourseEnrollment(
                course_id=course.id,
                access=access,
                included_in_subscription=included,
                enrolled=False,
                source=None,
                enrolled_at=None,
                last_activity_at=None,
                completed_at=None,
                progress=None,
                continue_lesson=None,
            )
        repository = LearningRepository(ctx.session)
        progress = await progress_service.course_progress(ctx.session, user.id, [course.id])
        last = (
            await repository.lesson_states(user.id, [enrollment.last_lesson_id])
            if enrollment.last_lesson_id
            else {}
        )
        first_open = await repository.first_open_lessons(user.id, [course.id])
        return CourseEnrollment(
            course_id=course.id,
            access=access,
            included_in_subscription=enrollment.source == EnrollmentSource.subscription,
            enrolled=True,
            source=enrollment.source,
            enrolled_at=enrollment.created_at,
            last_activity_at=enrollment.last_activity_at,
            completed_at=enrollment.completed_at,
            progress=progress.get(course.id),
            continue_lesson=continue_lesson(
                last.get(enrollment.last_lesson_id) if enrollment.last_lesson_id else None,
                first_open.get(course.id),
            ),
        )

    def _changed(self, ctx: CatalogContext, student_id: uuid.UUID) -> None:
        # The catalog's cards and landings show enrollment_count.
        ctx.catalog_changed()
        forget_recommendations(ctx, student_id)

    # --- an admin's -----------------------------------------------------------------------

    async def _course(self, ctx: CatalogContext, admin: User, course_id: uuid.UUID) -> Course:
        require_role(admin, Role.admin)
        course = await CourseRepository(ctx.session).get(course_id)
        if course is None:
            raise NotFound("No such course.")
        return course

    async def students(
        self, ctx: CatalogContext, admin: User, course_id: uuid.UUID
    ) -> list[EnrolledStudent]:
        await self._course(ctx, admin, course_id)
        rows = await ctx.session.execute(
            select(Enrollment, User)
            .join(User, User.id == Enrollment.user_id)
            .where(Enrollment.course_id == course_id)
            .order_by(Enrollment.created_at.desc())
        )
        return [_present(enrollment, user) for enrollment, user in rows]

    async def grant(
        self, ctx: CatalogContext, admin: User, course_id: uuid.UUID, email: str
    ) -> EnrolledStudent:
        """Give a student access to a course, paid or free, without a purchase."""
        course = await self._course(ctx, admin, course_id)
        student = await UserRepository(ctx.session).by_email_with_roles(email)
        if student is None:
            raise NotFound("Nobody has an account with that email address.", code="no_such_user")
        enrollment = await LearningRepository(ctx.session).add_enrollment(
            student.id, course.id, EnrollmentSource.grant, granted_by_id=admin.id
        )
        if enrollment is None:
            raise Conflict(f"{student.display_name} is already enrolled.", code="already_enrolled")
        await _audit(ctx, admin, course, "enrollment.granted", student)
        self._changed(ctx, student.id)
        return _present(enrollment, student)

    async def revoke(
        self, ctx: CatalogContext, admin: User, course_id: uuid.UUID, user_id: uuid.UUID
    ) -> None:
        course = await self._course(ctx, admin, course_id)
        row = (
            await ctx.session.execute(
                select(Enrollment, User)
                .join(User, User.id == Enrollment.user_id)
                .where(Enrollment.user_id == user_id, Enrollment.course_id == course.id)
            )
        ).first()
        if row is None:
            raise NotFound("That student is not enrolled in this course.")
        enrollment, student = row
        await LearningRepository(ctx.session).remove_enrollment(enrollment)
        await _audit(ctx, admin, course, "enrollment.revoked", student)
        self._changed(ctx, student.id)


async def _audit(
    ctx: CatalogContext, admin: User, course: Course, action: str, student: User
) -> None:
    await audit_service.record(
        ctx.session,
        actor=admin,
        action=action,
        subject_type="course",
        subject_id=course.id,
        subject_label=course.title,
        data={"student": student.email},
    )


def _present(enrollment: Enrollment, user: User) -> EnrolledStudent:
    return EnrolledStudent(
        user_id=user.id,
        name=user.display_name,
        email=user.email,
        source=enrollment.source,
        enrolled_at=enrollment.created_at,
    )


enrollment_service = EnrollmentService()
