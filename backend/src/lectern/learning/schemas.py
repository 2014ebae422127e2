from __future__ import annotations

import enum
import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from lectern.auth.schemas import EmailAddress
from lectern.models import EnrollmentSource
from lectern.progress.schemas import ProgressSummary


class CourseAccess(enum.StrEnum):
    """How far a viewer's access to a course goes."""

    team = "team"  # its instructors and admins: every lesson, published or not
    enrolled = "enrolled"  # every lesson
    previews = "previews"  # the free previews of a public course only


class EnrollmentGrant(BaseModel):
    email: EmailAddress


class EnrolledStudent(BaseModel):
    user_id: uuid.UUID
    name: str
    email: str
    source: EnrollmentSource
    enrolled_at: datetime


class LessonRef(BaseModel):
    id: uuid.UUID
    title: str


class CourseEnrollment(BaseModel):
    """The viewer's standing in one course: what the landing's enrol button shows."""

    course_id: uuid.UUID
    access: CourseAccess
    included_in_subscription: bool = Field(
        description="A paid course the viewer's subscription covers: enrolling is one click"
    )
    enrolled: bool
    source: EnrollmentSource | None
    enrolled_at: datetime | None
    last_activity_at: datetime | None = Field(
        description="When the student last studied in the course; null before their first lesson"
    )
    completed_at: datetime | None
    progress: ProgressSummary | None = Field(description="Set when enrolled")
    continue_lesson: LessonRef | None = Field(
        description="Where 'Continue learning' goes: the last lesson opened while unfinished, "
        "else the first lesson not yet complete, else (all done) the last lesson opened or "
        "the first; null when not enrolled or the course has no lessons"
    )
