"""Students' ratings and reviews: one per student and course, the team's replies, admins'
moderation, and the course's rating average and count the catalog shows."""

from __future__ import annotations

import uuid

from lectern.audit.service import audit_service
from lectern.auth.permissions import require_role
from lectern.catalog.access import can_edit
from lectern.catalog.context import CatalogContext
from lectern.errors import Conflict, Forbidden, NotFound
from lectern.kit.pagination import Page, decode_cursor, encode_cursor
from lectern.learning.entitlements import ENROLLED_STATUSES, is_enrolled
from lectern.models import Course, Role, User
from lectern.models.base import utcnow
from lectern.reviews.repository import ReviewRepository, ReviewRow
from lectern.reviews.schemas import (
    AdminReview,
    AdminReviewAuthor,
    MyReview,
    MyReviewState,
    RatingBucket,
    RatingSummary,
    ReplyWrite,
    ReviewAuthor,
    ReviewBlock,
    ReviewedCourse,
    ReviewOut,
    ReviewPage,
    ReviewReply,
    ReviewVisibility,
    ReviewWrite,
)
from lectern.users.schemas import avatar_url


def _no_course() -> NotFound:
    return NotFound("No such course.")


def _no_review() -> NotFound:
    return NotFound("No such review.", code="review_not_found")


