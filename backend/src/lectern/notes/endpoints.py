"""A student's timestamped notes and bookmarks on lessons."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from lectern.auth.dependencies import CurrentUser
from lectern.kit.dependencies import DbSession, SettingsDep
from lectern.notes.bookmarks import bookmark_service
from lectern.notes.schemas import (
    BookmarkCreate,
    BookmarkOut,
    BookmarkUpdate,
    CourseNotes,
    NoteCreate,
    NoteOut,
    NoteUpdate,
)
from lectern.notes.service import note_service

router = APIRouter(tags=["notes"])

MARKDOWN = "text/markdown; charset=utf-8"


# --- notes ---------------------------------------------------------------------------------


@router.post(
    "/lessons/{lesson_id}/notes",
    operation_id="notes:create",
    response_model=NoteOut,
    status_code=status.HTTP_201_CREATED,
)
async def create_note(
    lesson_id: uuid.UUID, body: NoteCreate, session: DbSession, user: CurrentUser
) -> NoteOut:
    """A note on a lesson the caller can open: at a moment of its video, or on the lesson."""
    return await note_service.create(session, user, lesson_id, body)


@router.get(
    "/lessons/{lesson_id}/notes", operation_id="notes:lessonNotes", response_model=list[NoteOut]
)
async def lesson_notes(
    lesson_id: uuid.UUID, session: DbSession, user: CurrentUser
) -> list[NoteOut]:
    """The caller's notes on a lesson: on the whole lesson first, then by moment."""
    return await note_service.of_lesson(session, user, lesson_id)


@router.get(
    "/courses/{course_id}/notes", operation_id="notes:courseNotes", response_model=CourseNotes
)
async def course_notes(
    course_id: uuid.UUID,
    session: DbSession,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=200, description="Text the notes contain")] = "",
) -> CourseNotes:
    """The caller's notes in a course, grouped by lesson in curriculum order."""
    return await note_service.of_course(session, user, course_id, query=q)


@router.get(
    "/courses/{course_id}/notes/export",
    operation_id="notes:export",
    response_class=Response,
    responses={
        200: {
            "content": {"text/markdown": {"schema": {"type": "string"}}},
            "description": "The caller's notes in the course, as a Markdown file",
        }
    },
)
async def export_notes(
    course_id: uuid.UUID, session: DbSession, user: CurrentUser, settings: SettingsDep
) -> Response:
    notes = await note_service.export(session, user, course_id, public_url=settings.public_url)
    return Response(
        content=notes.text,
        media_type=MARKDOWN,
        headers={
            "Content-Disposition": f'attachment; filename="{notes.filename}"',
            "Cache-Control": "private, no-store",
        },
    )


@router.get("/notes/{note_id}", operation_id="notes:get", response_model=NoteOut)
async def get_note(note_id: uuid.UUID, session: DbSession, user: CurrentUser) -> NoteOut:
    return await note_service.get(session, user, note_id)


@router.patch("/notes/{note_id}", operation_id="notes:update", response_model=NoteOut)
async def update_note(
    note_id: uuid.UUID, body: NoteUpdate, session: DbSession, user: CurrentUser
) -> NoteOut:
    return await note_service.update(session, user, note_id, body)


@router.delete(
    "/notes/{note_id}", operation_id="notes:delete", status_code=status.HTTP_204_NO_CONTENT
)
async def delete_note(note_id: uuid.UUID, session: DbSession, user: CurrentUser) -> None:
    await note_service.delete(session, user, note_id)


# --- bookmarks -----------------------------------------------------------------------------


@router.post(
    "/lessons/{lesson_id}/bookmarks",
    operation_id="notes:addBookmark",
    response_model=BookmarkOut,
    status_code=status.HTTP_201_CREATED,
    responses={200: {"model": BookmarkOut, "description": "The bookmark was already there"}},
)
async def add_bookmark(
    lesson_id: uuid.UUID,
    body: BookmarkCreate,
    response: Response,
    session: DbSession,
    user: CurrentUser,
) -> BookmarkOut:
    """Bookmark a moment of the lesson's video, or (position_seconds null) the lesson."""
    bookmark, created = await bookmark_service.add(session, user, lesson_id, body)
    if not created:
        response.status_code = status.HTTP_200_OK
    return bookmark


@router.get(
    "/lessons/{lesson_id}/bookmarks",
    operation_id="notes:lessonBookmarks",
    response_model=list[BookmarkOut],
)
async def lesson_bookmarks(
    lesson_id: uuid.UUID, session: DbSession, user: CurrentUser
) -> list[BookmarkOut]:
    return await bookmark_service.of_lesson(session, user, lesson_id)


@router.get(
    "/courses/{course_id}/bookmarks",
    operation_id="notes:courseBookmarks",
    response_model=list[BookmarkOut],
)
async def course_bookmarks(
    course_id: uuid.UUID, session: DbSession, user: CurrentUser
) -> list[BookmarkOut]:
    return await bookmark_service.of_course(session, user, course_id)


@router.patch(
    "/bookmarks/{bookmark_id}", operation_id="notes:updateBookmark", response_model=BookmarkOut
)
async def update_bookmark(
    bookmark_id: uuid.UUID, body: BookmarkUpdate, session: DbSession, user: CurrentUser
) -> BookmarkOut:
    return await bookmark_service.relabel(session, user, bookmark_id, body)


@router.delete(
    "/bookmarks/{bookmark_id}",
    operation_id="notes:deleteBookmark",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def delete_bookmark(bookmark_id: uuid.UUID, session: DbSession, user: CurrentUser) -> None:
    await bookmark_service.delete(session, user, bookmark_id)
