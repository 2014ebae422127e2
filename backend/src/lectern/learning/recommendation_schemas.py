"""What recommendations look like: a catalog card and the reason in words.

Apart from learning/schemas.py for the same reason as dashboard_schemas.py (catalog cards).
"""

from __future__ import annotations

import enum
import uuid

from pydantic import BaseModel, Field

from lectern.catalog.schemas import CourseCard


class RecommendationKind(enum.StrEnum):
    because_you_took = "because_you_took"  # students of a course of yours also took this
    popular_in_topic = "popular_in_topic"  # a topic you study, at your level when possible
    popular = "popular"  # what most students take (a brand-new student's start)


class RecommendationReason(BaseModel):
    kind: RecommendationKind
    text: str = Field(description="The reason in words, e.g. 'Because you took Sourdough'")
    source_course_id: uuid.UUID | None = None
    topic_slug: str | None = None


class Recommendation(BaseModel):
    course: CourseCard
    reason: RecommendationReason
