"""Quizzes and assignments: the settings of a graded lesson, question banks and questions."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow


class AssessmentKind(enum.StrEnum):
    quiz = "quiz"
    assignment = "assignment"


class LatePolicy(enum.StrEnum):
    accept = "accept"  # late work counts in full
    penalty = "penalty"  # late work loses late_penalty_percent of its score
    refuse = "refuse"  # nothing is taken after the due date


class AnswerReveal(enum.StrEnum):
    """When a quiz's correct answers (and explanations) are shown to the student."""

    after_submission = "after_submission"
    after_due = "after_due"
    never = "never"


class KeepScore(enum.StrEnum):
    """Which of several quiz attempts counts in the gradebook."""

    highest = "highest"
    latest = "latest"


class Assessment(Base):
    """The graded side of a quiz or assignment lesson: one row per such lesson, made the first
    time its builder opens. Quiz settings and assignment settings share the table; each kind
    leaves the other's columns at their defaults."""

    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_course_id_due_at", "course_id", "due_at"),)

    lesson_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("lessons.id", ondelete="CASCADE"), primary_key=True
    )
    course_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    kind: Mapped[AssessmentKind] = mapped_column(
        Enum(AssessmentKind, native_enum=False, length=20, validate_strings=True)
    )
    # Stored in UTC; entered and shown in the course's time zone (Course.time_zone).
    due_at: Mapped[datetime | None]
    late_policy: Mapped[LatePolicy] = mapped_column(
        Enum(LatePolicy, native_enum=False, length=20, validate_strings=True),
        default=LatePolicy.accept,
    )
    late_penalty_percent: Mapped[int] = mapped_column(default=0)

    # Quizzes.
    time_limit_seconds: Mapped[int | None]
    max_attempts: Mapped[int | None]
    pass_percent: Mapped[int] = mapped_column(default=70)
    shuffle_questions: Mapped[bool] = mapped_column(default=False)
    shuffle_options: Mapped[bool] = mapped_column(default=False)
    show_answers: Mapped[AnswerReveal] = mapped_column(
        Enum(AnswerReveal, native_enum=False, length=20, validate_strings=True),
        default=AnswerReveal.after_submission,
    )
    keep_score: Mapped[KeepScore] = mapped_column(
        Enum(KeepScore, native_enum=False, length=20, validate_strings=True),
        default=KeepScore.highest,
    )

    # Assignments.
    points: Mapped[float] = mapped_column(default=100.0)  # the most a grade gives, without a rubric
    accepts_text: Mapped[bool] = mapped_column(default=True)
    accepts_files: Mapped[bool] = mapped_column(default=True)
    file_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    max_files: Mapped[int] = mapped_column(default=5)
    # [{id, title, description, levels: [{id, title, description, points}]}]
    rubric: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class QuestionBank(IdMixin, CreatedMixin, Base):
    """Questions of a course. A quiz's own questions are a bank too (quiz_lesson_id set);
    the course's shared banks (quiz_lesson_id null) are drawn from by any of its quizzes."""

    __tablename__ = "question_banks"

    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(120))
    quiz_lesson_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("lessons.id", ondelete="CASCADE"), unique=True
    )


class QuestionKind(enum.StrEnum):
    single_choice = "single_choice"
    multiple_choice = "multiple_choice"
    true_false = "true_false"
    short_text = "short_text"
    numeric = "numeric"
    ordering = "ordering"
    essay = "essay"  # a free-text answer a person grades


class Question(IdMixin, CreatedMixin, Base):
    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_bank_id_position", "bank_id", "position"),)

    bank_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("question_banks.id", ondelete="CASCADE"))
    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[QuestionKind] = mapped_column(
        Enum(QuestionKind, native_enum=False, length=20, validate_strings=True)
    )
    prompt: Mapped[str] = mapped_column(Text, default="")  # Markdown
    image_key: Mapped[str | None] = mapped_column(String(200))
    points: Mapped[float] = mapped_column(default=1.0)
    # The kind's answer key and feedback (assessments/questions.py describes each shape).
    spec: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    explanation: Mapped[str] = mapped_column(Text, default="")  # shown with the answers
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class QuizSource(Base):
    """A bank a quiz asks from, and how many of its questions each attempt draws (null: all)."""

    __tablename__ = "quiz_sources"

    lesson_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("lessons.id", ondelete="CASCADE"), primary_key=True
    )
    bank_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("question_banks.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    draw_count: Mapped[int | None]
    position: Mapped[int] = mapped_column(default=0)
