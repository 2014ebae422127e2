"""What the catalog, the studio and moderation send and receive."""

from __future__ import annotations

import enum
import re
import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, field_validator

from lectern.catalog.languages import CURRENCIES, LANGUAGES
from lectern.learning.schemas import CourseAccess
from lectern.models import CourseLevel, CourseStatus, LessonKind
from lectern.users.schemas import known_time_zones

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Subtitle = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Slug = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=120, pattern=SLUG_PATTERN),
]
ListItem = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=2000)]


# --- pieces shared by several views ---------------------------------------------------


class TopicRef(BaseModel):
    id: uuid.UUID
    name: str
    slug: str


class Topic(TopicRef):
    parent_id: uuid.UUID | None
    position: int
    # Published courses filed under this topic or any topic below it.
    course_count: int


class InstructorRef(BaseModel):
    id: uuid.UUID
    display_name: str
    avatar_url: str | None


class Instructor(InstructorRef):
    bio: str


class Fragment(BaseModel):
    """A run of text; `match` marks the words the search matched, to highlight."""

    text: str
    match: bool


class SearchHighlight(BaseModel):
    title: list[Fragment]
    snippet: list[Fragment]


class CourseCard(BaseModel):
    id: uuid.UUID
    slug: str
    title: str
    subtitle: str
    cover_url: str | None
    level: CourseLevel
    language: str
    topics: list[TopicRef]
    price_amount: int | None = Field(description="Minor units (cents); null is free")
    currency: str
    instructors: list[InstructorRef]
    lesson_count: int
    duration_seconds: int
    rating_average: float | None
    rating_count: int
    enrollment_count: int
    published_at: datetime | None
    highlight: SearchHighlight | None = None


class CatalogPage(BaseModel):
    items: list[CourseCard]
    next_cursor: str | None
    # Set when no course matched the words as typed and a spelling nearby was searched.
    corrected_query: str | None = None


class LessonOutline(BaseModel):
    id: uuid.UUID
    title: str
    kind: LessonKind
    is_preview: bool
    duration_seconds: int


class SectionOutline(BaseModel):
    id: uuid.UUID
    title: str
    duration_seconds: int
    lessons: list[LessonOutline]


class CourseLanding(CourseCard):
    status: CourseStatus
    description: str
    tags: list[str]
    outcomes: list[str]
    requirements: list[str]
    instructors: list[Instructor]  # type: ignore[assignment]
    sections: list[SectionOutline]
    updated_at: datetime


class LessonContent(BaseModel):
    id: uuid.UUID
    title: str
    kind: LessonKind
    is_preview: bool
    body: str
    duration_seconds: int
    section_title: str
    course_slug: str
    course_title: str
    previous_lesson_id: uuid.UUID | None
    next_lesson_id: uuid.UUID | None
    video_ready: bool = Field(description="A video lesson whose video can be played")
    viewer_access: CourseAccess = Field(
        description="Which of the course's lessons the viewer opens: every one (team, "
        "enrolled) or the free previews"
    )


class SitemapEntry(BaseModel):
    slug: str
    updated_at: datetime


class Language(BaseModel):
    code: str
    name: str
    course_count: int


class CatalogSort(enum.StrEnum):
    relevance = "relevance"
    newest = "newest"
    popular = "popular"
    price_low = "price_low"
    price_high = "price_high"


class DurationBucket(enum.StrEnum):
    under_1h = "under_1h"
    from_1_to_3h = "1_3h"
    from_3_to_6h = "3_6h"
    from_6_to_17h = "6_17h"
    over_17h = "over_17h"


class PriceFilter(enum.StrEnum):
    free = "free"
    paid = "paid"


# --- studio ---------------------------------------------------------------------------


class StudioLesson(LessonOutline):
    body: str
    updated_at: datetime


class StudioSection(BaseModel):
    id: uuid.UUID
    title: str
    lessons: list[StudioLesson]


class StudioCourseSummary(BaseModel):
    id: uuid.UUID
    slug: str
    title: str
    status: CourseStatus
    cover_url: str | None
    lesson_count: int
    duration_seconds: int
    price_amount: int | None
    currency: str
    review_reason: str | None
    submitted_at: datetime | None
    updated_at: datetime
    owner: InstructorRef


