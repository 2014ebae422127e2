"""What the studio sends and receives: quiz and assignment settings, banks and questions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints, field_validator

from lectern.assessments.questions import OptionId, QuestionSpec
from lectern.models import AnswerReveal, KeepScore, LatePolicy, QuestionKind

Percent = Annotated[int, Field(ge=0, le=100)]
BankTitle = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class DueFields(BaseModel):
    """A due date as a wall-clock time in the course's time zone (no offset), or null for none."""

    due_local: datetime | None = Field(
        None, description="e.g. 2026-12-20T17:00, read in the course's time zone"
    )
    late_policy: LatePolicy | None = None
    late_penalty_percent: Percent | None = None

    @field_validator("late_policy", "late_penalty_percent", mode="before")
    @classmethod
    def _not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("Can't be empty.")
        return value


class QuizSettingsUpdate(DueFields):
    """Send only what changed."""

    time_limit_seconds: Annotated[int, Field(ge=60, le=24 * 3600)] | None = Field(
        None, description="null: no time limit"
    )
    max_attempts: Annotated[int, Field(ge=1, le=100)] | None = Field(
        None, description="null: as many as the student likes"
    )
    pass_percent: Percent | None = None
    shuffle_questions: bool | None = None
    shuffle_options: bool | None = None
    show_answers: AnswerReveal | None = None
    keep_score: KeepScore | None = None


class QuestionWrite(BaseModel):
    kind: QuestionKind
    prompt: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)
    ]
    points: Annotated[float, Field(gt=0, le=1000)] = 1.0
    explanation: Annotated[str, StringConstraints(max_length=5000)] = ""
    spec: QuestionSpec = QuestionSpec()


class QuestionOut(BaseModel):
    """A question with its answer key: for the course's team only."""

    id: uuid.UUID
    bank_id: uuid.UUID
    position: int
    kind: QuestionKind
    prompt: str
    image_url: str | None
    points: float
    explanation: str
    spec: QuestionSpec
    updated_at: datetime


class BankCreate(BaseModel):
    title: BankTitle


class BankUpdate(BaseModel):
    title: BankTitle


class QuestionOrder(BaseModel):
    question_ids: Annotated[list[uuid.UUID], Field(max_length=1000)]


class LessonRefOut(BaseModel):
    id: uuid.UUID
    title: str


class BankSummary(BaseModel):
    id: uuid.UUID
    title: str
    quiz_lesson_id: uuid.UUID | None = Field(description="Set for a quiz's own questions")
    question_count: int
    total_points: float
    used_by: list[LessonRefOut] = Field(description="Quizzes drawing from this bank")


class BankOut(BankSummary):
    course_id: uuid.UUID
    questions: list[QuestionOut]


class QuizSourceIn(BaseModel):
    bank_id: uuid.UUID
    draw_count: Annotated[int, Field(ge=1, le=500)] | None = Field(
        None, description="Questions drawn per attempt; null: all of them"
    )


class QuizSources(BaseModel):
    sources: Annotated[list[QuizSourceIn], Field(max_length=20)]


class QuizSourceOut(BaseModel):
    bank_id: uuid.UUID
    title: str
    own: bool = Field(description="The quiz's own questions")
    draw_count: int | None
    question_count: int
    points_per_attempt: float


class DueOut(BaseModel):
    due_at: datetime | None = Field(description="UTC")
    due_local: datetime | None = Field(description="The same moment in the course's time zone")
    time_zone: str = Field(description="The course's time zone")
    late_policy: LatePolicy
    late_penalty_percent: int


class StudioQuiz(DueOut):
    lesson_id: uuid.UUID
    lesson_title: str
    course_id: uuid.UUID
    course_slug: str
    course_title: str
    editable: bool = Field(description="False while the course waits for review")
    time_limit_seconds: int | None
    max_attempts: int | None
    pass_percent: int
    shuffle_questions: bool
    shuffle_options: bool
    show_answers: AnswerReveal
    keep_score: KeepScore
    own_bank: BankOut
    sources: list[QuizSourceOut]
    questions_per_attempt: int
    points_per_attempt: float
    attempts_so_far: int = Field(description="Students' attempts: edits don't change them")


class RubricLevel(BaseModel):
    id: OptionId | None = None
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    description: Annotated[str, StringConstraints(max_length=500)] = ""
    points: Annotated[float, Field(ge=0, le=1000)]


class RubricCriterion(BaseModel):
    id: OptionId | None = None
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    description: Annotated[str, StringConstraints(max_length=1000)] = ""
    levels: Annotated[list[RubricLevel], Field(min_length=1, max_length=10)]


class AssignmentUpdate(DueFields):
    """Send only what changed."""

    points: Annotated[float, Field(gt=0, le=10_000)] | None = Field(
        None, description="The most a grade gives when there is no rubric"
    )
    accepts_text: bool | None = None
    accepts_files: bool | None = None
    file_kinds: list[str] | None = Field(None, description="Of pdf, image, document, archive, text")
    max_files: Annotated[int, Field(ge=1, le=20)] | None = None
    rubric: Annotated[list[RubricCriterion], Field(max_length=30)] | None = Field(
        None, description="An empty list removes the rubric"
    )


class StudioAssignment(DueOut):
    lesson_id: uuid.UUID
    lesson_title: str
    course_id: uuid.UUID
    course_slug: str
    course_title: str
    editable: bool
    points: float
    max_points: float = Field(description="The rubric's total when there is one, else points")
    accepts_text: bool
    accepts_files: bool
    file_kinds: list[str]
    max_files: int
    file_max_bytes: int
    rubric: list[RubricCriterion]
    submissions_so_far: int
