"""Keeping a gradebook cell (`GradeEntry`) in step with a student's attempts or submissions,
and the grade history (`GradeEvent`). Every change to an attempt's or a submission's grade
calls `refresh_entry` in the same transaction."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.assessments.repository import AssessmentRepository
from lectern.models import (
    Assessment,
    AttemptStatus,
    GradeAction,
    GradeEntry,
    GradeEvent,
    GradeState,
    KeepScore,
    QuizAttempt,
    Submission,
)
from lectern.models.base import utcnow


def counting_attempt(attempts: list[QuizAttempt], keep: KeepScore) -> QuizAttempt | None:
    """The attempt whose score counts among ``attempts`` (graded ones only)."""
    graded = [a for a in attempts if a.score is not None and a.status == AttemptStatus.graded]
    if not graded:
        return None
    if keep == KeepScore.latest:
        return max(graded, key=lambda a: a.number)
    return max(graded, key=lambda a: (a.score or 0.0, a.number))


async def refresh_entry(
    session: AsyncSession, assessment: Assessment, user_id: uuid.UUID
) -> GradeEntry | None:
    """Recompute the student's cell for this quiz or assignment from what they handed in."""
    repository = AssessmentRepository(session)
    entry = await repository.grade_entry(user_id, assessment.lesson_id)
    if assessment.kind == "quiz":
        values = _from_attempts(
            list(await repository.attempts(user_id, assessment.lesson_id)), assessment
        )
    else:
        values = _from_submissions(
            list(await repository.submissions(user_id, assessment.lesson_id))
        )
    if values is None:
        if entry is not None:
            await repository.delete(entry)
        return None
    if entry is None:
        entry = GradeEntry(
            user_id=user_id, lesson_id=assessment.lesson_id, course_id=assessment.course_id
        )
        session.add(entry)
    for name, value in values.items():
        setattr(entry, name, value)
    entry.updated_at = utcnow()
    await session.flush()
    return entry


def _from_attempts(attempts: list[QuizAttempt], assessment: Assessment) -> dict[str, object] | None:
    closed = [a for a in attempts if a.status != AttemptStatus.in_progress]
    if not closed:
        return None
    keep = assessment.keep_score
    team_view = counting_attempt(closed, keep)
    released = counting_attempt([a for a in closed if a.released_at is not None], keep)
    if any(a.status == AttemptStatus.submitted for a in closed):
        state = GradeState.submitted
    elif any(a.status == AttemptStatus.graded and a.released_at is None for a in closed):
        state = GradeState.graded
    else:
        state = GradeState.released
    shown = team_view or max(closed, key=lambda a: a.number)
    return {
        "state": state,
        "points": team_view.score if team_view else None,
        "released_points": released.score if released else None,
        "max_points": (released or shown).max_score,
        "passed": released.passed if released else None,
        "late": (released or shown).late,
        "attempts": len(closed),
        "released_at": max((a.released_at for a in closed if a.released_at), default=None),
    }


def _from_submissions(submissions: list[Submission]) -> dict[str, object] | None:
    if not submissions:
        return None
    latest = max(submissions, key=lambda s: s.number)
    if latest.released_at is not None:
        state = GradeState.released
    elif latest.points is not None:
        state = GradeState.graded
    else:
        state = GradeState.submitted
    return {
        "state": state,
        "points": latest.points,
        "released_points": latest.points if latest.released_at else None,
        "max_points": latest.max_points,
        "passed": None,
        "late": latest.late,
        "attempts": len(submissions),
        "released_at": latest.released_at,
    }


def record(
    session: AsyncSession,
    *,
    assessment: Assessment,
    user_id: uuid.UUID,
    action: GradeAction,
    max_points: float,
    before: float | None = None,
    after: float | None = None,
    reason: str = "",
    actor_id: uuid.UUID | None = None,
    attempt_id: uuid.UUID | None = None,
    submission_id: uuid.UUID | None = None,
    question_id: uuid.UUID | None = None,
) -> None:
    """Add one line to the grade history (never rewritten)."""
    session.add(
        GradeEvent(
            course_id=assessment.course_id,
            lesson_id=assessment.lesson_id,
            user_id=user_id,
            attempt_id=attempt_id,
            submission_id=submission_id,
            question_id=question_id,
            action=action,
            points_before=before,
            points_after=after,
            max_points=max_points,
            reason=reason,
            actor_id=actor_id,
        )
    )
