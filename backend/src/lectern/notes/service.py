"""A student's timestamped Markdown notes on lessons: private to their author.

Anyone else asking about a note gets 404, never 403, so note ids say nothing. Writing a note
needs the lesson to open for the student (the one access check); their existing notes stay
readable and editable after access ends.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.errors import Conflict, NotFound
from lectern.models import Note, User
from lectern.models.base import utcnow
from lectern.notes.access import existing_lesson, moment_in, openable_lesson, readable_course
from lectern.notes.export import notes_filename, render_notes
from lectern.notes.repository import NoteRepository, NoteRow
from lectern.notes.schemas import CourseNotes, LessonNotes, NoteCreate, NoteOut, NoteUpdate

# Far beyond anyone's note-taking; it stops a script from filling the table.
NOTES_PER_LESSON = 500


@dataclass(frozen=True)
class NotesFile:
    filename: str
    text: str


def present_note(row: NoteRow) -> NoteOut:
    note = row.note
    return NoteOut(
        id=note.id,
        lesson_id=note.lesson_id,
        lesson_title=row.lesson_title,
        course_id=note.course_id,
        course_slug=row.course_slug,
        course_title=row.course_title,
        position_seconds=note.position_seconds,
        body=note.body,
        created_at=note.created_at,
        updated_at=note.updated_at,
    )


class NoteService:
    async def create(
        self, session: AsyncSession, user: User, lesson_id: uuid.UUID, data: NoteCreate
    ) -> NoteOut:
        """A new note on a lesson the student can open, at a moment of its video or on it all."""
        lesson, course = await openable_lesson(session, user, lesson_id)
        position = moment_in(lesson, data.position_seconds)
        repository = NoteRepository(session)
        if await repository.count_on_lesson(user.id, lesson.id) >= NOTES_PER_LESSON:
            raise Conflict(
                f"A lesson holds at most {NOTES_PER_LESSON} notes; delete some to add more.",
                code="too_many_notes",
                details={"limit": NOTES_PER_LESSON},
            )
        note = Note(
            user_id=user.id,
            lesson_id=lesson.id,
            course_id=course.id,
            position_seconds=position,
            body=data.body,
        )
        await repository.add(note)
        return await self.get(session, user, note.id)

    async def get(self, session: AsyncSession, user: User, note_id: uuid.UUID) -> NoteOut:
        """One of the student's own notes."""
        return present_note(await self._own(session, user, note_id))

    async def update(
        self, session: AsyncSession, user: User, note_id: uuid.UUID, data: NoteUpdate
    ) -> NoteOut:
        """Edit the text or move the note; only what was sent changes."""
        row = await self._own(session, user, note_id)
        note = row.note
        if data.body is not None:
            note.body = data.body
        if "position_seconds" in data.model_fields_set:
            lesson = await existing_lesson(session, note.lesson_id)
            note.position_seconds = moment_in(lesson, data.position_seconds)
        note.updated_at = utcnow()
        await session.flush()
        return present_note(row)

    async def delete(self, session: AsyncSession, user: User, note_id: uuid.UUID) -> None:
        row = await self._own(session, user, note_id)
        await NoteRepository(session).delete(row.note)

    async def of_lesson(
        self, session: AsyncSession, user: User, lesson_id: uuid.UUID
    ) -> list[NoteOut]:
        """The student's notes on a lesson: on the whole lesson first, then by moment."""
        await existing_lesson(session, lesson_id)
        rows = await NoteRepository(session).of_lesson(user.id, lesson_id)
        return [present_note(row) for row in rows]

    async def of_course(
        self, session: AsyncSession, user: User, course_id: uuid.UUID, *, query: str = ""
    ) -> CourseNotes:
        """The student's notes in a course, grouped by lesson in curriculum order; ``query``
        keeps those whose text contains it, ignoring case."""
        course = await readable_course(session, user, course_id)
        query = query.strip()
        repository = NoteRepository(session)
        if query and session.get_bind().dialect.name == "postgresql":
            rows = await repository.of_course(user.id, course.id, contains=query)
        else:
            rows = await repository.of_course(user.id, course.id)
            if query:
                # SQLite's LIKE folds ASCII letters only ("École" would miss "école"); one
                # student's notes in one course are few enough to filter here.
                folded = query.casefold()
                rows = [row for row in rows if folded in row.note.body.casefold()]
        lessons: list[LessonNotes] = []
        for row in rows:
            if not lessons or lessons[-1].lesson_id != row.note.lesson_id:
                lessons.append(
                    LessonNotes(
                        lesson_id=row.note.lesson_id,
                        lesson_title=row.lesson_title,
                        lesson_kind=row.lesson_kind,
                        section_title=row.section_title,
                        notes=[],
                    )
                )
            lessons[-1].notes.append(present_note(row))
        return CourseNotes(
            course_id=course.id,
            course_slug=course.slug,
            course_title=course.title,
            query=query,
            total=len(rows),
            lessons=lessons,
        )

    async def export(
        self, session: AsyncSession, user: User, course_id: uuid.UUID, *, public_url: str
    ) -> NotesFile:
        """Every note of the student's in a course as a Markdown file."""
        notes = await self.of_course(session, user, course_id)
        return NotesFile(
            filename=notes_filename(notes.course_slug),
            text=render_notes(notes, public_url=public_url, exported_at=utcnow()),
        )

    async def _own(self, session: AsyncSession, user: User, note_id: uuid.UUID) -> NoteRow:
        row = await NoteRepository(session).one(user.id, note_id)
        if row is None:
            raise NotFound("No such note.")
        return row


note_service = NoteService()


async def recent_notes(
    session: AsyncSession, user_id: uuid.UUID, *, limit: int = 5
) -> list[NoteOut]:
    """The student's most recently written or edited notes, newest first (the dashboard)."""
    rows = await NoteRepository(session).recent(user_id, limit)
    return [present_note(row) for row in rows]
