from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, SmallInteger, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow


class StudentReview(IdMixin, CreatedMixin, Base):
    """A student's rating (1-5) and words about a course, one per student per course.
    Not to be confused with the publishing review of a course (Course.review_reason)."""

    __tablename__ = "student_reviews"
    __table_args__ = (
        UniqueConstraint("course_id", "user_id"),
        Index("ix_student_reviews_course_id_created_at", "course_id", "created_at"),
    )

    course_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    rating: Mapped[int] = mapped_column(SmallInteger)
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # An admin's moderation: a hidden review counts in no average and shows to nobody else.
    hidden_at: Mapped[datetime | None]
    hidden_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    hidden_reason: Mapped[str | None] = mapped_column(Text)
    # The course team's public answer.
    reply_body: Mapped[str | None] = mapped_column(Text)
    reply_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    replied_at: Mapped[datetime | None]
