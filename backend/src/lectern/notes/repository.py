"""Every SQL statement of notes and bookmarks. Each read is filtered by its owner: nobody
reads another student's notes, so nothing here takes a note id without a user id."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, case, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from lectern.models import Bookmark, Course, Lesson, LessonKind, Note, Section


@dataclass(frozen=True)
class NoteRow:
    """A note with the names it is shown with."""

    note: Note
    lesson_title: str
    lesson_kind: LessonKind
    section_title: str
    course_slug: str
    course_title: str


@dataclass(frozen=True)
class BookmarkRow:
    bookmark: Bookmark
    lesson_title: str
    section_title: str
    course_slug: str


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class NoteRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _rows(self, user_id: uuid.UUID) -> Select[Note, str, LessonKind, str, str, str]:
        return (
            select(Note, Lesson.title, Lesson.kind, Section.title, Course.slug, Course.title)
            .join(Lesson, Lesson.id == Note.lesson_id)
            .join(Section, Section.id == Lesson.section_id)
            .join(Course, Course.id == Note.course_id)
            .where(Note.user_id == user_id)
        )

    async def _fetch(
        self, statement: Select[Note, str, LessonKind, str, str, str]
    ) -> list[NoteRow]:
        result = await self.session.execute(statement)
        return [NoteRow(*row) for row in result.all()]

    async def one(self, user_id: uuid.UUID, note_id: uuid.UUID) -> NoteRow | None:
        rows = await self._fetch(self._rows(user_id).where(Note.id == note_id))
        return rows[0] if rows else None

    async def of_lesson(self, user_id: uuid.UUID, lesson_id: uuid.UUID) -> list[NoteRow]:
        """Notes on the whole lesson first, then by moment, then as written."""
        return await self._fetch(
            self._rows(user_id)
            .where(Note.lesson_id == lesson_id)
            .order_by(*_by_position(Note.position_seconds), Note.created_at, Note.id)
        )

    async def of_course(
        self, user_id: uuid.UUID, course_id: uuid.UUID, *, contains: str | None = None
    ) -> list[NoteRow]:
        """In curriculum order. ``contains`` filters case-insensitively in SQL (ILIKE on
        PostgreSQL); the caller filters on SQLite, whose LIKE folds ASCII letters only."""
        statement = self._rows(user_id).where(Note.course_id == course_id)
        if contains:
            statement = statement.where(Note.body.ilike(f"%{_escape_like(contains)}%", escape="\\"))
        return await self._fetch(
            statement.order_by(
                Section.position,
                Lesson.position,
                Lesson.id,
                *_by_position(Note.position_seconds),
                Note.created_at,
                Note.id,
            )
        )

    async def recent(self, user_id: uuid.UUID, limit: int) -> list[NoteRow]:
        return await self._fetch(
            self._rows(user_id).order_by(Note.updated_at.desc(), Note.id).limit(limit)
        )

    async def count_on_lesson(self, user_id: uuid.UUID, lesson_id: uuid.UUID) -> int:
        found = await self.session.scalar(
            select(func.count())
            .select_from(Note)
            .where(Note.user_id == user_id, Note.lesson_id == lesson_id)
        )
        return int(found or 0)

    async def add(self, note: Note) -> None:
        self.session.add(note)
        await self.session.flush()

    async def delete(self, note: Note) -> None:
        await self.session.delete(note)
        await self.session.flush()

    async def has_any_in_course(self, user_id: uuid.UUID, course_id: uuid.UUID) -> bool:
        statement = select(
            or_(
                exists().where(Note.user_id == user_id, Note.course_id == course_id),
                exists().where(Bookmark.user_id == user_id, Bookmark.course_id == course_id),
            )
        )
        return bool(await self.session.scalar(statement))


class BookmarkRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _rows(self, user_id: uuid.UUID) -> Select[Bookmark, str, str, str]:
        return (
            select(Bookmark, Lesson.title, Section.title, Course.slug)
            .join(Lesson, Lesson.id == Bookmark.lesson_id)
            .join(Section, Section.id == Lesson.section_id)
            .join(Course, Course.id == Bookmark.course_id)
            .where(Bookmark.user_id == user_id)
        )

    async def _fetch(self, statement: Select[Bookmark, str, str, str]) -> list[BookmarkRow]:
        result = await self.session.execute(statement)
        return [BookmarkRow(*row) for row in result.all()]

    async def one(self, user_id: uuid.UUID, bookmark_id: uuid.UUID) -> BookmarkRow | None:
        rows = await self._fetch(self._rows(user_id).where(Bookmark.id == bookmark_id))
        return rows[0] if rows else None

    async def of_lesson(self, user_id: uuid.UUID, lesson_id: uuid.UUID) -> list[BookmarkRow]:
        return await self._fetch(
            self._rows(user_id)
            .where(Bookmark.lesson_id == lesson_id)
            .order_by(*_by_position(Bookmark.position_seconds), Bookmark.created_at, Bookmark.id)
        )

    async def of_course(self, user_id: uuid.UUID, course_id: uuid.UUID) -> list[BookmarkRow]:
        return await self._fetch(
            self._rows(user_id)
            .where(Bookmark.course_id == course_id)
            .order_by(
                Section.position,
                Lesson.position,
                Lesson.id,
                *_by_position(Bookmark.position_seconds),
                Bookmark.created_at,
                Bookmark.id,
            )
        )

    async def positions_on_lesson(
        self, user_id: uuid.UUID, lesson_id: uuid.UUID
    ) -> Sequence[tuple[uuid.UUID, float | None]]:
        result = await self.session.execute(
            select(Bookmark.id, Bookmark.position_seconds).where(
                Bookmark.user_id == user_id, Bookmark.lesson_id == lesson_id
            )
        )
        return result.all()

    async def add(self, bookmark: Bookmark) -> None:
        self.session.add(bookmark)
        await self.session.flush()

    async def delete(self, bookmark: Bookmark) -> None:
        await self.session.delete(bookmark)
        await self.session.flush()


def _by_position(
    column: InstrumentedAttribute[float | None],
) -> tuple[ColumnElement[int], InstrumentedAttribute[float | None]]:
    """Nulls (the whole lesson) first on every database, then by the moment."""
    return (case((column.is_(None), 0), else_=1), column)
