"""What the notes API reads and answers: notes and bookmarks, always the caller's own."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, field_validator

from lectern.models import LessonKind

NOTE_MAX_CHARS = 10_000
LABEL_MAX_CHARS = 120
# A day: far past any lesson, small enough to stay an exact float.
MAX_POSITION = 24 * 3600

# C0 controls other than tab and newline, DEL, and the C1 block: invisible, and NUL breaks
# PostgreSQL text columns outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """The text as written, minus control characters (a pasted CRLF becomes a plain newline)."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def _note_body(value: str) -> str:
    value = clean_text(value)
    if not value.strip():
        raise ValueError("Write something first.")
    if len(value) > NOTE_MAX_CHARS:
        raise ValueError(f"A note holds at most {NOTE_MAX_CHARS:,} characters.")
    return value


def _label(value: str) -> str:
    value = clean_text(value).replace("\n", " ").replace("\t", " ").strip()
    if len(value) > LABEL_MAX_CHARS:
        raise ValueError(f"A label holds at most {LABEL_MAX_CHARS} characters.")
    return value


NoteBody = Annotated[str, AfterValidator(_note_body)]
Label = Annotated[str, AfterValidator(_label)]
Position = Annotated[float, Field(ge=0, le=MAX_POSITION, allow_inf_nan=False)]


class NoteCreate(BaseModel):
    body: NoteBody = Field(description="Markdown, 1 to 10,000 characters")
    position_seconds: Position | None = Field(
        None,
        description="The moment of the lesson's video the note is about (clamped to its "
        "length); null for a note on the lesson as a whole",
    )


class NoteUpdate(BaseModel):
    """Only the fields sent change; position_seconds: null moves the note to the whole lesson."""

    body: NoteBody | None = None
    position_seconds: Position | None = None

    @field_validator("body", mode="before")
    @classmethod
    def _body_not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("Can't be empty.")
        return value


class NoteOut(BaseModel):
    id: uuid.UUID
    lesson_id: uuid.UUID
    lesson_title: str
    course_id: uuid.UUID
    course_slug: str
    course_title: str
    position_seconds: float | None
    body: str
    created_at: datetime
    updated_at: datetime


class LessonNotes(BaseModel):
    """One lesson's notes on the course page, in curriculum order."""

    lesson_id: uuid.UUID
    lesson_title: str
    lesson_kind: LessonKind
    section_title: str
    notes: list[NoteOut]


class CourseNotes(BaseModel):
    course_id: uuid.UUID
    course_slug: str
    course_title: str
    query: str = Field(description="The search the notes were filtered by; empty for all")
    total: int = Field(description="How many notes match")
    lessons: list[LessonNotes] = Field(description="Lessons with matching notes only")


class BookmarkCreate(BaseModel):
    position_seconds: Position | None = Field(
        None, description="The moment of the lesson's video; null bookmarks the whole lesson"
    )
    label: Label = ""


class BookmarkUpdate(BaseModel):
    label: Label


class BookmarkOut(BaseModel):
    id: uuid.UUID
    lesson_id: uuid.UUID
    lesson_title: str
    section_title: str
    course_id: uuid.UUID
    course_slug: str
    position_seconds: float | None
    label: str
    created_at: datetime
