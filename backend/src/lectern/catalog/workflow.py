"""A course's life: draft -> in review -> published or rejected; unlisted, archived; and the
admins' review queue. Every decision is written to the audit log and mailed to the team."""

from __future__ import annotations

import uuid

from lectern.audit.service import audit_service
from lectern.auth.permissions import require_role
from lectern.catalog.access import PUBLIC_STATUSES, require_edit, require_manage
from lectern.catalog.context import CatalogContext
from lectern.catalog.presenters import studio_summary, team_of
from lectern.catalog.repository import CourseRepository
from lectern.catalog.schemas import AdminCourse
from lectern.errors import Conflict, Invalid, NotFound
from lectern.models import Course, CourseStatus, Role, User
from lectern.models.base import utcnow
from lectern.notifications.service import queue_email

# The moves an instructor makes themselves; admins' decisions have their own methods.
VISIBILITY_MOVES = {
    CourseStatus.published: {CourseStatus.unlisted, CourseStatus.archived},
    CourseStatus.unlisted: {CourseStatus.published, CourseStatus.archived},
    CourseStatus.archived: {CourseStatus.published, CourseStatus.unlisted},
}


class CourseWorkflow:
    async def submit(self, ctx: CatalogContext, actor: User, course_id: uuid.UUID) -> Course:
        """Send a draft (or a rejected course) to the admins' review queue."""
        course = await self._course(ctx, course_id)
        require_edit(actor, course)
        if course.status not in (CourseStatus.draft, CourseStatus.rejected):
            raise Conflict(
                f"Only a draft can be submitted; this course is {course.status.value}.",
                code="not_a_draft",
            )
        missing = [
            message
            for ok, message in (
                (bool(course.description.strip()), "a description"),
                (course.lesson_count > 0, "at least one lesson"),
            )
            if not ok
        ]
        if missing:
            raise Invalid(
                f"Before review the course needs {' and '.join(missing)}.",
                code="course_incomplete",
                details={"missing": ", ".join(missing)},
            )
        course.status = CourseStatus.in_review
        course.submitted_at = utcnow()
        await ctx.session.flush()
        await audit_service.record(
            ctx.session,
            actor=actor,
            action="course.submitted",
            subject_type="course",
            subject_id=course.id,
            subject_label=course.title,
        )
        return course

    async def withdraw(self, ctx: CatalogContext, actor: User, course_id: uuid.UUID) -> Course:
        course = await self._course(ctx, course_id)
        require_edit(actor, course)
        if course.status != CourseStatus.in_review:
            raise Conflict("The course is not waiting for review.", code="not_in_review")
        course.status = CourseStatus.draft
        course.submitted_at = None
        await ctx.session.flush()
        await audit_service.record(
            ctx.session,
            actor=actor,
            action="course.withdrawn",
            subject_type="course",
            subject_id=course.id,
            subject_label=course.title,
        )
        return course

    async def set_visibility(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID, status: CourseStatus
    ) -> Course:
        """Published <-> unlisted <-> archived, by the owner. Enrolled students keep access."""
        course = await self._course(ctx, course_id)
        require_manage(actor, course)
        if status == course.status:
            return course
        if status not in VISIBILITY_MOVES.get(course.status, set()):
            raise Conflict(
                f"A {course.status.value} course can't become {status.value} directly: "
                "publishing goes through review.",
                code="invalid_transition",
            )
        previous = course.status
        course.status = status
        if status == CourseStatus.published and previous != CourseStatus.unlisted:
            course.published_at = utcnow()
        await ctx.session.flush()
        await audit_service.record(
            ctx.session,
            actor=actor,
            action=f"course.{status.value}",
            subject_type="course",
            subject_id=course.id,
            subject_label=course.title,
            data={"from": previous.value},
        )
        ctx.catalog_changed()
        return course

    # --- admins -----------------------------------------------------------------------

    async def review_queue(self, ctx: CatalogContext, actor: User) -> list[AdminCourse]:
        require_role(actor, Role.admin)
        found = await CourseRepository(ctx.session).with_status(
            [CourseStatus.in_review], query=None, limit=200, queue_order=True
        )
        return [self._admin_view(c) for c in found]

    async def admin_courses(
        self, ctx: CatalogContext, actor: User, *, status: CourseStatus | None, query: str | None
    ) -> list[AdminCourse]:
        require_role(actor, Role.admin)
        statuses = [status] if status else list(CourseStatus)
        found = await CourseRepository(ctx.session).with_status(
            statuses, query=query.strip() if query else None, limit=200
        )
        return [self._admin_view(c) for c in found]

    async def approve(self, ctx: CatalogContext, actor: User, course_id: uuid.UUID) -> Course:
        require_role(actor, Role.admin)
        course = await self._course(ctx, course_id)
        self._require_in_review(course)
        now = utcnow()
        course.status = CourseStatus.published
        course.published_at = now
        course.first_published_at = course.first_published_at or now
        course.reviewed_at = now
        course.review_reason = None
        await ctx.session.flush()
        await self._decided(ctx, actor, course, action="course.approved", reason=None)
        return course

    async def reject(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID, *, reason: str
    ) -> Course:
        require_role(actor, Role.admin)
        course = await self._course(ctx, course_id)
        self._require_in_review(course)
        course.status = CourseStatus.rejected
        course.reviewed_at = utcnow()
        course.review_reason = reason
        await ctx.session.flush()
        await self._decided(ctx, actor, course, action="course.rejected", reason=reason)
        return course

    async def unpublish(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID, *, reason: str
    ) -> Course:
        """Take a live course down to a draft; the team fixes it and submits again."""
        require_role(actor, Role.admin)
        course = await self._course(ctx, course_id)
        if course.status not in PUBLIC_STATUSES:
            raise Conflict(
                "Only a published or unlisted course can be unpublished.", code="not_published"
            )
        course.status = CourseStatus.draft
        course.reviewed_at = utcnow()
        course.review_reason = reason
        await ctx.session.flush()
        await self._decided(ctx, actor, course, action="course.unpublished", reason=reason)
        ctx.catalog_changed()
        return course

    # --- helpers ----------------------------------------------------------------------

    async def _course(self, ctx: CatalogContext, course_id: uuid.UUID) -> Course:
        course = await CourseRepository(ctx.session).with_team(course_id)
        if course is None:
            raise NotFound("No such course.")
        return course

    def _require_in_review(self, course: Course) -> None:
        if course.status != CourseStatus.in_review:
            raise Conflict(
                f"This course is {course.status.value}, not waiting for review.",
                code="not_in_review",
            )

    def _admin_view(self, course: Course) -> AdminCourse:
        return AdminCourse(
            **studio_summary(course).model_dump(), first_published_at=course.first_published_at
        )

    async def _decided(
        self, ctx: CatalogContext, actor: User, course: Course, *, action: str, reason: str | None
    ) -> None:
        await audit_service.record(
            ctx.session,
            actor=actor,
            action=action,
            subject_type="course",
            subject_id=course.id,
            subject_label=course.title,
            reason=reason,
        )
        if action == "course.approved":
            ctx.catalog_changed()
        studio = f"{ctx.settings.public_url.rstrip('/')}/studio/courses/{course.id}"
        subject, opening = {
            "course.approved": (
                f"“{course.title}” is live on Lectern",
                "Your course was approved and is now in the catalog.",
            ),
            "course.rejected": (
                f"“{course.title}” needs changes before it goes live",
                "Your course was reviewed and needs changes before it can be published.",
            ),
            "course.unpublished": (
                f"“{course.title}” was taken out of the catalog",
                "An admin unpublished your course; it is a draft again.",
            ),
        }[action]
        because = f"\nThe reviewer wrote:\n\n{reason}\n" if reason else ""
        for member in team_of(course):
            queue_email(
                ctx.jobs,
                to=member.email,
                subject=subject,
                link=studio,
                text=f"Hello {member.display_name},\n\n{opening}\n{because}\n{studio}\n",
            )


course_workflow = CourseWorkflow()
