"""Students' ratings and reviews of courses, instructors' replies, admins' moderation."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from lectern.auth.dependencies import CurrentUser, OptionalPrincipal
from lectern.catalog.context import CatalogCtx
from lectern.kit.pagination import Page
from lectern.reviews.schemas import (
    AdminReview,
    HideRequest,
    MyReview,
    MyReviewState,
    ReplyWrite,
    ReviewOut,
    ReviewPage,
    ReviewVisibility,
    ReviewWrite,
)
from lectern.reviews.service import review_service

router = APIRouter(tags=["learning"])

Cursor = Annotated[str | None, Query(max_length=500)]


@router.get("/courses/{course_id}/reviews", operation_id="reviews:list", response_model=ReviewPage)
async def list_reviews(
    course_id: uuid.UUID,
    ctx: CatalogCtx,
    principal: OptionalPrincipal,
    cursor: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> ReviewPage:
    """A course's reviews, the newest first, with the average and the histogram."""
    viewer = principal.user if principal else None
    return await review_service.page(ctx, viewer, course_id, cursor=cursor, limit=limit)


@router.get(
    "/courses/{course_id}/reviews/mine", operation_id="reviews:mine", response_model=MyReviewState
)
async def my_review(course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> MyReviewState:
    return await review_service.mine(ctx, user, course_id)


@router.put(
    "/courses/{course_id}/reviews/mine", operation_id="reviews:saveMine", response_model=MyReview
)
async def save_my_review(
    course_id: uuid.UUID, body: ReviewWrite, ctx: CatalogCtx, user: CurrentUser
) -> MyReview:
    """Rate and review a course you are enrolled in; writing again edits your review."""
    return await review_service.save_mine(ctx, user, course_id, body)


@router.delete(
    "/courses/{course_id}/reviews/mine",
    operation_id="reviews:deleteMine",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def delete_my_review(course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> None:
    await review_service.delete_mine(ctx, user, course_id)


@router.put("/reviews/{review_id}/reply", operation_id="reviews:reply", response_model=ReviewOut)
async def reply_to_review(
    review_id: uuid.UUID, body: ReplyWrite, ctx: CatalogCtx, user: CurrentUser
) -> ReviewOut:
    """The course team's public answer to a review (written again, it is replaced)."""
    return await review_service.reply(ctx, user, review_id, body)


@router.delete(
    "/reviews/{review_id}/reply", operation_id="reviews:deleteReply", response_model=ReviewOut
)
async def delete_reply(review_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> ReviewOut:
    return await review_service.delete_reply(ctx, user, review_id)


@router.get(
    "/admin/student-reviews",
    operation_id="reviews:moderationList",
    response_model=Page[AdminReview],
)
async def moderation_list(
    ctx: CatalogCtx,
    user: CurrentUser,
    visibility: ReviewVisibility | None = None,
    course_id: uuid.UUID | None = None,
    cursor: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 30,
) -> Page[AdminReview]:
    """Every student review, hidden ones too, the newest first (admins)."""
    return await review_service.moderation_list(
        ctx, user, visibility=visibility, course_id=course_id, cursor=cursor, limit=limit
    )


@router.post(
    "/admin/student-reviews/{review_id}/hide",
    operation_id="reviews:hide",
    response_model=AdminReview,
)
async def hide_review(
    review_id: uuid.UUID, body: HideRequest, ctx: CatalogCtx, user: CurrentUser
) -> AdminReview:
    """Hide a review from everyone but its author, and from the course's average."""
    return await review_service.hide(ctx, user, review_id, body.reason)


@router.post(
    "/admin/student-reviews/{review_id}/unhide",
    operation_id="reviews:unhide",
    response_model=AdminReview,
)
async def unhide_review(review_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> AdminReview:
    return await review_service.unhide(ctx, user, review_id)
