"""The studio's quiz and assignment builders: settings, question banks, questions and their
pictures, rubrics. For the course's team only; students never see what this returns."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence

import anyio

from lectern.assessments.access import require_editable, team_course, team_lesson
from lectern.assessments.context import AssessmentContext
from lectern.assessments.file_types import FILE_KINDS
from lectern.assessments.questions import QuestionSpec, clean_spec
from lectern.assessments.repository import AssessmentRepository
from lectern.assessments.schemas import (
    AssignmentUpdate,
    BankOut,
    BankSummary,
    LessonRefOut,
    QuestionOrder,
    QuestionOut,
    QuestionWrite,
    QuizSettingsUpdate,
    QuizSourceOut,
    QuizSources,
    RubricCriterion,
    StudioAssignment,
    StudioQuiz,
)
from lectern.assessments.settings import (
    apply_due,
    assignment_max,
    due_out,
    ensure_settings,
    question_image_url,
)
from lectern.errors import Conflict, Invalid, NotFound
from lectern.kit.images import check_size, decode_picture, encode_webp
from lectern.models import (
    AnswerReveal,
    Course,
    Lesson,
    LessonKind,
    Question,
    QuestionBank,
    QuizSource,
    User,
)

QUESTIONS_PER_BANK = 500
BANKS_PER_COURSE = 100
IMAGE_WIDTH = 1600


def present_question(question: Question) -> QuestionOut:
    return QuestionOut(
        id=question.id,
        bank_id=question.bank_id,
        position=question.position,
        kind=question.kind,
        prompt=question.prompt,
        image_url=question_image_url(question.id, question.image_key),
        points=question.points,
        explanation=question.explanation,
        spec=QuestionSpec.model_validate(question.spec),
        updated_at=question.updated_at,
    )


def _new_id() -> str:
    return uuid.uuid4().hex[:10]


def _image_webp(data: bytes) -> bytes:
    image = decode_picture(data)
    if image.width > IMAGE_WIDTH:
        image = image.resize((IMAGE_WIDTH, round(image.height * IMAGE_WIDTH / image.width)))
    return encode_webp(image)


class AssessmentBuilder:
    # --- quizzes --------------------------------------------------------------------------

    async def quiz(self, ctx: AssessmentContext, actor: User, lesson_id: uuid.UUID) -> StudioQuiz:
        lesson, course = await team_lesson(ctx.session, actor, lesson_id, LessonKind.quiz)
        return await self._present_quiz(ctx, lesson, course)

    async def update_quiz(
        self, ctx: AssessmentContext, actor: User, lesson_id: uuid.UUID, changes: QuizSettingsUpdate
    ) -> StudioQuiz:
        lesson, course = await team_lesson(
            ctx.session, actor, lesson_id, LessonKind.quiz, for_change=True
        )
        quiz = await ensure_settings(ctx.session, lesson)
        sent = changes.model_fields_set
        apply_due(quiz, course, changes)
        for name in ("time_limit_seconds", "max_attempts"):
            if name in sent:
                setattr(quiz, name, getattr(changes, name))
        for name in ("pass_percent", "shuffle_questions", "shuffle_options", "show_answers"):
            value = getattr(changes, name)
            if value is not None:
                setattr(quiz, name, value)
        if changes.keep_score is not None:
            quiz.keep_score = changes.keep_score
        if quiz.show_answers == AnswerReveal.after_due and quiz.due_at is None:
            raise Invalid(
                "Showing the answers after the due date needs a due date.",
                details={"errors": [{"field": "show_answers", "message": "Set a due date."}]},
            )
        await ctx.session.flush()
        return await self._present_quiz(ctx, lesson, course)

    async def set_sources(
        self, ctx: AssessmentContext, actor: User, lesson_id: uuid.UUID, body: QuizSources
    ) -> StudioQuiz:
        """Which banks the quiz asks from and how many questions each attempt draws."""
        lesson, course = await team_lesson(
            ctx.session, actor, lesson_id, LessonKind.quiz, for_change=True
        )
        await ensure_settings(ctx.session, lesson)
        repository = AssessmentRepository(ctx.session)
        own = await repository.own_bank(lesson.id)
        wanted = [s.bank_id for s in body.sources]
        if own is None or own.id not in wanted:
            raise Invalid("A quiz always asks from its own questions.", code="own_bank_required")
        if len(set(wanted)) != len(wanted):
            raise Invalid("A bank is listed twice.", code="bank_twice")
        for source in body.sources:
            bank = await repository.bank(source.bank_id)
            if bank is None or bank.course_id != course.id:
                raise NotFound("No such question bank in this course.", code="bank_not_found")
            if bank.quiz_lesson_id not in (None, lesson.id):
                raise Invalid(
                    "Another quiz's own questions can't be drawn from: move them to a shared bank.",
                    code="bank_not_shared",
                )
        await repository.replace_sources(
            lesson.id,
            [
                QuizSource(
                    lesson_id=lesson.id, bank_id=s.bank_id, draw_count=s.draw_count, position=i
                )
                for i, s in enumerate(body.sources)
            ],
        )
        return await self._present_quiz(ctx, lesson, course)

    async def _present_quiz(
        self, ctx: AssessmentContext, lesson: Lesson, course: Course
    ) -> StudioQuiz:
        quiz = await ensure_settings(ctx.session, lesson)
        repository = AssessmentRepository(ctx.session)
        own = await repository.own_bank(lesson.id)
        assert own is not None
        sources = await repository.sources(lesson.id)
        banks = {b.id: b for b in await repository.banks_of_course(course.id)}
        totals = await repository.question_totals([s.bank_id for s in sources])
        shown: list[QuizSourceOut] = []
        for source in sources:
            count, points = totals.get(source.bank_id, (0, 0.0))
            drawn = count if source.draw_count is None else min(source.draw_count, count)
            shown.append(
                QuizSourceOut(
                    bank_id=source.bank_id,
                    title=banks[source.bank_id].title,
                    own=source.bank_id == own.id,
                    draw_count=source.draw_count,
                    question_count=count,
                    # With a draw, the average question's points times the draw.
                    points_per_attempt=round(points * drawn / count, 2) if count else 0.0,
                )
            )
        return StudioQuiz(
            **due_out(quiz, course).model_dump(),
            lesson_id=lesson.id,
            lesson_title=lesson.title,
            course_id=course.id,
            course_slug=course.slug,
            course_title=course.title,
            editable=course.status != "in_review",
            time_limit_seconds=quiz.time_limit_seconds,
            max_attempts=quiz.max_attempts,
            pass_percent=quiz.pass_percent,
            shuffle_questions=quiz.shuffle_questions,
            shuffle_options=quiz.shuffle_options,
            show_answers=quiz.show_answers,
            keep_score=quiz.keep_score,
            own_bank=await self._present_bank(ctx, own),
            sources=shown,
            questions_per_attempt=sum(
                s.question_count if s.draw_count is None else min(s.draw_count, s.question_count)
                for s in shown
            ),
            points_per_attempt=round(sum(s.points_per_attempt for s in shown), 2),
            attempts_so_far=await repository.attempt_counts([lesson.id]),
        )

    # --- banks ----------------------------------------------------------------------------

    async def banks(
        self, ctx: AssessmentContext, actor: User, course_id: uuid.UUID
    ) -> list[BankSummary]:
        """The course's shared banks, then the quizzes' own."""
        course = await team_course(ctx.session, actor, course_id)
        banks = await AssessmentRepository(ctx.session).banks_of_course(course.id)
        return await self._summaries(ctx, banks)

    async def bank(self, ctx: AssessmentContext, actor: User, bank_id: uuid.UUID) -> BankOut:
        bank, _ = await self._bank(ctx, actor, bank_id)
        return await self._present_bank(ctx, bank)

    async def create_bank(
        self, ctx: AssessmentContext, actor: User, course_id: uuid.UUID, title: str
    ) -> BankOut:
        course = await team_course(ctx.session, actor, course_id)
        require_editable(course)
        repository = AssessmentRepository(ctx.session)
        if len(await repository.banks_of_course(course.id)) >= BANKS_PER_COURSE:
            raise Conflict(
                f"A course holds at most {BANKS_PER_COURSE} question banks.", code="too_many_banks"
            )
        bank = QuestionBank(course_id=course.id, title=title)
        await repository.add(bank)
        return await self._present_bank(ctx, bank)

    async def rename_bank(
        self, ctx: AssessmentContext, actor: User, bank_id: uuid.UUID, title: str
    ) -> BankOut:
        bank, _ = await self._bank(ctx, actor, bank_id, for_change=True)
        bank.title = title
        await ctx.session.flush()
        return await self._present_bank(ctx, bank)

    async def delete_bank(self, ctx: AssessmentContext, actor: User, bank_id: uuid.UUID) -> None:
        """A shared bank and its questions; quizzes drawing from it stop doing so. Attempts
        already made keep their copies of the questions."""
        bank, _ = await self._bank(ctx, actor, bank_id, for_change=True)
        if bank.quiz_lesson_id is not None:
            raise Conflict(
                "A quiz's own questions go with the quiz: delete the quiz lesson instead.",
                code="own_bank",
            )
        repository = AssessmentRepository(ctx.session)
        keys = [q.image_key for q in await repository.questions([bank.id]) if q.image_key]
        await repository.delete(bank)
        ctx.drop_files_after_commit(keys)

    async def _bank(
        self, ctx: AssessmentContext, actor: User, bank_id: uuid.UUID, *, for_change: bool = False
    ) -> tuple[QuestionBank, Course]:
        bank = await AssessmentRepository(ctx.session).bank(bank_id)
        if bank is None:
            raise NotFound("No such question bank.")
        course = await team_course(ctx.session, actor, bank.course_id)
        if for_change:
            require_editable(course)
        return bank, course

    async def _summaries(
        self, ctx: AssessmentContext, banks: Sequence[QuestionBank]
    ) -> list[BankSummary]:
        repository = AssessmentRepository(ctx.session)
        ids = [b.id for b in banks]
        totals = await repository.question_totals(ids)
        used = await repository.banks_used_by(ids)
        return [
            BankSummary(
                id=b.id,
                title=b.title,
                quiz_lesson_id=b.quiz_lesson_id,
                question_count=totals.get(b.id, (0, 0.0))[0],
                total_points=round(totals.get(b.id, (0, 0.0))[1], 2),
                used_by=[LessonRefOut(id=i, title=t) for i, t in used.get(b.id, [])],
            )
            for b in banks
        ]

    async def _present_bank(self, ctx: AssessmentContext, bank: QuestionBank) -> BankOut:
        (summary,) = await self._summaries(ctx, [bank])
        questions = await AssessmentRepository(ctx.session).questions([bank.id])
        return BankOut(
            **summary.model_dump(),
            course_id=bank.course_id,
            questions=[present_question(q) for q in questions],
        )

    # --- questions ------------------------------------------------------------------------

    async def add_question(
        self, ctx: AssessmentContext, actor: User, bank_id: uuid.UUID, body: QuestionWrite
    ) -> QuestionOut:
        bank, _ = await self._bank(ctx, actor, bank_id, for_change=True)
        repository = AssessmentRepository(ctx.session)
        position = await repository.next_question_position(bank.id)
        if position >= QUESTIONS_PER_BANK:
            raise Conflict(
                f"A bank holds at most {QUESTIONS_PER_BANK} questions.", code="too_many_questions"
            )
        question = Question(
            bank_id=bank.id,
            course_id=bank.course_id,
            position=position,
            kind=body.kind,
            prompt=body.prompt,
            points=body.points,
            explanation=body.explanation,
            spec=clean_spec(body.kind, body.spec),
        )
        await repository.add(question)
        return present_question(question)

    async def update_question(
        self, ctx: AssessmentContext, actor: User, question_id: uuid.UUID, body: QuestionWrite
    ) -> QuestionOut:
        """Replace the question. Attempts already made keep the version they were asked."""
        question = await self._question(ctx, actor, question_id)
        question.kind = body.kind
        question.prompt = body.prompt
        question.points = body.points
        question.explanation = body.explanation
        question.spec = clean_spec(body.kind, body.spec)
        await ctx.session.flush()
        return present_question(question)

    async def delete_question(
        self, ctx: AssessmentContext, actor: User, question_id: uuid.UUID
    ) -> None:
        question = await self._question(ctx, actor, question_id)
        # Its picture stays while an attempt shows it.
        await AssessmentRepository(ctx.session).delete(question)

    async def reorder(
        self, ctx: AssessmentContext, actor: User, bank_id: uuid.UUID, order: QuestionOrder
    ) -> BankOut:
        bank, _ = await self._bank(ctx, actor, bank_id, for_change=True)
        questions = await AssessmentRepository(ctx.session).questions([bank.id])
        by_id = {q.id: q for q in questions}
        if sorted(map(str, order.question_ids)) != sorted(map(str, by_id)):
            raise Conflict(
                "The questions changed in another window: reload, then move them again.",
                code="questions_changed",
            )
        for position, question_id in enumerate(order.question_ids):
            by_id[question_id].position = position
        await ctx.session.flush()
        return await self._present_bank(ctx, bank)

    async def set_image(
        self, ctx: AssessmentContext, actor: User, question_id: uuid.UUID, data: bytes
    ) -> QuestionOut:
        """A picture shown with the question: checked by decoding it, stored as WebP."""
        question = await self._question(ctx, actor, question_id)
        check_size(data, ctx.settings.question_image_max_bytes)
        webp = await anyio.to_thread.run_sync(_image_webp, data)
        key = f"questions/{question.id}/{hashlib.sha256(webp).hexdigest()[:20]}.webp"
        await ctx.store.put(key, webp, content_type="image/webp")
        question.image_key = key
        await ctx.session.flush()
        return present_question(question)

    async def remove_image(
        self, ctx: AssessmentContext, actor: User, question_id: uuid.UUID
    ) -> QuestionOut:
        question = await self._question(ctx, actor, question_id)
        question.image_key = None
        await ctx.session.flush()
        return present_question(question)

    async def _question(
        self, ctx: AssessmentContext, actor: User, question_id: uuid.UUID
    ) -> Question:
        question = await AssessmentRepository(ctx.session).question(question_id)
        if question is None:
            raise NotFound("No such question.")
        await self._bank(ctx, actor, question.bank_id, for_change=True)
        return question

    # --- assignments ----------------------------------------------------------------------

    async def assignment(
        self, ctx: AssessmentContext, actor: User, lesson_id: uuid.UUID
    ) -> StudioAssignment:
        lesson, course = await team_lesson(ctx.session, actor, lesson_id, LessonKind.assignment)
        return await self._present_assignment(ctx, lesson, course)

    async def update_assignment(
        self, ctx: AssessmentContext, actor: User, lesson_id: uuid.UUID, changes: AssignmentUpdate
    ) -> StudioAssignment:
        lesson, course = await team_lesson(
            ctx.session, actor, lesson_id, LessonKind.assignment, for_change=True
        )
        assignment = await ensure_settings(ctx.session, lesson)
        apply_due(assignment, course, changes)
        for name in ("points", "accepts_text", "accepts_files", "max_files"):
            value = getattr(changes, name)
            if value is not None:
                setattr(assignment, name, value)
        if changes.file_kinds is not None:
            unknown = [k for k in changes.file_kinds if k not in FILE_KINDS]
            if unknown or not changes.file_kinds:
                raise Invalid(
                    f"File types are chosen from {', '.join(FILE_KINDS)}.",
                    details={"errors": [{"field": "file_kinds", "message": "Pick at least one."}]},
                )
            assignment.file_kinds = list(dict.fromkeys(changes.file_kinds))
        if changes.rubric is not None:
            assignment.rubric = _rubric_with_ids(changes.rubric)
        if not (assignment.accepts_text or assignment.accepts_files):
            raise Invalid(
                "Students need a way to hand in: text, files or both.",
                code="nothing_to_hand_in",
            )
        await ctx.session.flush()
        return await self._present_assignment(ctx, lesson, course)

    async def _present_assignment(
        self, ctx: AssessmentContext, lesson: Lesson, course: Course
    ) -> StudioAssignment:
        assignment = await ensure_settings(ctx.session, lesson)
        return StudioAssignment(
            **due_out(assignment, course).model_dump(),
            lesson_id=lesson.id,
            lesson_title=lesson.title,
            course_id=course.id,
            course_slug=course.slug,
            course_title=course.title,
            editable=course.status != "in_review",
            points=assignment.points,
            max_points=assignment_max(assignment),
            accepts_text=assignment.accepts_text,
            accepts_files=assignment.accepts_files,
            file_kinds=assignment.file_kinds,
            max_files=assignment.max_files,
            file_max_bytes=ctx.settings.submission_file_max_bytes,
            rubric=[RubricCriterion.model_validate(c) for c in assignment.rubric],
            submissions_so_far=await AssessmentRepository(ctx.session).submission_count(lesson.id),
        )


def _rubric_with_ids(rubric: list[RubricCriterion]) -> list[dict[str, object]]:
    stored: list[dict[str, object]] = []
    for criterion in rubric:
        data = criterion.model_dump()
        data["id"] = data["id"] or _new_id()
        for level in data["levels"]:
            level["id"] = level["id"] or _new_id()
        stored.append(data)
    criterion_ids = [c["id"] for c in stored]
    if len(set(criterion_ids)) != len(criterion_ids):
        raise Invalid("Two rubric criteria share an id.", code="invalid_rubric")
    return stored


assessment_builder = AssessmentBuilder()


async def question_image(
    ctx: AssessmentContext, viewer: User, question_id: uuid.UUID, name: str
) -> bytes:
    """A question's picture, for the course's team and for students whose attempts ask it."""
    if not name.endswith(".webp") or "/" in name or name.startswith("."):
        raise NotFound("No such picture.")
    repository = AssessmentRepository(ctx.session)
    question = await repository.question(question_id)
    course_id = (
        question.course_id if question else await repository.answered_question_course(question_id)
    )
    if course_id is None:
        raise NotFound("No such picture.")
    allowed = await repository.was_asked(viewer.id, question_id)
    if not allowed:
        try:
            await team_course(ctx.session, viewer, course_id)
        except NotFound:
            raise NotFound("No such picture.") from None
    data = await ctx.store.read(f"questions/{question_id}/{name}")
    if data is None:
        raise NotFound("No such picture.")
    return data
