from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

BODY_MAX = 4000

Rating = Annotated[int, Field(ge=1, le=5, description="Stars, 1 to 5")]
ReviewBody = Annotated[str, StringConstraints(strip_whitespace=True, max_length=BODY_MAX)]
ReplyBody = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=BODY_MAX)
]
HideReason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=1000)]


class ReviewWrite(BaseModel):
    rating: Rating
    body: ReviewBody = ""


class ReplyWrite(BaseModel):
    body: ReplyBody


class HideRequest(BaseModel):
    reason: HideReason = Field(description="Why, for the audit log and the other admins")


class ReviewAuthor(BaseModel):
    display_name: str
    avatar_url: str | None


class ReviewReply(BaseModel):
    """The course team's public answer."""

    body: str
    replied_at: datetime
    author_name: str | None = Field(description="Who on the team replied (null once deleted)")


class ReviewOut(BaseModel):
    id: uuid.UUID
    course_id: uuid.UUID
    rating: int
    body: str
    created_at: datetime
    updated_at: datetime
    author: ReviewAuthor
    reply: ReviewReply | None


class MyReview(ReviewOut):
    hidden: bool = Field(
        description="Hidden by a moderator: nobody else sees it and it counts in no average"
    )


class ReviewBlock(enum.StrEnum):
    """Why the signed-in user may not review this course."""

    team = "team"  # they teach it
    not_enrolled = "not_enrolled"


class MyReviewState(BaseModel):
    """The signed-in user's review of a course, and whether they may write one."""

    can_review: bool
    blocked_by: ReviewBlock | None
    review: MyReview | None


class RatingBucket(BaseModel):
    stars: int
    count: int


class RatingSummary(BaseModel):
    """Over the visible reviews: what the catalog shows."""

    average: float | None
    count: int
    histogram: list[RatingBucket] = Field(description="Five buckets, 5 stars first")


class ReviewPage(BaseModel):
    summary: RatingSummary
    items: list[ReviewOut]
    next_cursor: str | None


class ReviewVisibility(enum.StrEnum):
    visible = "visible"
    hidden = "hidden"


class ReviewedCourse(BaseModel):
    id: uuid.UUID
    title: str
    slug: str


class AdminReviewAuthor(BaseModel):
    id: uuid.UUID
    display_name: str
    email: str
    avatar_url: str | None


class AdminReview(BaseModel):
    id: uuid.UUID
    rating: int
    body: str
    created_at: datetime
    updated_at: datetime
    author: AdminReviewAuthor
    course: ReviewedCourse
    reply: ReviewReply | None
    hidden_at: datetime | None
    hidden_reason: str | None
    hidden_by_name: str | None
