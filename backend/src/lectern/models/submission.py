"""Assignment submissions, their files and their grades."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow


class Submission(IdMixin, Base):
    """One hand-in. A resubmission is a new row with the next number; the history is kept."""

    __tablename__ = "submissions"
    __table_args__ = (
        UniqueConstraint("lesson_id", "user_id", "number"),
        Index("ix_submissions_user_id_lesson_id", "user_id", "lesson_id"),
    )

    lesson_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"))
    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    late: Mapped[bool] = mapped_column(default=False)
    penalty_percent: Mapped[int] = mapped_column(default=0)
    # The grade: a level per rubric criterion ({criterion id: level id}) or raw points.
    rubric_levels: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    raw_points: Mapped[float | None]
    points: Mapped[float | None]  # after any late penalty
    max_points: Mapped[float] = mapped_column(default=0.0)
    comment: Mapped[str] = mapped_column(Text, default="")
    graded_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    graded_at: Mapped[datetime | None]
    released_at: Mapped[datetime | None]


class SubmissionFile(IdMixin, CreatedMixin, Base):
    """A file a student uploaded for an assignment: loose until it is handed in with a
    submission (loose ones are dropped after a day)."""

    __tablename__ = "submission_files"
    __table_args__ = (Index("ix_submission_files_user_id_lesson_id", "user_id", "lesson_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    lesson_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"))
    submission_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # what its content turned out to be
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int]
    key: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
