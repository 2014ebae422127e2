from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import JSON, Column, Enum, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow
from lectern.models.category import Category
from lectern.models.user import User


class CourseStatus(enum.StrEnum):
    draft = "draft"
    in_review = "in_review"
    published = "published"
    rejected = "rejected"
    unlisted = "unlisted"
    archived = "archived"


class CourseLevel(enum.StrEnum):
    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"
    all_levels = "all_levels"


course_topics = Table(
    "course_topics",
    Base.metadata,
    Column("course_id", ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "category_id",
        ForeignKey("categories.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class Course(IdMixin, CreatedMixin, Base):
    __tablename__ = "courses"
    __table_args__ = (
        # The public catalog reads published courses newest first, by level and language.
        Index("ix_courses_status_published_at", "status", "published_at"),
        # "Most popular": read backwards, it stops after one page (docs/performance.md).
        Index("ix_courses_status_enrollment_count", "status", "enrollment_count", "id"),
    )

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    subtitle: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="en", index=True)
    level: Mapped[CourseLevel] = mapped_column(
        Enum(CourseLevel, native_enum=False, length=20, validate_strings=True),
        default=CourseLevel.all_levels,
        index=True,
    )
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    outcomes: Mapped[list[str]] = mapped_column(JSON, default=list)
    requirements: Mapped[list[str]] = mapped_column(JSON, default=list)
    cover_key: Mapped[str | None] = mapped_column(String(200))
    # Minor units (cents); None is a free course.
    price_amount: Mapped[int | None]
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    owner_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[CourseStatus] = mapped_column(
        Enum(CourseStatus, native_enum=False, length=20, validate_strings=True),
        default=CourseStatus.draft,
    )
    # The reviewer's (or the unpublishing admin's) last words, shown in the studio.
    review_reason: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    published_at: Mapped[datetime | None]
    first_published_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Kept up to date by the services so the catalog can filter and sort without joins.
    lesson_count: Mapped[int] = mapped_column(default=0)
    duration_seconds: Mapped[int] = mapped_column(default=0, index=True)
    enrollment_count: Mapped[int] = mapped_column(default=0)
    rating_average: Mapped[float | None]
    rating_count: Mapped[int] = mapped_column(default=0)
    # A video lesson is complete once this share of it has been watched (skips don't count).
    video_completion_percent: Mapped[int] = mapped_column(default=90)
    # Due dates are entered in this IANA zone (stored in UTC, shown in each student's own).
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")

    owner: Mapped[User] = relationship(lazy="raise", foreign_keys=[owner_id])
    topics: Mapped[list[Category]] = relationship(secondary=course_topics, lazy="raise")
    co_instructors: Mapped[list[CourseInstructor]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="CourseInstructor.added_at"
    )

    @property
    def is_free(self) -> bool:
        return not self.price_amount

    def is_taught_by(self, user_id: uuid.UUID) -> bool:
        return self.owner_id == user_id or any(c.user_id == user_id for c in self.co_instructors)


class CourseInstructor(Base):
    """A co-instructor: may edit the course and submit it, not delete it or change its team."""

    __tablename__ = "course_instructors"

    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship(lazy="raise")


class CourseSearchDocument(Base):
    """The words a course is found by, flattened from the course, its tags and lesson titles.
    PostgreSQL adds a generated, weighted tsvector column; SQLite mirrors it into FTS5 by
    triggers (see the migration)."""

    __tablename__ = "course_search_documents"

    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True
    )
    title: Mapped[str] = mapped_column(Text, default="")
    subtitle: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="")
    lessons: Mapped[str] = mapped_column(Text, default="")


class SearchWord(Base):
    """Every word the catalog can be searched by: the vocabulary that misspelt query words are
    corrected against (trigram similarity on PostgreSQL)."""

    __tablename__ = "search_words"

    word: Mapped[str] = mapped_column(String(60), primary_key=True)
