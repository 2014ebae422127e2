"""What the student's dashboard ("My learning") receives.

Apart from learning/schemas.py because it carries catalog cards, and the catalog's schemas
import learning/schemas.py (CourseAccess): one module each way would be an import cycle.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from lectern.assessments.student_schemas import Deadline, NewGrade
from lectern.catalog.schemas import CourseCard
from lectern.certificates.schemas import CertificateOut
from lectern.learning.schemas import LessonRef
from lectern.notes.schemas import NoteOut
from lectern.progress.schemas import ProgressSummary, WatchWeek


class DashboardCourse(BaseModel):
    course: CourseCard
    progress: ProgressSummary
    enrolled_at: datetime
    last_activity_at: datetime | None
    completed_at: datetime | None
    last_lesson: LessonRef | None = Field(description="The lesson the student was last in")
    next_lesson: LessonRef | None = Field(
        description="The first lesson, in curriculum order, not yet complete"
    )
    continue_lesson: LessonRef | None = Field(
        description="Where 'Continue' goes: the last lesson while unfinished, else the next"
    )
    certificate_code: str | None


class ContinueWatching(BaseModel):
    """A video lesson the student stopped in the middle of."""

    course_id: uuid.UUID
    course_slug: str
    course_title: str
    lesson_id: uuid.UUID
    lesson_title: str
    position_seconds: float
    duration_seconds: int
    poster_url: str | None = Field(description="Signed, short-lived; null without a video")


class LearningDashboard(BaseModel):
    courses: list[DashboardCourse] = Field(description="Most recently studied first")
    continue_watching: list[ContinueWatching]
    week: WatchWeek
    recent_notes: list[NoteOut]
    certificates: list[CertificateOut]
    deadlines: list[Deadline] = Field(description="Quizzes and assignments due soonest first")
    new_grades: list[NewGrade] = Field(description="Released since the student last looked")
    time_zone: str = Field(description="The student's time zone, for showing due dates")
