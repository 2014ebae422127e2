"""Grading by the course's team: the queue, grading a submission (by its rubric or by
points) and an attempt's essay answers, overriding an automatic grade with a reason, and
releasing grades to students (mailed after the commit). Every change lands in the history."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from lectern.assessments.access import team_course
from lectern.assessments.attempts import answer_in
from lectern.assessments.context import AssessmentContext
from lectern.assessments.deadlines import after_penalty
from lectern.assessments.entries import record, refresh_entry
from lectern.assessments.grading_schemas import (
    AnswerGradeIn,
    AttemptReview,
    GradeEventOut,
    GradingItem,
    GradingQueue,
    QueueState,
    ReviewedAnswer,
    StudentRef,
    SubmissionGradeIn,
    SubmissionHistoryEntry,
    SubmissionReview,
)
from lectern.assessments.mails import mail_grade_released
from lectern.assessments.questions import QuestionSpec, shown_options
from lectern.assessments.repository import AssessmentRepository
from lectern.assessments.schemas import RubricCriterion
from lectern.assessments.scoring import release_attempt, rescore
from lectern.assessments.settings import assignment_max, question_image_url
from lectern.assessments.submissions import present_submission
from lectern.errors import Conflict, Invalid, NotFound
from lectern.learning.lessons import lesson_with_course
from lectern.models import (
    Assessment,
    AttemptStatus,
    Course,
    GradeAction,
    GradeEvent,
    GradeState,
    Lesson,
    LessonKind,
    QuestionKind,
    QuizAttempt,
    Submission,
    User,
)
from lectern.models.base import utcnow


def student_ref(user: User) -> StudentRef:
    return StudentRef(id=user.id, display_name=user.display_name, email=user.email)


_GRADE_STATE = {
    QueueState.to_grade: GradeState.submitted,
    QueueState.to_release: GradeState.graded,
    QueueState.released: GradeState.released,
}


def _item(
    row: Submission | QuizAttempt, state: GradeState, student: User, title: str
) -> GradingItem:
    """One line of the grading queue; `state` is that of the queue it stands in."""
    kind: Literal["submission", "attempt"]
    if isinstance(row, Submission):
        kind, points, max_points = "submission", row.points, row.max_points
    else:
        kind, points, max_points = "attempt", row.score, row.max_score
    assert row.submitted_at is not None
    return GradingItem(
        kind=kind,
        id=row.id,
        lesson_id=row.lesson_id,
        lesson_title=title,
        student=student_ref(student),
        number=row.number,
        submitted_at=row.submitted_at,
        late=row.late,
        state=state,
        points=points,
        max_points=max_points,
    )


class Grading:
    # --- the queue ------------------------------------------------------------------------

    async def queue(
        self, ctx: AssessmentContext, actor: User, course_id: uuid.UUID, state: QueueState
    ) -> GradingQueue:
        """Submissions and attempts of the course by where their grading stands."""
        course = await team_course(ctx.session, actor, course_id)
        repository = AssessmentRepository(ctx.session)
        found: dict[QueueState, list[Submission | QuizAttempt]] = {s: [] for s in QueueState}
        for submission in await repository.latest_submissions_of_course(course.id):
            if submission.points is None:
                found[QueueState.to_grade].append(submission)
            elif submission.released_at is None:
                found[QueueState.to_release].append(submission)
            else:
                found[QueueState.released].append(submission)
        attempts = await repository.closed_attempts_of_course(course.id)
        touched = await repository.manual_answer_counts([a.id for a in attempts])
        for attempt in attempts:
            if attempt.status == AttemptStatus.submitted:
                found[QueueState.to_grade].append(attempt)
            elif attempt.released_at is None:
                found[QueueState.to_release].append(attempt)
            elif attempt.id in touched:
                # Attempts graded by Lectern alone need nobody: only those a person graded.
                found[QueueState.released].append(attempt)
        chosen = found[state]
        students = await repository.users({row.user_id for row in chosen})
        titles = await repository.lesson_titles({row.lesson_id for row in chosen})
        items = [
            _item(row, _GRADE_STATE[state], students[row.user_id], titles.get(row.lesson_id, ""))
            for row in chosen
        ]
        items.sort(key=lambda item: item.submitted_at)
        return GradingQueue(
            state=state, counts={s.value: len(rows) for s, rows in found.items()}, items=items
        )

    # --- submissions ----------------------------------------------------------------------

    async def submission(
        self, ctx: AssessmentContext, actor: User, submission_id: uuid.UUID
    ) -> SubmissionReview:
        submission, assignment, lesson, course = await self._submission(ctx, actor, submission_id)
        return await self._present_submission(ctx, submission, assignment, lesson, course)

    async def grade_submission(
        self,
        ctx: AssessmentContext,
        actor: User,
        submission_id: uuid.UUID,
        body: SubmissionGradeIn,
    ) -> SubmissionReview:
        """Grade by the rubric (a level for every criterion) or, without one, by points;
        a late penalty comes off the total. Regrading a released grade updates it at once
        and tells the student."""
        submission, assignment, lesson, course = await self._submission(ctx, actor, submission_id)
        maximum = assignment_max(assignment)
        if assignment.rubric:
            levels, raw = self._rubric_points(assignment, body.rubric_levels)
        else:
            if body.points is None:
                raise Invalid(
                    "Give the points.",
                    details={"errors": [{"field": "points", "message": "Required."}]},
                )
            levels, raw = {}, body.points
        if raw > maximum:
            raise Invalid(
                f"At most {maximum:g} points.",
                details={"errors": [{"field": "points", "message": f"At most {maximum:g}."}]},
            )
        before = submission.points
        now = utcnow()
        submission.rubric_levels = levels
        submission.raw_points = round(raw, 2)
        submission.points = after_penalty(raw, submission.penalty_percent)
        submission.max_points = maximum
        submission.comment = body.comment
        submission.graded_by_id = actor.id
        submission.graded_at = now
        record(
            ctx.session,
            assessment=assignment,
            user_id=submission.user_id,
            action=GradeAction.graded,
            max_points=maximum,
            before=before,
            after=submission.points,
            actor_id=actor.id,
            submission_id=submission.id,
        )
        if submission.released_at is not None:
            if before != submission.points:
                await self._mail(
                    ctx,
                    submission.user_id,
                    course,
                    lesson,
                    submission.points,
                    maximum,
                    updated=True,
                )
        elif body.release:
            await self._release_submission(ctx, actor, submission, assignment, lesson, course, now)
        await ctx.session.flush()
        await refresh_entry(ctx.session, assignment, submission.user_id)
        return await self._present_submission(ctx, submission, assignment, lesson, course)

    async def release_submission(
        self, ctx: AssessmentContext, actor: User, submission_id: uuid.UUID
    ) -> SubmissionReview:
        submission, assignment, lesson, course = await self._submission(ctx, actor, submission_id)
        if submission.points is None:
            raise Conflict("Grade the submission before releasing it.", code="not_graded")
        if submission.released_at is None:
            await self._release_submission(
                ctx, actor, submission, assignment, lesson, course, utcnow()
            )
            await refresh_entry(ctx.session, assignment, submission.user_id)
        return await self._present_submission(ctx, submission, assignment, lesson, course)

    async def _release_submission(
        self,
        ctx: AssessmentContext,
        actor: User,
        submission: Submission,
        assignment: Assessment,
        lesson: Lesson,
        course: Course,
        now: datetime,
    ) -> None:
        assert submission.points is not None
        submission.released_at = now
        record(
            ctx.session,
            assessment=assignment,
            user_id=submission.user_id,
            action=GradeAction.released,
            max_points=submission.max_points,
            after=submission.points,
            actor_id=actor.id,
            submission_id=submission.id,
        )
        await ctx.session.flush()
        await self._mail(
            ctx, submission.user_id, course, lesson, submission.points, submission.max_points
        )

    def _rubric_points(
        self, assignment: Assessment, chosen: dict[str, str]
    ) -> tuple[dict[str, object], float]:
        levels: dict[str, object] = {}
        total = 0.0
        for raw in assignment.rubric:
            criterion = RubricCriterion.model_validate(raw)
            level = next(
                (lvl for lvl in criterion.levels if lvl.id == chosen.get(str(criterion.id))), None
            )
            if level is None:
                raise Invalid(
                    f"Choose a level for “{criterion.title}”.",
                    code="rubric_incomplete",
                    details={
                        "errors": [{"field": str(criterion.id), "message": "Choose a level."}]
                    },
                )
            levels[str(criterion.id)] = level.id
            total += level.points
        return levels, round(total, 2)

    async def _submission(
        self, ctx: AssessmentContext, actor: User, submission_id: uuid.UUID
    ) -> tuple[Submission, Assessment, Lesson, Course]:
        repository = AssessmentRepository(ctx.session)
        submission = await repository.submission(submission_id)
        if submission is None:
            raise NotFound("No such submission.")
        lesson, course = await self._team_lesson(ctx, actor, submission.lesson_id)
        assignment = await repository.assessment(lesson.id)
        assert assignment is not None  # made when the first submission came in
        return submission, assignment, lesson, course

    async def _present_submission(
        self,
        ctx: AssessmentContext,
        submission: Submission,
        assignment: Assessment,
        lesson: Lesson,
        course: Course,
    ) -> SubmissionReview:
        repository = AssessmentRepository(ctx.session)
        history = list(await repository.submissions(submission.user_id, lesson.id))
        files = await repository.files_of([submission.id])
        student = (await repository.users([submission.user_id]))[submission.user_id]
        events = await repository.events(submission_ids=[s.id for s in history])
        return SubmissionReview(
            course_id=course.id,
            lesson_id=lesson.id,
            lesson_title=lesson.title,
            student=student_ref(student),
            submission=present_submission(
                submission, files.get(submission.id, []), assignment, for_team=True
            ),
            is_latest=history[0].id == submission.id,
            max_points=assignment_max(assignment),
            rubric=[RubricCriterion.model_validate(c) for c in assignment.rubric],
            rubric_levels={k: str(v) for k, v in submission.rubric_levels.items()},
            history=[
                SubmissionHistoryEntry(
                    id=s.id,
                    number=s.number,
                    submitted_at=s.submitted_at,
                    late=s.late,
                    points=s.points,
                    released=s.released_at is not None,
                )
                for s in history
            ],
            events=[_event(e, name) for e, name in events],
        )

    # --- attempts -------------------------------------------------------------------------

    async def attempt(
        self, ctx: AssessmentContext, actor: User, attempt_id: uuid.UUID
    ) -> AttemptReview:
        attempt, quiz, lesson, course = await self._attempt(ctx, actor, attempt_id)
        return await self._present_attempt(ctx, attempt, quiz, lesson, course)

    async def grade_answer(
        self,
        ctx: AssessmentContext,
        actor: User,
        attempt_id: uuid.UUID,
        question_id: uuid.UUID,
        body: AnswerGradeIn,
    ) -> AttemptReview:
        """Grade an essay answer, or override an automatic grade (a reason is required; the
        history keeps the automatic grade and the override)."""
        attempt, quiz, lesson, course = await self._attempt(ctx, actor, attempt_id, lock=True)
        if attempt.status == AttemptStatus.in_progress:
            raise Conflict("The student is still taking this attempt.", code="attempt_in_progress")
        repository = AssessmentRepository(ctx.session)
        answers = list(await repository.answers(attempt.id))
        row = next((a for a in answers if a.question_id == question_id), None)
        if row is None:
            raise NotFound("This question is not part of the attempt.")
        maximum = float(row.question["points"])
        if body.points > maximum:
            raise Invalid(
                f"At most {maximum:g} points.",
                details={"errors": [{"field": "points", "message": f"At most {maximum:g}."}]},
            )
        by_person = row.question["kind"] == QuestionKind.essay
        if not by_person and not body.reason:
            raise Invalid(
                "Say why you change an automatic grade: the student and the history see it.",
                code="reason_required",
                details={"errors": [{"field": "reason", "message": "Give a reason."}]},
            )
        before = row.points
        now = utcnow()
        row.points = round(body.points, 2)
        row.comment = body.comment
        row.needs_grading = False
        row.graded_by_id = actor.id
        row.graded_at = now
        record(
            ctx.session,
            assessment=quiz,
            user_id=attempt.user_id,
            action=GradeAction.graded if by_person else GradeAction.overridden,
            max_points=maximum,
            before=before,
            after=row.points,
            reason=body.reason,
            actor_id=actor.id,
            attempt_id=attempt.id,
            question_id=question_id,
        )
        score_before = attempt.score
        rescore(attempt, answers, quiz.pass_percent)
        await ctx.session.flush()
        if attempt.released_at is not None:
            # Already released: the change is the student's grade now.
            await release_attempt(ctx.session, ctx.jobs, quiz, attempt, now=now, actor_id=actor.id)
            if attempt.score is not None and attempt.score != score_before:
                await self._mail(
                    ctx,
                    attempt.user_id,
                    course,
                    lesson,
                    attempt.score,
                    attempt.max_score,
                    updated=True,
                )
        else:
            await refresh_entry(ctx.session, quiz, attempt.user_id)
        return await self._present_attempt(ctx, attempt, quiz, lesson, course)

    async def release_attempt(
        self, ctx: AssessmentContext, actor: User, attempt_id: uuid.UUID
    ) -> AttemptReview:
        attempt, quiz, lesson, course = await self._attempt(ctx, actor, attempt_id, lock=True)
        if attempt.status != AttemptStatus.graded or attempt.score is None:
            raise Conflict(
                "Grade every answer that needs a person before releasing the attempt.",
                code="grading_unfinished",
            )
        if attempt.released_at is None:
            await release_attempt(
                ctx.session, ctx.jobs, quiz, attempt, now=utcnow(), actor_id=actor.id
            )
            await self._mail(ctx, attempt.user_id, course, lesson, attempt.score, attempt.max_score)
        return await self._present_attempt(ctx, attempt, quiz, lesson, course)

    async def release_lesson(
        self, ctx: AssessmentContext, actor: User, lesson_id: uuid.UUID
    ) -> int:
        """Release every graded, unreleased submission or attempt of a quiz or assignment."""
        lesson, course = await self._team_lesson(ctx, actor, lesson_id)
        repository = AssessmentRepository(ctx.session)
        assessment = await repository.assessment(lesson.id)
        if assessment is None:
            return 0
        now = utcnow()
        released = 0
        if lesson.kind == LessonKind.assignment:
            for submission in await repository.latest_submissions_of_course(course.id):
                if (
                    submission.lesson_id == lesson.id
                    and submission.points is not None
                    and submission.released_at is None
                ):
                    await self._release_submission(
                        ctx, actor, submission, assessment, lesson, course, now
                    )
                    await refresh_entry(ctx.session, assessment, submission.user_id)
                    released += 1
            return released
        for attempt in await repository.closed_attempts_of_course(course.id):
            if (
                attempt.lesson_id == lesson.id
                and attempt.status == AttemptStatus.graded
                and attempt.released_at is None
            ):
                await release_attempt(
                    ctx.session, ctx.jobs, assessment, attempt, now=now, actor_id=actor.id
                )
                assert attempt.score is not None
                await self._mail(
                    ctx, attempt.user_id, course, lesson, attempt.score, attempt.max_score
                )
                released += 1
        return released

    async def _attempt(
        self, ctx: AssessmentContext, actor: User, attempt_id: uuid.UUID, *, lock: bool = False
    ) -> tuple[QuizAttempt, Assessment, Lesson, Course]:
        repository = AssessmentRepository(ctx.session)
        attempt = await repository.attempt(attempt_id, lock=lock)
        if attempt is None:
            raise NotFound("No such attempt.")
        lesson, course = await self._team_lesson(ctx, actor, attempt.lesson_id)
        quiz = await repository.assessment(lesson.id)
        assert quiz is not None
        return attempt, quiz, lesson, course

    async def _present_attempt(
        self,
        ctx: AssessmentContext,
        attempt: QuizAttempt,
        quiz: Assessment,
        lesson: Lesson,
        course: Course,
    ) -> AttemptReview:
        repository = AssessmentRepository(ctx.session)
        answers = await repository.answers(attempt.id)
        student = (await repository.users([attempt.user_id]))[attempt.user_id]
        events = await repository.events(attempt_id=attempt.id)
        overridden = {
            e.question_id for e, _ in events if e.action == GradeAction.overridden and e.question_id
        }
        reviewed = []
        for row in answers:
            question = row.question
            kind = QuestionKind(question["kind"])
            reviewed.append(
                ReviewedAnswer(
                    question_id=row.question_id,
                    position=row.position,
                    kind=kind,
                    prompt=question["prompt"],
                    image_url=question_image_url(row.question_id, question.get("image_key")),
                    max_points=float(question["points"]),
                    spec=QuestionSpec.model_validate(question["spec"]),
                    explanation=question.get("explanation") or "",
                    shown=shown_options(kind, question["spec"], row.shown_order),
                    answer=answer_in(row.response),
                    saved_at=row.saved_at,
                    auto_points=row.auto_points,
                    points=row.points,
                    needs_grading=row.needs_grading,
                    overridden=row.question_id in overridden,
                    comment=row.comment,
                )
            )
        return AttemptReview(
            id=attempt.id,
            course_id=course.id,
            lesson_id=lesson.id,
            lesson_title=lesson.title,
            student=student_ref(student),
            number=attempt.number,
            status=attempt.status,
            started_at=attempt.started_at,
            deadline_at=attempt.deadline_at,
            submitted_at=attempt.submitted_at,
            timed_out=attempt.timed_out,
            late=attempt.late,
            penalty_percent=attempt.penalty_percent,
            score=attempt.score,
            max_score=attempt.max_score,
            passed=attempt.passed,
            pass_percent=quiz.pass_percent,
            released_at=attempt.released_at,
            answers=reviewed,
            events=[_event(e, name) for e, name in events],
        )

    # --- shared ---------------------------------------------------------------------------

    async def _team_lesson(
        self, ctx: AssessmentContext, actor: User, lesson_id: uuid.UUID
    ) -> tuple[Lesson, Course]:
        lesson, _ = await lesson_with_course(ctx.session, lesson_id)
        course = await team_course(ctx.session, actor, lesson.course_id)
        return lesson, course

    async def _mail(
        self,
        ctx: AssessmentContext,
        student_id: uuid.UUID,
        course: Course,
        lesson: Lesson,
        points: float,
        max_points: float,
        *,
        updated: bool = False,
    ) -> None:
        student = (await AssessmentRepository(ctx.session).users([student_id]))[student_id]
        mail_grade_released(
            ctx.jobs,
            ctx.settings,
            student=student,
            course=course,
            lesson=lesson,
            points=points,
            max_points=max_points,
            updated=updated,
        )


def _event(event: GradeEvent, actor_name: str | None) -> GradeEventOut:
    return GradeEventOut(
        id=event.id,
        action=event.action,
        question_id=event.question_id,
        points_before=event.points_before,
        points_after=event.points_after,
        max_points=event.max_points,
        reason=event.reason,
        actor=actor_name,
        created_at=event.created_at,
    )


grading = Grading()
