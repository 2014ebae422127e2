"""A student's own notes and bookmarks on lessons: private to them."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow


class Note(IdMixin, CreatedMixin, Base):
    """Markdown written by a student, at a moment of a video or on a lesson as a whole."""

    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_user_id_course_id", "user_id", "course_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    lesson_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("lessons.id", ondelete="CASCADE"), index=True
    )
    course_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    # None: a note on the lesson, not on a moment of its video.
    position_seconds: Mapped[float | None]
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Bookmark(IdMixin, CreatedMixin, Base):
    """A moment of a video (or a whole lesson) a student wants to find again."""

    __tablename__ = "bookmarks"
    __table_args__ = (Index("ix_bookmarks_user_id_course_id", "user_id", "course_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    lesson_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("lessons.id", ondelete="CASCADE"), index=True
    )
    course_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    position_seconds: Mapped[float | None]
    label: Mapped[str] = mapped_column(String(120), default="")
