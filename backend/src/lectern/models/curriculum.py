from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow


class LessonKind(enum.StrEnum):
    video = "video"
    article = "article"
    quiz = "quiz"
    assignment = "assignment"


class Section(IdMixin, CreatedMixin, Base):
    __tablename__ = "sections"
    __table_args__ = (Index("ix_sections_course_id_position", "course_id", "position"),)

    course_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)

    # The database deletes a section's lessons with it (ON DELETE CASCADE); loaded ones go too.
    lessons: Mapped[list[Lesson]] = relationship(
        lazy="raise",
        order_by="Lesson.position",
        back_populates="section",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Lesson(IdMixin, CreatedMixin, Base):
    __tablename__ = "lessons"
    __table_args__ = (Index("ix_lessons_section_id_position", "section_id", "position"),)

    # The course id is repeated so a course's lessons are one indexed read.
    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    section_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(120))
    kind: Mapped[LessonKind] = mapped_column(
        Enum(LessonKind, native_enum=False, length=20, validate_strings=True)
    )
    position: Mapped[int] = mapped_column(default=0)
    is_preview: Mapped[bool] = mapped_column(default=False)
    # Markdown for articles; an introduction for the other kinds.
    body: Mapped[str] = mapped_column(Text, default="")
    # Set from the video's probe (issue 4) or estimated from an article's words.
    duration_seconds: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    section: Mapped[Section] = relationship(lazy="raise", back_populates="lessons")
