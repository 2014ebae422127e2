"""What a student sends and receives. Nothing here carries an answer key or says which option
is right before the attempt is submitted: `AttemptQuestion.result` and `.key` stay null
until then (tests/assessments/test_no_leaks.py reads the raw JSON)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from lectern.assessments.questions import AnswerIn, ShownOption
from lectern.assessments.schemas import RubricCriterion
from lectern.models import AnswerReveal, AttemptStatus, LatePolicy, QuestionKind


class DueInfo(BaseModel):
    due_at: datetime | None = Field(description="UTC; shown in the student's time zone")
    late_policy: LatePolicy
    late_penalty_percent: int


class AttemptSummary(BaseModel):
    id: uuid.UUID
    number: int
    status: AttemptStatus
    started_at: datetime
    deadline_at: datetime | None
    submitted_at: datetime | None
    timed_out: bool
    late: bool
    penalty_percent: int
    released: bool
    score: float | None = Field(description="Once released")
    max_score: float
    percent: int | None
    passed: bool | None


QuizBlock = Literal["no_questions", "no_attempts_left", "past_due"]


class StudentQuiz(DueInfo):
    lesson_id: uuid.UUID
    question_count: int
    points: float
    time_limit_seconds: int | None
    max_attempts: int | None
    attempts_used: int
    pass_percent: int
    show_answers: AnswerReveal
    can_start: bool
    blocked_by: QuizBlock | None
    in_progress_id: uuid.UUID | None
    attempts: list[AttemptSummary] = Field(description="Newest first")
    grade: StudentGrade | None = Field(description="The score that counts, once released")


class AnswerKey(BaseModel):
    """The right answer, shown once the quiz's reveal rule allows."""

    choices: list[str] | None = None
    flag: bool | None = None
    accepted: list[str] | None = None
    pattern: str | None = None
    number: float | None = None
    tolerance: float | None = None
    order: list[str] | None = None


class AnswerResult(BaseModel):
    points: float | None = Field(description="Null while a person grades it")
    max_points: float
    correct: bool | None
    pending: bool = Field(description="Waiting for a person's grade")
    feedback: list[str]
    comment: str = Field(description="The grader's words")
    key: AnswerKey | None
    explanation: str | None


class AttemptQuestion(BaseModel):
    id: uuid.UUID
    position: int
    kind: QuestionKind
    prompt: str
    image_url: str | None
    points: float
    options: list[ShownOption] | None = Field(description="Choice kinds, in the shown order")
    items: list[ShownOption] | None = Field(description="Ordering: the items, shuffled")
    max_chars: int | None
    answer: AnswerIn | None = Field(description="What the student saved")
    result: AnswerResult | None = Field(description="Only after submission")


class AttemptOut(AttemptSummary):
    lesson_id: uuid.UUID
    server_now: datetime = Field(description="The server's clock, for the countdown")
    pass_percent: int
    answers_revealed: bool
    questions: list[AttemptQuestion]


class AnswerSave(BaseModel):
    answer: AnswerIn


class SavedAnswer(BaseModel):
    question_id: uuid.UUID
    answered: bool
    saved_at: datetime


class AttemptSubmit(BaseModel):
    """The last answers not saved yet (they count only while the time allows)."""

    answers: dict[uuid.UUID, AnswerIn] = {}


class SubmissionFileOut(BaseModel):
    id: uuid.UUID
    name: str
    kind: str
    content_type: str
    size_bytes: int
    url: str


class RubricScore(BaseModel):
    criterion_id: str
    criterion: str
    level_id: str | None
    level: str | None
    points: float | None
    max_points: float


class SubmissionGrade(BaseModel):
    points: float = Field(description="After any late penalty")
    raw_points: float
    max_points: float
    penalty_percent: int
    comment: str
    rubric: list[RubricScore]
    graded_at: datetime | None
    released_at: datetime | None


class SubmissionOut(BaseModel):
    id: uuid.UUID
    number: int
    text: str
    submitted_at: datetime
    late: bool
    penalty_percent: int
    files: list[SubmissionFileOut]
    grade: SubmissionGrade | None = Field(description="For the student: once released")


AssignmentBlock = Literal["past_due", "already_graded"]


class StudentAssignment(DueInfo):
    lesson_id: uuid.UUID
    max_points: float
    accepts_text: bool
    accepts_files: bool
    file_kinds: list[str]
    max_files: int
    file_max_bytes: int
    rubric: list[RubricCriterion]
    can_submit: bool
    blocked_by: AssignmentBlock | None
    submissions: list[SubmissionOut] = Field(description="Newest first")
    pending_files: list[SubmissionFileOut] = Field(description="Uploaded, not handed in yet")


class SubmissionCreate(BaseModel):
    text: Annotated[str, StringConstraints(max_length=50_000)] = ""
    file_ids: Annotated[list[uuid.UUID], Field(max_length=20)] = []


class StudentGrade(BaseModel):
    lesson_id: uuid.UUID
    lesson_title: str
    kind: Literal["quiz", "assignment"]
    points: float | None
    max_points: float
    percent: int | None
    passed: bool | None
    late: bool
    released_at: datetime | None
    new: bool = Field(description="Released since the student last looked")


class CourseGrades(BaseModel):
    course_id: uuid.UUID
    course_slug: str
    course_title: str
    items: list[StudentGradeRow]
    points: float
    max_points: float
    percent: int | None = Field(description="Of the graded items")


class StudentGradeRow(BaseModel):
    lesson_id: uuid.UUID
    lesson_title: str
    section_title: str
    kind: Literal["quiz", "assignment"]
    due_at: datetime | None
    state: Literal["not_started", "submitted", "graded"]
    grade: StudentGrade | None


StudentQuiz.model_rebuild()
CourseGrades.model_rebuild()


class Deadline(BaseModel):
    """A quiz or assignment due soon in one of the student's courses (or due lately and not
    done, while it still takes late work)."""

    lesson_id: uuid.UUID
    lesson_title: str
    kind: Literal["quiz", "assignment"]
    course_id: uuid.UUID
    course_slug: str
    course_title: str
    due_at: datetime = Field(description="UTC; shown in the student's time zone")
    late_policy: LatePolicy
    done: bool = Field(description="Handed in (an assignment) or passed (a quiz)")
    overdue: bool


class NewGrade(BaseModel):
    """A grade released since the student last looked at it."""

    lesson_id: uuid.UUID
    lesson_title: str
    kind: Literal["quiz", "assignment"]
    course_id: uuid.UUID
    course_slug: str
    course_title: str
    points: float
    max_points: float
    percent: int
    passed: bool | None
    released_at: datetime
