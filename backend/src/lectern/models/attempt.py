"""A student's attempts at a quiz and the answers in them."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, IdMixin, utcnow


class AttemptStatus(enum.StrEnum):
    in_progress = "in_progress"
    submitted = "submitted"  # some answers wait for a person
    graded = "graded"


class QuizAttempt(IdMixin, Base):
    __tablename__ = "quiz_attempts"
    __table_args__ = (
        # Attempt numbers are unique per student and quiz: two starts at once can't both
        # become attempt n, so the attempt limit holds under replays.
        UniqueConstraint("lesson_id", "user_id", "number"),
        Index("ix_quiz_attempts_user_id_lesson_id", "user_id", "lesson_id"),
        Index("ix_quiz_attempts_status_deadline_at", "status", "deadline_at"),
    )

    lesson_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"))
    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    number: Mapped[int]
    status: Mapped[AttemptStatus] = mapped_column(
        Enum(AttemptStatus, native_enum=False, length=20, validate_strings=True),
        default=AttemptStatus.in_progress,
    )
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Server time after which no answer is taken: the time limit, or a refused-late due date.
    deadline_at: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    # Closed by the clock rather than by the student (graded on what was saved in time).
    timed_out: Mapped[bool] = mapped_column(default=False)
    late: Mapped[bool] = mapped_column(default=False)
    penalty_percent: Mapped[int] = mapped_column(default=0)
    score: Mapped[float | None]  # after any late penalty
    max_score: Mapped[float] = mapped_column(default=0.0)
    passed: Mapped[bool | None]
    released_at: Mapped[datetime | None]


class AttemptAnswer(Base):
    """One question of an attempt: a copy of the question as it was drawn (later edits don't
    change an attempt), the order its options were shown in, the answer and its grade."""

    __tablename__ = "attempt_answers"
    __table_args__ = (Index("ix_attempt_answers_question_id", "question_id"),)

    attempt_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("quiz_attempts.id", ondelete="CASCADE"), primary_key=True
    )
    # No foreign key: the question may be deleted later; the attempt keeps its copy.
    question_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    position: Mapped[int]
    question: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Option (or ordering item) ids in the order shown to the student.
    shown_order: Mapped[list[str]] = mapped_column(JSON, default=list)
    response: Mapped[Any | None] = mapped_column(JSON)
    saved_at: Mapped[datetime | None]
    auto_points: Mapped[float | None]  # what the automatic grading gave
    points: Mapped[float | None]  # what counts: automatic, a person's grade or an override
    needs_grading: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str] = mapped_column(Text, default="")
    graded_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    graded_at: Mapped[datetime | None]
