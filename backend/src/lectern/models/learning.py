"""Who is enrolled in what, how far each student got, and when they learned."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow


class EnrollmentSource(enum.StrEnum):
    free = "free"
    grant = "grant"  # given by an admin
    purchase = "purchase"
    subscription = "subscription"


class Enrollment(IdMixin, CreatedMixin, Base):
    __tablename__ = "enrollments"
    __table_args__ = (
        UniqueConstraint("user_id", "course_id"),
        # The dashboard lists a student's courses, most recently studied first.
        Index("ix_enrollments_user_id_last_activity_at", "user_id", "last_activity_at"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[EnrollmentSource] = mapped_column(
        Enum(EnrollmentSource, native_enum=False, length=20, validate_strings=True)
    )
    granted_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    # Where the student was last (the dashboard's "continue" link) and when.
    last_lesson_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("lessons.id", ondelete="SET NULL")
    )
    last_activity_at: Mapped[datetime | None]
    # Set once, when every lesson was complete; the certificate is issued then and stays.
    completed_at: Mapped[datetime | None]


class LessonCompletion(enum.StrEnum):
    """What completed a lesson: the rule its kind follows."""

    watched = "watched"  # enough of the video watched (Course.video_completion_percent)
    read = "read"  # the article scrolled to its end
    marked = "marked"  # marked done by the student
    quiz_passed = "quiz_passed"
    submitted = "submitted"  # an assignment handed in


class LessonProgress(Base):
    __tablename__ = "lesson_progress"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    lesson_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("lessons.id", ondelete="CASCADE"), primary_key=True
    )
    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    position_seconds: Mapped[float] = mapped_column(default=0.0)
    # The parts of the video actually played, as sorted, disjoint [start, end] pairs in
    # seconds; skipping ahead adds nothing. watched_seconds is their total length.
    watched: Mapped[list[list[float]]] = mapped_column(JSON, default=list)
    watched_seconds: Mapped[float] = mapped_column(default=0.0)
    # The server time of the last heartbeat credited: bounds how much the next may add.
    heartbeat_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    completed_by: Mapped[LessonCompletion | None] = mapped_column(
        Enum(LessonCompletion, native_enum=False, length=20, validate_strings=True)
    )
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class WatchDay(Base):
    """Seconds of video a student played on a day (in their time zone): weekly time, streaks."""

    __tablename__ = "watch_days"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(primary_key=True)
    seconds: Mapped[float] = mapped_column(default=0.0)


class HeartbeatBatch(Base):
    """A batch of buffered heartbeats written to the database, recorded in the same
    transaction, so a batch replayed after a crash is recognised and not counted twice."""

    __tablename__ = "heartbeat_batches"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    written_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