class StudioCourse(StudioCourseSummary):
    subtitle: str
    description: str
    language: str
    level: CourseLevel
    topics: list[TopicRef]
    tags: list[str]
    outcomes: list[str]
    requirements: list[str]
    reviewed_at: datetime | None
    published_at: datetime | None
    co_instructors: list[InstructorRef]
    time_zone: str = Field(description="Due dates are entered in this IANA zone")
    sections: list[StudioSection]
    # What the person asking may do, so the studio shows only buttons that work.
    can_manage: bool = Field(description="Owner or admin: delete, team, visibility")
    can_delete: bool = Field(description="Only a course that was never published")


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


class CourseCreate(BaseModel):
    title: Title


class CourseUpdate(BaseModel):
    """Send only what changed: the studio autosaves field by field."""

    title: Title | None = None
    slug: Slug | None = None
    subtitle: Subtitle | None = None
    description: Annotated[str, StringConstraints(max_length=20_000)] | None = None
    language: str | None = None
    level: CourseLevel | None = None
    topic_ids: Annotated[list[uuid.UUID], Field(max_length=3)] | None = None
    tags: Annotated[list[Tag], Field(max_length=12)] | None = None
    outcomes: Annotated[list[ListItem], Field(max_length=20)] | None = None
    requirements: Annotated[list[ListItem], Field(max_length=20)] | None = None
    price_amount: Annotated[int, Field(ge=0, le=100_000_00)] | None = Field(
        default=None, description="Minor units; 0 or null makes the course free"
    )
    currency: str | None = None
    time_zone: str | None = Field(
        default=None, description="IANA zone due dates are entered in, e.g. Europe/Paris"
    )

    @field_validator(
        "title",
        "slug",
        "subtitle",
        "description",
        "language",
        "level",
        "currency",
        "time_zone",
        mode="before",
    )
    @classmethod
    def _not_null(cls, value: object) -> object:
        # Leaving a field out keeps it; sending null for one that can't be empty is a mistake.
        if value is None:
            raise ValueError("Can't be empty.")
        return value

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str | None) -> str | None:
        if value is not None and value not in LANGUAGES:
            raise ValueError(f"Unknown language code {value!r}.")
        return value

    @field_validator("time_zone")
    @classmethod
    def _known_time_zone(cls, value: str | None) -> str | None:
        if value is not None and value not in known_time_zones():
            raise ValueError("Not a known IANA time zone.")
        return value

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str | None) -> str | None:
        if value is not None and value not in CURRENCIES:
            raise ValueError(f"Prices can be in {', '.join(CURRENCIES)}.")
        return value

    @field_validator("tags")
    @classmethod
    def _clean_tags(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        return _unique([re.sub(r"\s+", " ", tag.lower()) for tag in value])


class SectionCreate(BaseModel):
    title: Title


class SectionUpdate(BaseModel):
    title: Title


class LessonCreate(BaseModel):
    title: Title
    kind: LessonKind


class LessonUpdate(BaseModel):
    title: Title | None = None
    is_preview: bool | None = None
    body: Annotated[str, StringConstraints(max_length=100_000)] | None = None

    @field_validator("title", "is_preview", "body", mode="before")
    @classmethod
    def _not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("Can't be empty.")
        return value


class SectionOrder(BaseModel):
    id: uuid.UUID
    lesson_ids: list[uuid.UUID]


class CurriculumOrder(BaseModel):
    """The whole curriculum's order: every section and lesson of the course, each once."""

    sections: list[SectionOrder]


class CoInstructorAdd(BaseModel):
    email: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=320)]


class VisibilityChange(BaseModel):
    status: Literal[CourseStatus.published, CourseStatus.unlisted, CourseStatus.archived]


class ReviewEvent(BaseModel):
    """A decision on the course, from the audit log: shown in the studio's history."""

    action: str
    reason: str | None
    actor: InstructorRef | None
    created_at: datetime


# --- moderation -----------------------------------------------------------------------


class Rejection(BaseModel):
    reason: Reason


class AdminCourse(StudioCourseSummary):
    first_published_at: datetime | None


class TopicCreate(BaseModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    parent_id: uuid.UUID | None = None


class TopicUpdate(BaseModel):
    name: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)] | None
    ) = None
    # Explicit null moves the topic to the top level; leaving it out keeps its place.
    parent_id: uuid.UUID | None = None
    position: Annotated[int, Field(ge=0, le=10_000)] | None = None
