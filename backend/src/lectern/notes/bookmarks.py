"""A student's bookmarks: a moment of a video, or a whole lesson, to find again. Private to
them, under the same rules as notes."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.errors import Conflict, NotFound
from lectern.models import Bookmark, User
from lectern.notes.access import existing_lesson, moment_in, openable_lesson, readable_course
from lectern.notes.repository import BookmarkRepository, BookmarkRow
from lectern.notes.schemas import BookmarkCreate, BookmarkOut, BookmarkUpdate

BOOKMARKS_PER_LESSON = 200
# Pressing "b" twice on the same second (or the lesson's bookmark twice) makes one bookmark.
SAME_MOMENT_SECONDS = 1.0


def present_bookmark(row: BookmarkRow) -> BookmarkOut:
    bookmark = row.bookmark
    return BookmarkOut(
        id=bookmark.id,
        lesson_id=bookmark.lesson_id,
        lesson_title=row.lesson_title,
        section_title=row.section_title,
        course_id=bookmark.course_id,
        course_slug=row.course_slug,
        position_seconds=bookmark.position_seconds,
        label=bookmark.label,
        created_at=bookmark.created_at,
    )


class BookmarkService:
    async def add(
        self, session: AsyncSession, user: User, lesson_id: uuid.UUID, data: BookmarkCreate
    ) -> tuple[BookmarkOut, bool]:
        """The bookmark at that moment (or on the whole lesson), and whether it is new: adding
        one that exists returns it unchanged."""
        lesson, course = await openable_lesson(session, user, lesson_id)
        position = moment_in(lesson, data.position_seconds)
        repository = BookmarkRepository(session)
        existing = await repository.positions_on_lesson(user.id, lesson.id)
        for bookmark_id, at in existing:
            same_lesson = at is None and position is None
            same_moment = (
                at is not None and position is not None and abs(at - position) < SAME_MOMENT_SECONDS
            )
            if same_lesson or same_moment:
                return await self._get(session, user, bookmark_id), False
        if len(existing) >= BOOKMARKS_PER_LESSON:
            raise Conflict(
                f"A lesson holds at most {BOOKMARKS_PER_LESSON} bookmarks; "
                "delete some to add more.",
                code="too_many_bookmarks",
                details={"limit": BOOKMARKS_PER_LESSON},
            )
        bookmark = Bookmark(
            user_id=user.id,
            lesson_id=lesson.id,
            course_id=course.id,
            position_seconds=position,
            label=data.label,
        )
        await repository.add(bookmark)
        return await self._get(session, user, bookmark.id), True

    async def relabel(
        self, session: AsyncSession, user: User, bookmark_id: uuid.UUID, data: BookmarkUpdate
    ) -> BookmarkOut:
        row = await self._own(session, user, bookmark_id)
        row.bookmark.label = data.label
        await session.flush()
        return present_bookmark(row)

    async def delete(self, session: AsyncSession, user: User, bookmark_id: uuid.UUID) -> None:
        row = await self._own(session, user, bookmark_id)
        await BookmarkRepository(session).delete(row.bookmark)

    async def of_lesson(
        self, session: AsyncSession, user: User, lesson_id: uuid.UUID
    ) -> list[BookmarkOut]:
        """The student's bookmarks on a lesson: the whole lesson's first, then by moment."""
        await existing_lesson(session, lesson_id)
        rows = await BookmarkRepository(session).of_lesson(user.id, lesson_id)
        return [present_bookmark(row) for row in rows]

    async def of_course(
        self, session: AsyncSession, user: User, course_id: uuid.UUID
    ) -> list[BookmarkOut]:
        """The student's bookmarks in a course, in curriculum order."""
        course = await readable_course(session, user, course_id)
        rows = await BookmarkRepository(session).of_course(user.id, course.id)
        return [present_bookmark(row) for row in rows]

    async def _get(self, session: AsyncSession, user: User, bookmark_id: uuid.UUID) -> BookmarkOut:
        return present_bookmark(await self._own(session, user, bookmark_id))

    async def _own(self, session: AsyncSession, user: User, bookmark_id: uuid.UUID) -> BookmarkRow:
        row = await BookmarkRepository(session).one(user.id, bookmark_id)
        if row is None:
            raise NotFound("No such bookmark.")
        return row


bookmark_service = BookmarkService()
