"""Closing a quiz attempt and scoring it: objective questions are graded at once, essays wait
for a person; an attempt with nothing left to grade is released to the student at once.
A released, passing attempt completes the lesson."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.assessments.deadlines import after_penalty, lateness
from lectern.assessments.entries import record, refresh_entry
from lectern.assessments.questions import grade_answer
from lectern.assessments.repository import AssessmentRepository
from lectern.kit.queue import JobBuffer
from lectern.models import (
    Assessment,
    AttemptAnswer,
    AttemptStatus,
    GradeAction,
    LessonCompletion,
    QuizAttempt,
)
from lectern.progress import service as progress_service


def percent_of(score: float | None, max_score: float) -> int | None:
    if score is None:
        return None
    return int(100 * score // max_score) if max_score else 100


def rescore(attempt: QuizAttempt, answers: list[AttemptAnswer], pass_percent: int) -> None:
    """The attempt's score and status from its answers' points (after any late penalty)."""
    attempt.max_score = round(sum(float(a.question["points"]) for a in answers), 2)
    if any(a.needs_grading for a in answers):
        attempt.status = AttemptStatus.submitted
        attempt.score = None
        attempt.passed = None
        return
    raw = round(sum(a.points or 0.0 for a in answers), 2)
    attempt.score = after_penalty(raw, attempt.penalty_percent)
    attempt.status = AttemptStatus.graded
    attempt.passed = attempt.score * 100 >= pass_percent * attempt.max_score


async def close_attempt(
    session: AsyncSession,
    jobs: JobBuffer | None,
    quiz: Assessment,
    attempt: QuizAttempt,
    *,
    now: datetime,
    timed_out: bool,
) -> None:
    """Hand the attempt in (the student did, or its time ran out: then it counts as handed in
    when the time was up, with what was saved by then) and grade what can be graded."""
    answers = list(await AssessmentRepository(session).answers(attempt.id))
    for answer in answers:
        grade = grade_answer(answer.question, answer.response)
        answer.auto_points = grade.points
        answer.points = grade.points
        answer.needs_grading = grade.points is None
    closed_at = attempt.deadline_at if timed_out and attempt.deadline_at else now
    attempt.submitted_at = closed_at
    attempt.timed_out = timed_out
    late = lateness(quiz, closed_at)
    attempt.late = late.late
    attempt.penalty_percent = late.penalty_percent
    rescore(attempt, answers, quiz.pass_percent)
    record(
        session,
        assessment=quiz,
        user_id=attempt.user_id,
        action=GradeAction.auto_graded,
        max_points=attempt.max_score,
        after=attempt.score,
        attempt_id=attempt.id,
        reason="Time ran out" if timed_out else "",
    )
    if attempt.status == AttemptStatus.graded:
        await release_attempt(session, jobs, quiz, attempt, now=now, actor_id=None)
    else:
        await session.flush()
        await refresh_entry(session, quiz, attempt.user_id)


async def release_attempt(
    session: AsyncSession,
    jobs: JobBuffer | None,
    quiz: Assessment,
    attempt: QuizAttempt,
    *,
    now: datetime,
    actor_id: uuid.UUID | None,
) -> None:
    """The student sees the attempt's score from now on; a pass completes the lesson."""
    attempt.released_at = now
    record(
        session,
        assessment=quiz,
        user_id=attempt.user_id,
        action=GradeAction.released,
        max_points=attempt.max_score,
        after=attempt.score,
        attempt_id=attempt.id,
        actor_id=actor_id,
    )
    await session.flush()
    await refresh_entry(session, quiz, attempt.user_id)
    if attempt.passed:
        await progress_service.complete_lesson(
            session, attempt.user_id, attempt.lesson_id, LessonCompletion.quiz_passed, jobs=jobs
        )
