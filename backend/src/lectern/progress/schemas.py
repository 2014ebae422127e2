from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, Field, field_validator

from lectern.models import LessonCompletion


class ProgressSummary(BaseModel):
    """How far a student is in a course: the one figure every page shows."""

    completed_lessons: int
    total_lessons: int
    percent: int


class WatchDayOut(BaseModel):
    day: dt.date
    seconds: int


class WatchWeek(BaseModel):
    """The last seven days of watching, oldest first, ending today in the student's zone."""

    days: list[WatchDayOut]
    total_seconds: int
    streak_days: int


class ResumePoint(BaseModel):
    """An unfinished video lesson and where the student stopped in it."""

    lesson_id: str
    course_id: str
    position_seconds: float
    duration_seconds: int
    updated_at: dt.datetime


MAX_PLAYED_RANGES = 200

# Finite and not negative: NaN, infinities and negatives are a malformed heartbeat (422);
# values past the end of the video are clamped by the server, not refused.
MediaSeconds = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class Heartbeat(BaseModel):
    """What the player reports every ~15 s and on pause, seek and leaving the page."""

    position_seconds: MediaSeconds
    played: Annotated[
        list[tuple[MediaSeconds, MediaSeconds]],
        Field(
            max_length=MAX_PLAYED_RANGES,
            description="The media element's played ranges for this page, [start, end] each.",
        ),
    ] = []
    seconds: Annotated[
        MediaSeconds,
        Field(description="Seconds played since the last heartbeat this page got a 2xx for."),
    ] = 0.0

    @field_validator("played")
    @classmethod
    def _ranges_run_forwards(cls, value: list[tuple[float, float]]) -> list[tuple[float, float]]:
        if any(end < start for start, end in value):
            raise ValueError("every played range must end at or after its start")
        return value


class LessonProgressOut(BaseModel):
    lesson_id: uuid.UUID
    completed: bool
    completed_by: LessonCompletion | None
    watched_percent: int
    position_seconds: float


class SectionProgressOut(BaseModel):
    section_id: uuid.UUID
    completed_lessons: int
    total_lessons: int


class CourseProgress(BaseModel):
    """The signed-in student's progress in one course, lesson by lesson."""

    course_id: uuid.UUID
    completed_lessons: int
    total_lessons: int
    percent: int
    completed_at: dt.datetime | None
    certificate_code: str | None
    last_lesson_id: uuid.UUID | None
    lessons: list[LessonProgressOut]
    sections: list[SectionProgressOut]


class CompletionMark(BaseModel):
    """How the student finished an article (or a video lesson that has no video yet)."""

    by: Literal["read", "marked"]
