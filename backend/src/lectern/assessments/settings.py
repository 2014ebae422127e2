"""A graded lesson's settings row: made the first time it is needed, read with its defaults."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.assessments.deadlines import local_to_utc, utc_to_local
from lectern.assessments.file_types import DEFAULT_FILE_KINDS
from lectern.assessments.repository import AssessmentRepository
from lectern.assessments.schemas import DueFields, DueOut
from lectern.errors import Invalid
from lectern.models import (
    AnswerReveal,
    Assessment,
    AssessmentKind,
    Course,
    KeepScore,
    LatePolicy,
    Lesson,
    LessonKind,
    QuestionBank,
    QuizSource,
)


def question_image_url(question_id: object, key: str | None) -> str | None:
    if not key:
        return None
    return f"/api/questions/{question_id}/images/{key.rsplit('/', 1)[-1]}"


def rubric_max(rubric: list[dict[str, object]]) -> float:
    total = 0.0
    for criterion in rubric:
        levels = criterion.get("levels")
        if isinstance(levels, list) and levels:
            total += max(float(level["points"]) for level in levels)
    return round(total, 2)


def assignment_max(assessment: Assessment) -> float:
    return rubric_max(assessment.rubric) if assessment.rubric else assessment.points


def defaults(lesson: Lesson) -> Assessment:
    """The settings a quiz or assignment has before anyone changed them (not saved)."""
    kind = AssessmentKind.quiz if lesson.kind == LessonKind.quiz else AssessmentKind.assignment
    return Assessment(
        lesson_id=lesson.id,
        course_id=lesson.course_id,
        kind=kind,
        due_at=None,
        late_policy=LatePolicy.accept,
        late_penalty_percent=0,
        time_limit_seconds=None,
        max_attempts=None,
        pass_percent=70,
        shuffle_questions=False,
        shuffle_options=False,
        show_answers=AnswerReveal.after_submission,
        keep_score=KeepScore.highest,
        points=100.0,
        accepts_text=True,
        accepts_files=True,
        file_kinds=list(DEFAULT_FILE_KINDS),
        max_files=5,
        rubric=[],
    )


async def settings_of(session: AsyncSession, lesson: Lesson) -> Assessment:
    """The saved settings, or the defaults (not saved) when nobody has set any yet."""
    found = await AssessmentRepository(session).assessment(lesson.id)
    return found if found is not None else defaults(lesson)


async def ensure_settings(session: AsyncSession, lesson: Lesson) -> Assessment:
    """The saved settings row, made now with the defaults if missing; a quiz also gets its
    own question bank, from which every attempt asks all questions."""
    repository = AssessmentRepository(session)
    found = await repository.assessment(lesson.id, lock=True)
    if found is not None:
        return found
    made = defaults(lesson)
    await repository.add(made)
    if lesson.kind == LessonKind.quiz and await repository.own_bank(lesson.id) is None:
        bank = QuestionBank(
            course_id=lesson.course_id, title=lesson.title, quiz_lesson_id=lesson.id
        )
        await repository.add(bank)
        await repository.add(QuizSource(lesson_id=lesson.id, bank_id=bank.id, draw_count=None))
    return made


def apply_due(assessment: Assessment, course: Course, changes: DueFields) -> None:
    sent = changes.model_fields_set
    if "due_local" in sent:
        assessment.due_at = (
            local_to_utc(changes.due_local, course.time_zone) if changes.due_local else None
        )
    if changes.late_policy is not None:
        assessment.late_policy = changes.late_policy
    if changes.late_penalty_percent is not None:
        assessment.late_penalty_percent = changes.late_penalty_percent
    if assessment.late_policy == LatePolicy.penalty and assessment.late_penalty_percent == 0:
        raise Invalid(
            "Say how many percent late work loses.",
            code="invalid_request",
            details={"errors": [{"field": "late_penalty_percent", "message": "Give a penalty."}]},
        )


def due_out(assessment: Assessment, course: Course) -> DueOut:
    due = assessment.due_at
    return DueOut(
        due_at=due,
        due_local=utc_to_local(due, course.time_zone) if due else None,
        time_zone=course.time_zone,
        late_policy=assessment.late_policy,
        late_penalty_percent=assessment.late_penalty_percent,
    )
