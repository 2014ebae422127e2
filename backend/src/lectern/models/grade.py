"""The gradebook's cells and the history of every grade."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow


class GradeState(enum.StrEnum):
    """Where the newest hand-in stands."""

    submitted = "submitted"  # handed in, waiting for a person
    graded = "graded"  # graded, not yet released to the student
    released = "released"


class GradeEntry(Base):
    """What counts for a student in one quiz or assignment, kept up to date from the attempts
    and submissions so the gradebook and the dashboard read one row per cell."""

    __tablename__ = "grade_entries"
    __table_args__ = (Index("ix_grade_entries_course_id_user_id", "course_id", "user_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    lesson_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("lessons.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    course_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    state: Mapped[GradeState] = mapped_column(
        Enum(GradeState, native_enum=False, length=20, validate_strings=True)
    )
    # The grade that counts as the team sees it (graded, released or not) and as the student
    # sees it (released only).
    points: Mapped[float | None]
    released_points: Mapped[float | None]
    max_points: Mapped[float] = mapped_column(default=0.0)
    passed: Mapped[bool | None]  # of the released grade
    late: Mapped[bool] = mapped_column(default=False)
    attempts: Mapped[int] = mapped_column(default=0)  # attempts or submissions handed in
    released_at: Mapped[datetime | None]
    # When the student last looked at a released grade: newer releases are "new" to them.
    seen_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class GradeAction(enum.StrEnum):
    auto_graded = "auto_graded"
    graded = "graded"  # by a person
    overridden = "overridden"  # a person changed an automatic grade, with a reason
    released = "released"


class GradeEvent(IdMixin, CreatedMixin, Base):
    """One change to a grade, never rewritten: the automatic grade and any override both stay."""

    __tablename__ = "grade_events"
    __table_args__ = (Index("ix_grade_events_course_id_user_id", "course_id", "user_id"),)

    course_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    lesson_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    attempt_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("quiz_attempts.id", ondelete="CASCADE"), index=True
    )
    submission_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[uuid.UUID | None]
    action: Mapped[GradeAction] = mapped_column(
        Enum(GradeAction, native_enum=False, length=20, validate_strings=True)
    )
    points_before: Mapped[float | None]
    points_after: Mapped[float | None]
    max_points: Mapped[float] = mapped_column(default=0.0)
    reason: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
