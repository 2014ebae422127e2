"""What the course's team sees and sends when grading: the queue, one submission or attempt,
grades, overrides, the history and the gradebook."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from lectern.assessments.questions import AnswerIn, QuestionSpec, ShownOption
from lectern.assessments.schemas import RubricCriterion
from lectern.assessments.student_schemas import SubmissionOut
from lectern.models import AttemptStatus, GradeAction, GradeState, QuestionKind

Comment = Annotated[str, StringConstraints(max_length=10_000)]


class StudentRef(BaseModel):
    id: uuid.UUID
    display_name: str
    email: str


class QueueState(StrEnum):
    to_grade = "to_grade"  # handed in, waiting for a person
    to_release = "to_release"  # graded, not released yet
    released = "released"


class GradingItem(BaseModel):
    kind: Literal["submission", "attempt"]
    id: uuid.UUID
    lesson_id: uuid.UUID
    lesson_title: str
    student: StudentRef
    number: int
    submitted_at: datetime
    late: bool
    state: GradeState
    points: float | None
    max_points: float


class GradingQueue(BaseModel):
    state: QueueState
    counts: dict[str, int] = Field(description="Items per state")
    items: list[GradingItem] = Field(description="Oldest hand-in first")


class GradeEventOut(BaseModel):
    id: uuid.UUID
    action: GradeAction
    question_id: uuid.UUID | None
    points_before: float | None
    points_after: float | None
    max_points: float
    reason: str
    actor: str | None = Field(description="Null: Lectern's automatic grading")
    created_at: datetime


class SubmissionHistoryEntry(BaseModel):
    id: uuid.UUID
    number: int
    submitted_at: datetime
    late: bool
    points: float | None
    released: bool


class SubmissionReview(BaseModel):
    course_id: uuid.UUID
    lesson_id: uuid.UUID
    lesson_title: str
    student: StudentRef
    submission: SubmissionOut = Field(description="Its grade shown whether released or not")
    is_latest: bool
    max_points: float
    rubric: list[RubricCriterion]
    rubric_levels: dict[str, str]
    history: list[SubmissionHistoryEntry]
    events: list[GradeEventOut]


class SubmissionGradeIn(BaseModel):
    rubric_levels: dict[
        Annotated[str, StringConstraints(max_length=40)],
        Annotated[str, StringConstraints(max_length=40)],
    ] = Field(default_factory=dict, description="criterion id -> level id, every criterion")
    points: Annotated[float, Field(ge=0)] | None = Field(
        None, description="Without a rubric: the points given"
    )
    comment: Comment = ""
    release: bool = Field(False, description="Release to the student at once")


class ReviewedAnswer(BaseModel):
    question_id: uuid.UUID
    position: int
    kind: QuestionKind
    prompt: str
    image_url: str | None
    max_points: float
    spec: QuestionSpec
    explanation: str
    shown: list[ShownOption]
    answer: AnswerIn | None
    saved_at: datetime | None
    auto_points: float | None
    points: float | None
    needs_grading: bool
    overridden: bool
    comment: str


class AttemptReview(BaseModel):
    id: uuid.UUID
    course_id: uuid.UUID
    lesson_id: uuid.UUID
    lesson_title: str
    student: StudentRef
    number: int
    status: AttemptStatus
    started_at: datetime
    deadline_at: datetime | None
    submitted_at: datetime | None
    timed_out: bool
    late: bool
    penalty_percent: int
    score: float | None
    max_score: float
    passed: bool | None
    pass_percent: int
    released_at: datetime | None
    answers: list[ReviewedAnswer]
    events: list[GradeEventOut]


class AnswerGradeIn(BaseModel):
    points: Annotated[float, Field(ge=0)]
    comment: Comment = ""
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = Field(
        "", description="Required to change an automatic grade"
    )


class GradebookItem(BaseModel):
    lesson_id: uuid.UUID
    title: str
    section_title: str
    kind: Literal["quiz", "assignment"]
    max_points: float
    due_at: datetime | None


class GradebookCell(BaseModel):
    lesson_id: uuid.UUID
    state: Literal["missing", "submitted", "graded", "released"]
    points: float | None
    released_points: float | None
    max_points: float
    late: bool
    attempts: int
    passed: bool | None
    link_id: uuid.UUID | None = Field(description="The submission or attempt to open")


class GradebookRow(BaseModel):
    student: StudentRef
    cells: list[GradebookCell]
    points: float
    max_points: float = Field(description="Of the graded items")
    percent: int | None
    needs_grading: int
    missing: int


class GradebookFilter(StrEnum):
    all = "all"
    needs_grading = "needs_grading"
    missing = "missing"
    failing = "failing"


class Gradebook(BaseModel):
    course_id: uuid.UUID
    course_title: str
    items: list[GradebookItem]
    rows: list[GradebookRow]
    student_count: int = Field(description="Enrolled students before filters")
    filters: dict[str, Any]