class ReviewService:
    # --- students ---------------------------------------------------------------------

    async def page(
        self,
        ctx: CatalogContext,
        viewer: User | None,
        course_id: uuid.UUID,
        *,
        cursor: str | None,
        limit: int,
    ) -> ReviewPage:
        """A course's visible reviews, the newest first, with the rating summary."""
        course = await self._readable_course(ctx, viewer, course_id)
        repository = ReviewRepository(ctx.session)
        after = decode_cursor(cursor) if cursor else None
        rows = await repository.visible_page(course.id, after, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        last = rows[-1].review if rows else None
        return ReviewPage(
            summary=_summary(await repository.histogram(course.id)),
            items=[_review_out(row) for row in rows],
            next_cursor=encode_cursor(last.created_at, last.id) if more and last else None,
        )

    async def mine(self, ctx: CatalogContext, user: User, course_id: uuid.UUID) -> MyReviewState:
        """The user's own review (hidden or not) and whether they may write one."""
        course = await self._course(ctx, course_id)
        block = await self._block(ctx, user, course)
        row = await ReviewRepository(ctx.session).of_student(user.id, course.id)
        if row is None and not _visible(user, course):
            raise _no_course()
        return MyReviewState(
            can_review=block is None,
            blocked_by=block,
            review=_my_review(row) if row else None,
        )

    async def save_mine(
        self, ctx: CatalogContext, user: User, course_id: uuid.UUID, body: ReviewWrite
    ) -> MyReview:
        """Write or edit the user's review: enrolled students only, not the course's team.
        An edit of a hidden review stays hidden until an admin shows it again."""
        course = await self._course(ctx, course_id)
        if not _visible(user, course) and not await is_enrolled(ctx.session, user.id, course.id):
            raise _no_course()
        block = await self._block(ctx, user, course)
        if block is ReviewBlock.team:
            raise Forbidden(
                "You teach this course: reviews are for its students.", code="own_course"
            )
        if block is ReviewBlock.not_enrolled:
            raise Forbidden(
                "Only students enrolled in this course can review it.", code="not_enrolled"
            )
        repository = ReviewRepository(ctx.session)
        await repository.upsert(user.id, course.id, rating=body.rating, body=body.body)
        await self._refresh_rating(ctx, course.id)
        row = await repository.of_student(user.id, course.id)
        assert row is not None
        return _my_review(row)

    async def delete_mine(self, ctx: CatalogContext, user: User, course_id: uuid.UUID) -> None:
        repository = ReviewRepository(ctx.session)
        row = await repository.of_student(user.id, course_id)
        if row is None:
            raise NotFound("You have not reviewed this course.", code="review_not_found")
        await ctx.session.delete(row.review)
        await ctx.session.flush()
        await self._refresh_rating(ctx, course_id)

    # --- the course team ----------------------------------------------------------------

    async def reply(
        self, ctx: CatalogContext, user: User, review_id: uuid.UUID, body: ReplyWrite
    ) -> ReviewOut:
        """Write or change the team's public answer to a review (owner, co-instructors, admins)."""
        row = await self._team_review(ctx, user, review_id)
        await ReviewRepository(ctx.session).update_keeping_date(
            row.review.id, reply_body=body.body, reply_by_id=user.id, replied_at=utcnow()
        )
        return _review_out(await self._reload(ctx, review_id))

    async def delete_reply(
        self, ctx: CatalogContext, user: User, review_id: uuid.UUID
    ) -> ReviewOut:
        row = await self._team_review(ctx, user, review_id)
        await ReviewRepository(ctx.session).update_keeping_date(
            row.review.id, reply_body=None, reply_by_id=None, replied_at=None
        )
        return _review_out(await self._reload(ctx, review_id))

    # --- moderation ---------------------------------------------------------------------

    async def moderation_list(
        self,
        ctx: CatalogContext,
        admin: User,
        *,
        visibility: ReviewVisibility | None,
        course_id: uuid.UUID | None,
        cursor: str | None,
        limit: int,
    ) -> Page[AdminReview]:
        """Every review, the newest first, for admins; hidden ones included."""
        require_role(admin, Role.admin)
        after = decode_cursor(cursor) if cursor else None
        hidden = None if visibility is None else visibility is ReviewVisibility.hidden
        rows = await ReviewRepository(ctx.session).moderation_page(
            hidden=hidden, course_id=course_id, after=after, limit=limit + 1
        )
        more = len(rows) > limit
        rows = rows[:limit]
        last = rows[-1].review if rows else None
        return Page[AdminReview](
            items=[_admin_review(row) for row in rows],
            next_cursor=encode_cursor(last.created_at, last.id) if more and last else None,
        )

    async def hide(
        self, ctx: CatalogContext, admin: User, review_id: uuid.UUID, reason: str
    ) -> AdminReview:
        """Take a review out of the list and the average; written to the audit log."""
        require_role(admin, Role.admin)
        row = await self._moderated(ctx, review_id)
        if row.review.hidden_at is not None:
            raise Conflict("This review is already hidden.", code="already_hidden")
        await ReviewRepository(ctx.session).update_keeping_date(
            review_id, hidden_at=utcnow(), hidden_by_id=admin.id, hidden_reason=reason
        )
        await self._audit(ctx, admin, row, "student_review.hidden", reason)
        await self._refresh_rating(ctx, row.review.course_id)
        return _admin_review(await self._moderated(ctx, review_id))

    async def unhide(self, ctx: CatalogContext, admin: User, review_id: uuid.UUID) -> AdminReview:
        require_role(admin, Role.admin)
        row = await self._moderated(ctx, review_id)
        if row.review.hidden_at is None:
            raise Conflict("This review is not hidden.", code="not_hidden")
        await ReviewRepository(ctx.session).update_keeping_date(
            review_id, hidden_at=None, hidden_by_id=None, hidden_reason=None
        )
        await self._audit(ctx, admin, row, "student_review.unhidden", None)
        await self._refresh_rating(ctx, row.review.course_id)
        return _admin_review(await self._moderated(ctx, review_id))

    # --- helpers --------------------------------------------------------------------------

    async def _course(self, ctx: CatalogContext, course_id: uuid.UUID) -> Course:
        course = await ReviewRepository(ctx.session).course_with_team(course_id)
        if course is None:
            raise _no_course()
        return course

    async def _readable_course(
        self, ctx: CatalogContext, viewer: User | None, course_id: uuid.UUID
    ) -> Course:
        course = await self._course(ctx, course_id)
        if not _visible(viewer, course):
            raise _no_course()
        return course

    async def _block(self, ctx: CatalogContext, user: User, course: Course) -> ReviewBlock | None:
        if course.is_taught_by(user.id):
            return ReviewBlock.team
        if course.status not in ENROLLED_STATUSES or not await is_enrolled(
            ctx.session, user.id, course.id
        ):
            return ReviewBlock.not_enrolled
        return None

    async def _team_review(
        self, ctx: CatalogContext, user: User, review_id: uuid.UUID
    ) -> ReviewRow:
        row = await ReviewRepository(ctx.session).row(review_id)
        if row is None:
            raise _no_review()
        course = await self._course(ctx, row.review.course_id)
        if not can_edit(user, course):
            raise Forbidden(
                "Only the course's instructors can reply to its reviews.", code="not_course_team"
            )
        return row

    async def _reload(self, ctx: CatalogContext, review_id: uuid.UUID) -> ReviewRow:
        row = await ReviewRepository(ctx.session).row(review_id)
        if row is None:  # pragma: no cover - deleted in this very transaction
            raise _no_review()
        return row

    async def _moderated(self, ctx: CatalogContext, review_id: uuid.UUID) -> ReviewRow:
        rows = await ReviewRepository(ctx.session).moderation_page(
            hidden=None, course_id=None, after=None, limit=1, review_id=review_id
        )
        if not rows:
            raise _no_review()
        return rows[0]

    async def _refresh_rating(self, ctx: CatalogContext, course_id: uuid.UUID) -> None:
        """Recount the course's visible ratings into Course.rating_average / rating_count and
        drop the cached catalog pages and landing once the change commits."""
        repository = ReviewRepository(ctx.session)
        summary = _summary(await repository.histogram(course_id))
        await repository.store_course_rating(course_id, summary.average, summary.count)
        ctx.catalog_changed()

    async def _audit(
        self, ctx: CatalogContext, admin: User, row: ReviewRow, action: str, reason: str | None
    ) -> None:
        course_title = row.course.title if row.course else ""
        await audit_service.record(
            ctx.session,
            actor=admin,
            action=action,
            subject_type="student_review",
            subject_id=row.review.id,
            subject_label=f"{row.author.display_name}'s review of {course_title}",
            reason=reason,
            data={"course_id": str(row.review.course_id), "rating": str(row.review.rating)},
        )


def _visible(viewer: User | None, course: Course) -> bool:
    return course.status in ENROLLED_STATUSES or can_edit(viewer, course)


def _summary(histogram: dict[int, int]) -> RatingSummary:
    count = sum(histogram.values())
    total = sum(stars * n for stars, n in histogram.items())
    return RatingSummary(
        average=round(total / count, 2) if count else None,
        count=count,
        histogram=[RatingBucket(stars=s, count=histogram.get(s, 0)) for s in range(5, 0, -1)],
    )


def _reply(row: ReviewRow) -> ReviewReply | None:
    review = row.review
    if review.reply_body is None or review.replied_at is None:
        return None
    return ReviewReply(
        body=review.reply_body, replied_at=review.replied_at, author_name=row.replier_name
    )


def _review_out(row: ReviewRow) -> ReviewOut:
    review = row.review
    return ReviewOut(
        id=review.id,
        course_id=review.course_id,
        rating=review.rating,
        body=review.body,
        created_at=review.created_at,
        updated_at=review.updated_at,
        author=ReviewAuthor(
            display_name=row.author.display_name, avatar_url=avatar_url(row.author)
        ),
        reply=_reply(row),
    )


def _my_review(row: ReviewRow) -> MyReview:
    return MyReview(**_review_out(row).model_dump(), hidden=row.review.hidden_at is not None)


def _admin_review(row: ReviewRow) -> AdminReview:
    review, author, course = row.review, row.author, row.course
    assert course is not None
    return AdminReview(
        id=review.id,
        rating=review.rating,
        body=review.body,
        created_at=review.created_at,
        updated_at=review.updated_at,
        author=AdminReviewAuthor(
            id=author.id,
            display_name=author.display_name,
            email=author.email,
            avatar_url=avatar_url(author),
        ),
        course=ReviewedCourse(id=course.id, title=course.title, slug=course.slug),
        reply=_reply(row),
        hidden_at=review.hidden_at,
        hidden_reason=review.hidden_reason,
        hidden_by_name=row.hider_name,
    )


review_service = ReviewService()
