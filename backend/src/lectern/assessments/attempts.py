"""Taking a quiz: starting an attempt (or coming back to the one in progress), saving answers
as the student goes, handing in, reading results.

The server's clock rules: an attempt's deadline is set when it starts (its time limit, or a
due date that refuses late work, whichever comes first); answers arriving after it (plus
`LECTERN_QUIZ_SAVE_GRACE_SECONDS` for the network) are refused, and an attempt whose time ran
out is handed in with what was saved in time — by the next request that touches it or by the
worker's sweep, whichever comes first. Replaying a start returns the attempt in progress;
replaying a hand-in returns the result; the attempt limit holds under concurrent starts (the
attempt number is unique per student and quiz).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from lectern.assessments.access import student_lesson
from lectern.assessments.context import AssessmentContext
from lectern.assessments.deadlines import closed_for_late_work
from lectern.assessments.questions import (
    AnswerIn,
    draw,
    feedback_for,
    read_answer,
    shown_options,
    shown_order,
    shuffled,
)
from lectern.assessments.repository import AssessmentRepository
from lectern.assessments.scoring import close_attempt, percent_of
from lectern.assessments.settings import question_image_url, settings_of
from lectern.assessments.student_schemas import (
    AnswerKey,
    AnswerResult,
    AttemptOut,
    AttemptQuestion,
    AttemptSubmit,
    AttemptSummary,
    QuizBlock,
    SavedAnswer,
    StudentGrade,
    StudentQuiz,
)
from lectern.errors import Conflict, NotFound
from lectern.models import (
    AnswerReveal,
    Assessment,
    AttemptAnswer,
    AttemptStatus,
    LatePolicy,
    Lesson,
    LessonKind,
    QuestionKind,
    QuizAttempt,
    User,
)
from lectern.models.base import utcnow


def answer_in(response: object) -> AnswerIn | None:
    return AnswerIn.model_validate(response) if isinstance(response, dict) else None


def answers_revealed(quiz: Assessment, attempt: QuizAttempt, now: datetime) -> bool:
    if attempt.status == AttemptStatus.in_progress:
        return False
    if quiz.show_answers == AnswerReveal.after_submission:
        return True
    if quiz.show_answers == AnswerReveal.after_due:
        return quiz.due_at is not None and now >= quiz.due_at
    return False


def answer_key(question: dict[str, object]) -> AnswerKey:
    kind = QuestionKind(str(question["kind"]))
    spec = question["spec"]
    assert isinstance(spec, dict)
    if kind in (QuestionKind.single_choice, QuestionKind.multiple_choice):
        return AnswerKey(choices=[o["id"] for o in spec["options"] if o["correct"]])
    if kind == QuestionKind.true_false:
        return AnswerKey(flag=spec["answer_flag"])
    if kind == QuestionKind.short_text:
        return AnswerKey(accepted=spec["accepted"], pattern=spec.get("pattern"))
    if kind == QuestionKind.numeric:
        return AnswerKey(number=spec["number"], tolerance=spec["tolerance"])
    if kind == QuestionKind.ordering:
        return AnswerKey(order=[i["id"] for i in spec["items"]])
    return AnswerKey()


def summary(attempt: QuizAttempt) -> AttemptSummary:
    released = attempt.released_at is not None
    score = attempt.score if released else None
    return AttemptSummary(
        id=attempt.id,
        number=attempt.number,
        status=attempt.status,
        started_at=attempt.started_at,
        deadline_at=attempt.deadline_at,
        submitted_at=attempt.submitted_at,
        timed_out=attempt.timed_out,
        late=attempt.late,
        penalty_percent=attempt.penalty_percent,
        released=released,
        score=score,
        max_score=attempt.max_score,
        percent=percent_of(score, attempt.max_score),
        passed=attempt.passed if released else None,
    )


class QuizTaking:
    async def state(self, ctx: AssessmentContext, user: User, lesson_id: uuid.UUID) -> StudentQuiz:
        """The quiz as the student meets it: its rules, their attempts, whether they may start."""
        lesson, _ = await student_lesson(ctx.session, user, lesson_id, LessonKind.quiz)
        quiz = await settings_of(ctx.session, lesson)
        await self._close_expired(ctx, user, lesson, quiz)
        attempts = list(await AssessmentRepository(ctx.session).attempts(user.id, lesson.id))
        count, points = await self._pool_size(ctx, lesson)
        in_progress = next((a for a in attempts if a.status == AttemptStatus.in_progress), None)
        blocked = self._blocked(quiz, attempts, count, utcnow()) if in_progress is None else None
        entry = await AssessmentRepository(ctx.session).grade_entry(user.id, lesson.id)
        grade = None
        if entry is not None and entry.released_points is not None:
            grade = StudentGrade(
                lesson_id=lesson.id,
                lesson_title=lesson.title,
                kind="quiz",
                points=entry.released_points,
                max_points=entry.max_points,
                percent=percent_of(entry.released_points, entry.max_points),
                passed=entry.passed,
                late=entry.late,
                released_at=entry.released_at,
                new=entry.released_at is not None
                and (entry.seen_at is None or entry.seen_at < entry.released_at),
            )
        return StudentQuiz(
            lesson_id=lesson.id,
            due_at=quiz.due_at,
            late_policy=quiz.late_policy,
            late_penalty_percent=quiz.late_penalty_percent,
            question_count=count,
            points=points,
            time_limit_seconds=quiz.time_limit_seconds,
            max_attempts=quiz.max_attempts,
            attempts_used=len(attempts),
            pass_percent=quiz.pass_percent,
            show_answers=quiz.show_answers,
            can_start=in_progress is not None or blocked is None,
            blocked_by=blocked,
            in_progress_id=in_progress.id if in_progress else None,
            attempts=[summary(a) for a in attempts],
            grade=grade,
        )

    async def start(
        self, ctx: AssessmentContext, user: User, lesson_id: uuid.UUID
    ) -> tuple[AttemptOut, bool]:
        """A new attempt, or the one in progress (then ``False``): replaying a start never
        uses up an attempt or resets a clock."""
        lesson, _ = await student_lesson(ctx.session, user, lesson_id, LessonKind.quiz)
        quiz = await settings_of(ctx.session, lesson)
        await self._close_expired(ctx, user, lesson, quiz)
        repository = AssessmentRepository(ctx.session)
        attempts = list(await repository.attempts(user.id, lesson.id))
        current = next((a for a in attempts if a.status == AttemptStatus.in_progress), None)
        if current is not None:
            return await self._present(ctx, quiz, current), False
        now = utcnow()
        picked = await self._draw(ctx, lesson, quiz)
        blocked = self._blocked(quiz, attempts, len(picked), now)
        if blocked is not None:
            raise _refusal(blocked)
        deadlines = []
        if quiz.time_limit_seconds:
            deadlines.append(now + timedelta(seconds=quiz.time_limit_seconds))
        if quiz.due_at is not None and quiz.late_policy == LatePolicy.refuse:
            deadlines.append(quiz.due_at)
        attempt_id = uuid.uuid4()
        inserted = await repository.insert_numbered(
            QuizAttempt,
            {
                "id": attempt_id,
                "lesson_id": lesson.id,
                "course_id": lesson.course_id,
                "user_id": user.id,
                "number": len(attempts) + 1,
                "status": AttemptStatus.in_progress,
                "started_at": now,
                "deadline_at": min(deadlines) if deadlines else None,
            },
        )
        if not inserted:
            # Another start won the race for this attempt number: that one is the attempt.
            winner = next(
                (
                    a
                    for a in await repository.attempts(user.id, lesson.id)
                    if a.status == AttemptStatus.in_progress
                ),
                None,
            )
            if winner is None:
                raise Conflict("Start the quiz again.", code="attempt_conflict")
            return await self._present(ctx, quiz, winner), False
        attempt = await repository.attempt(attempt_id)
        assert attempt is not None
        ctx.session.add_all(
            AttemptAnswer(
                attempt_id=attempt.id,
                question_id=question["id"],
                position=position,
                question={k: v for k, v in question.items() if k != "id"},
                shown_order=shown_order(
                    QuestionKind(question["kind"]), question["spec"], shuffle=quiz.shuffle_options
                ),
            )
            for position, question in enumerate(picked)
        )
        await ctx.session.flush()
        return await self._present(ctx, quiz, attempt), True

    async def attempt(
        self, ctx: AssessmentContext, user: User, attempt_id: uuid.UUID
    ) -> AttemptOut:
        """One of the student's own attempts: in progress without any answer key, handed in
        with its results (and the answers when the quiz's rule shows them)."""
        attempt = await self._own(ctx, user, attempt_id)
        quiz = await self._quiz_of(ctx, attempt)
        await self._close_if_expired(ctx, quiz, attempt)
        return await self._present(ctx, quiz, attempt)

    async def save(
        self,
        ctx: AssessmentContext,
        user: User,
        attempt_id: uuid.UUID,
        question_id: uuid.UUID,
        answer: AnswerIn,
    ) -> SavedAnswer:
        attempt = await self._own(ctx, user, attempt_id, lock=True)
        now = utcnow()
        self._require_open(ctx, attempt, now)
        row = await AssessmentRepository(ctx.session).answer(attempt.id, question_id)
        if row is None:
            raise NotFound("This question is not part of the attempt.")
        self._store(row, answer, now)
        await ctx.session.flush()
        return SavedAnswer(question_id=question_id, answered=row.response is not None, saved_at=now)

    async def submit(
        self, ctx: AssessmentContext, user: User, attempt_id: uuid.UUID, body: AttemptSubmit
    ) -> AttemptOut:
        """Hand the attempt in. Answers sent with it count only while time allows; after the
        deadline the attempt is graded on what was saved by then. Handing in twice returns
        the same result."""
        attempt = await self._own(ctx, user, attempt_id, lock=True)
        quiz = await self._quiz_of(ctx, attempt)
        if attempt.status != AttemptStatus.in_progress:
            return await self._present(ctx, quiz, attempt)
        now = utcnow()
        in_time = not self._expired(ctx, attempt, now)
        if in_time and body.answers:
            repository = AssessmentRepository(ctx.session)
            for question_id, answer in body.answers.items():
                row = await repository.answer(attempt.id, question_id)
                if row is None:
                    raise NotFound("A question is not part of the attempt.")
                self._store(row, answer, now)
            await ctx.session.flush()
        await close_attempt(ctx.session, ctx.jobs, quiz, attempt, now=now, timed_out=not in_time)
        return await self._present(ctx, quiz, attempt)

    # --- helpers --------------------------------------------------------------------------

    def _store(self, row: AttemptAnswer, answer: AnswerIn, now: datetime) -> None:
        row.response = read_answer(QuestionKind(row.question["kind"]), row.question, answer)
        row.saved_at = now

    def _expired(self, ctx: AssessmentContext, attempt: QuizAttempt, now: datetime) -> bool:
        if attempt.deadline_at is None:
            return False
        grace = timedelta(seconds=ctx.settings.quiz_save_grace_seconds)
        return now > attempt.deadline_at + grace

    def _require_open(self, ctx: AssessmentContext, attempt: QuizAttempt, now: datetime) -> None:
        if attempt.status != AttemptStatus.in_progress:
            raise Conflict("This attempt has been handed in.", code="attempt_closed")
        if self._expired(ctx, attempt, now):
            raise Conflict(
                "Time is up: this answer came too late to count. The attempt is graded on "
                "what was saved in time.",
                code="time_up",
            )

    async def _close_if_expired(
        self, ctx: AssessmentContext, quiz: Assessment, attempt: QuizAttempt
    ) -> None:
        now = utcnow()
        if attempt.status == AttemptStatus.in_progress and self._expired(ctx, attempt, now):
            await close_attempt(ctx.session, ctx.jobs, quiz, attempt, now=now, timed_out=True)

    async def _close_expired(
        self, ctx: AssessmentContext, user: User, lesson: Lesson, quiz: Assessment
    ) -> None:
        for attempt in await AssessmentRepository(ctx.session).attempts(user.id, lesson.id):
            await self._close_if_expired(ctx, quiz, attempt)

    def _blocked(
        self, quiz: Assessment, attempts: list[QuizAttempt], questions: int, now: datetime
    ) -> QuizBlock | None:
        if questions == 0:
            return "no_questions"
        if quiz.max_attempts is not None and len(attempts) >= quiz.max_attempts:
            return "no_attempts_left"
        if closed_for_late_work(quiz, now):
            return "past_due"
        return None

    async def _own(
        self, ctx: AssessmentContext, user: User, attempt_id: uuid.UUID, *, lock: bool = False
    ) -> QuizAttempt:
        attempt = await AssessmentRepository(ctx.session).attempt(attempt_id, lock=lock)
        if attempt is None or attempt.user_id != user.id:
            raise NotFound("No such attempt.")
        return attempt

    async def _quiz_of(self, ctx: AssessmentContext, attempt: QuizAttempt) -> Assessment:
        quiz = await AssessmentRepository(ctx.session).assessment(attempt.lesson_id)
        if quiz is None:  # pragma: no cover - an attempt is only made for a saved quiz
            raise NotFound("No such quiz.")
        return quiz

    async def _pool_size(self, ctx: AssessmentContext, lesson: Lesson) -> tuple[int, float]:
        """How many questions an attempt asks and the points they are worth."""
        repository = AssessmentRepository(ctx.session)
        sources = await repository.sources(lesson.id)
        totals = await repository.question_totals([s.bank_id for s in sources])
        count, points = 0, 0.0
        for source in sources:
            n, total = totals.get(source.bank_id, (0, 0.0))
            drawn = n if source.draw_count is None else min(n, source.draw_count)
            count += drawn
            points += total * drawn / n if n else 0.0
        return count, round(points, 2)

    async def _draw(
        self, ctx: AssessmentContext, lesson: Lesson, quiz: Assessment
    ) -> list[dict[str, Any]]:
        """This attempt's questions, as copies: N of each bank at random, shuffled if asked."""
        repository = AssessmentRepository(ctx.session)
        sources = await repository.sources(lesson.id)
        questions = await repository.questions([s.bank_id for s in sources])
        by_bank: dict[uuid.UUID, list[uuid.UUID]] = {}
        by_id = {}
        for question in questions:
            by_bank.setdefault(question.bank_id, []).append(question.id)
            by_id[question.id] = question
        chosen: list[uuid.UUID] = []
        for source in sources:
            chosen += draw(by_bank.get(source.bank_id, []), source.draw_count)
        if quiz.shuffle_questions:
            chosen = shuffled(chosen)
        return [
            {
                "id": question_id,
                "kind": by_id[question_id].kind.value,
                "prompt": by_id[question_id].prompt,
                "image_key": by_id[question_id].image_key,
                "points": by_id[question_id].points,
                "spec": by_id[question_id].spec,
                "explanation": by_id[question_id].explanation,
            }
            for question_id in chosen
        ]

    async def _present(
        self, ctx: AssessmentContext, quiz: Assessment, attempt: QuizAttempt
    ) -> AttemptOut:
        now = utcnow()
        answers = await AssessmentRepository(ctx.session).answers(attempt.id)
        revealed = answers_revealed(quiz, attempt, now)
        closed = attempt.status != AttemptStatus.in_progress
        return AttemptOut(
            **summary(attempt).model_dump(),
            lesson_id=attempt.lesson_id,
            server_now=now,
            pass_percent=quiz.pass_percent,
            answers_revealed=revealed,
            questions=[present_question(a, closed=closed, revealed=revealed) for a in answers],
        )


def present_question(row: AttemptAnswer, *, closed: bool, revealed: bool) -> AttemptQuestion:
    """A question as its student sees it: before hand-in the prompt, the options in the shown
    order and their saved answer, nothing else."""
    question = row.question
    kind = QuestionKind(question["kind"])
    spec = question["spec"]
    options = None
    items = None
    if kind in (QuestionKind.single_choice, QuestionKind.multiple_choice):
        options = shown_options(kind, spec, row.shown_order)
    elif kind == QuestionKind.ordering:
        items = shown_options(kind, spec, row.shown_order)
    result = None
    if closed:
        correct = None if row.points is None else row.points >= float(question["points"])
        result = AnswerResult(
            points=row.points,
            max_points=float(question["points"]),
            correct=correct,
            pending=row.needs_grading,
            feedback=feedback_for(question, row.response, correct),
            comment=row.comment,
            key=answer_key(question) if revealed else None,
            explanation=(question.get("explanation") or None) if revealed else None,
        )
    return AttemptQuestion(
        id=row.question_id,
        position=row.position,
        kind=kind,
        prompt=question["prompt"],
        image_url=question_image_url(row.question_id, question.get("image_key")),
        points=float(question["points"]),
        options=options,
        items=items,
        max_chars=spec.get("max_chars") if kind == QuestionKind.essay else None,
        answer=answer_in(row.response),
        result=result,
    )


def _refusal(block: QuizBlock) -> Conflict:
    messages = {
        "no_questions": "This quiz has no questions yet.",
        "no_attempts_left": "You have used every attempt at this quiz.",
        "past_due": "The due date has passed and this quiz takes no late attempts.",
    }
    return Conflict(messages[block], code=block)


quiz_taking = QuizTaking()
