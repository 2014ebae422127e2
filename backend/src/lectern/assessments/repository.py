"""Every SQL statement of the assessments domain."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import (
    Assessment,
    AttemptAnswer,
    AttemptStatus,
    Enrollment,
    GradeEntry,
    GradeEvent,
    Lesson,
    LessonKind,
    Question,
    QuestionBank,
    QuizAttempt,
    QuizSource,
    Section,
    Submission,
    SubmissionFile,
    User,
)


class AssessmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- settings, banks, questions -----------------------------------------------------

    async def assessment(self, lesson_id: uuid.UUID, *, lock: bool = False) -> Assessment | None:
        statement = select(Assessment).where(Assessment.lesson_id == lesson_id)
        if lock:
            statement = statement.with_for_update()
        found: Assessment | None = await self.session.scalar(statement)
        return found

    async def insert_numbered(
        self, model: type[QuizAttempt] | type[Submission], values: dict[str, Any]
    ) -> bool:
        """Insert an attempt or submission unless its number is taken for this student and
        lesson (a concurrent request got there first): True when inserted."""
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        result = await self.session.execute(
            insert(model)
            .values(values)
            .on_conflict_do_nothing(index_elements=["lesson_id", "user_id", "number"])
        )
        return bool(getattr(result, "rowcount", 0))

    async def add(self, *rows: object) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    async def own_bank(self, lesson_id: uuid.UUID) -> QuestionBank | None:
        found: QuestionBank | None = await self.session.scalar(
            select(QuestionBank).where(QuestionBank.quiz_lesson_id == lesson_id)
        )
        return found

    async def bank(self, bank_id: uuid.UUID) -> QuestionBank | None:
        return await self.session.get(QuestionBank, bank_id)

    async def banks_of_course(self, course_id: uuid.UUID) -> Sequence[QuestionBank]:
        return (
            await self.session.scalars(
                select(QuestionBank)
                .where(QuestionBank.course_id == course_id)
                .order_by(QuestionBank.quiz_lesson_id.is_not(None), QuestionBank.created_at)
            )
        ).all()

    async def question_totals(
        self, bank_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[int, float]]:
        """(questions, points) per bank."""
        if not bank_ids:
            return {}
        rows = await self.session.execute(
            select(Question.bank_id, func.count(), func.coalesce(func.sum(Question.points), 0.0))
            .where(Question.bank_id.in_(bank_ids))
            .group_by(Question.bank_id)
        )
        return {bank_id: (count, float(points)) for bank_id, count, points in rows.all()}

    async def banks_used_by(
        self, bank_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, list[tuple[uuid.UUID, str]]]:
        """The quizzes (lesson id, title) drawing from each bank."""
        if not bank_ids:
            return {}
        rows = await self.session.execute(
            select(QuizSource.bank_id, Lesson.id, Lesson.title)
            .join(Lesson, Lesson.id == QuizSource.lesson_id)
            .where(QuizSource.bank_id.in_(bank_ids))
            .order_by(Lesson.title)
        )
        used: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
        for bank_id, lesson_id, title in rows.all():
            used.setdefault(bank_id, []).append((lesson_id, title))
        return used

    async def questions(self, bank_ids: Collection[uuid.UUID]) -> Sequence[Question]:
        if not bank_ids:
            return []
        return (
            await self.session.scalars(
                select(Question)
                .where(Question.bank_id.in_(bank_ids))
                .order_by(Question.bank_id, Question.position, Question.created_at)
            )
        ).all()

    async def question(self, question_id: uuid.UUID) -> Question | None:
        return await self.session.get(Question, question_id)

    async def next_question_position(self, bank_id: uuid.UUID) -> int:
        found = await self.session.scalar(
            select(func.max(Question.position)).where(Question.bank_id == bank_id)
        )
        return 0 if found is None else found + 1

    async def sources(self, lesson_id: uuid.UUID) -> Sequence[QuizSource]:
        return (
            await self.session.scalars(
                select(QuizSource)
                .where(QuizSource.lesson_id == lesson_id)
                .order_by(QuizSource.position)
            )
        ).all()

    async def replace_sources(self, lesson_id: uuid.UUID, sources: list[QuizSource]) -> None:
        await self.session.execute(delete(QuizSource).where(QuizSource.lesson_id == lesson_id))
        self.session.add_all(sources)
        await self.session.flush()

    async def delete(self, row: object) -> None:
        await self.session.delete(row)
        await self.session.flush()

    async def answered_question_course(self, question_id: uuid.UUID) -> uuid.UUID | None:
        """The course of a question some attempt holds (when the question itself is gone)."""
        found: uuid.UUID | None = await self.session.scalar(
            select(QuizAttempt.course_id)
            .join(AttemptAnswer, AttemptAnswer.attempt_id == QuizAttempt.id)
            .where(AttemptAnswer.question_id == question_id)
            .limit(1)
        )
        return found

    async def was_asked(self, user_id: uuid.UUID, question_id: uuid.UUID) -> bool:
        found = await self.session.scalar(
            select(AttemptAnswer.question_id)
            .join(QuizAttempt, QuizAttempt.id == AttemptAnswer.attempt_id)
            .where(QuizAttempt.user_id == user_id, AttemptAnswer.question_id == question_id)
            .limit(1)
        )
        return found is not None

    async def question_image_keys(self, lesson_ids: Collection[uuid.UUID]) -> list[str]:
        """Pictures of the questions in the quizzes' own banks (deleted with the lessons)."""
        rows = await self.session.scalars(
            select(Question.image_key)
            .join(QuestionBank, QuestionBank.id == Question.bank_id)
            .where(QuestionBank.quiz_lesson_id.in_(lesson_ids), Question.image_key.is_not(None))
        )
        return [key for key in rows if key]

    async def file_keys_of_lessons(self, lesson_ids: Collection[uuid.UUID]) -> list[str]:
        rows = await self.session.scalars(
            select(SubmissionFile.key).where(SubmissionFile.lesson_id.in_(lesson_ids))
        )
        return list(rows)

    # --- attempts -----------------------------------------------------------------------

    async def attempts(self, user_id: uuid.UUID, lesson_id: uuid.UUID) -> Sequence[QuizAttempt]:
        return (
            await self.session.scalars(
                select(QuizAttempt)
                .where(QuizAttempt.user_id == user_id, QuizAttempt.lesson_id == lesson_id)
                .order_by(QuizAttempt.number.desc())
            )
        ).all()

    async def attempt(self, attempt_id: uuid.UUID, *, lock: bool = False) -> QuizAttempt | None:
        statement = select(QuizAttempt).where(QuizAttempt.id == attempt_id)
        if lock:
            statement = statement.with_for_update()
        found: QuizAttempt | None = await self.session.scalar(statement)
        return found

    async def answers(self, attempt_id: uuid.UUID) -> Sequence[AttemptAnswer]:
        return (
            await self.session.scalars(
                select(AttemptAnswer)
                .where(AttemptAnswer.attempt_id == attempt_id)
                .order_by(AttemptAnswer.position)
            )
        ).all()

    async def answer(self, attempt_id: uuid.UUID, question_id: uuid.UUID) -> AttemptAnswer | None:
        return await self.session.get(AttemptAnswer, (attempt_id, question_id))

    async def expired_attempt_ids(self, now: datetime, limit: int) -> list[uuid.UUID]:
        rows = await self.session.scalars(
            select(QuizAttempt.id)
            .where(
                QuizAttempt.status == AttemptStatus.in_progress,
                QuizAttempt.deadline_at.is_not(None),
                QuizAttempt.deadline_at < now,
            )
            .order_by(QuizAttempt.deadline_at)
            .limit(limit)
        )
        return list(rows)

    async def attempt_counts(self, lesson_ids: Collection[uuid.UUID]) -> int:
        if not lesson_ids:
            return 0
        found = await self.session.scalar(
            select(func.count())
            .select_from(QuizAttempt)
            .where(QuizAttempt.lesson_id.in_(lesson_ids))
        )
        return int(found or 0)

    # --- submissions --------------------------------------------------------------------

    async def submissions(self, user_id: uuid.UUID, lesson_id: uuid.UUID) -> Sequence[Submission]:
        return (
            await self.session.scalars(
                select(Submission)
                .where(Submission.user_id == user_id, Submission.lesson_id == lesson_id)
                .order_by(Submission.number.desc())
            )
        ).all()

    async def submission(self, submission_id: uuid.UUID) -> Submission | None:
        return await self.session.get(Submission, submission_id)

    async def submission_count(self, lesson_id: uuid.UUID) -> int:
        found = await self.session.scalar(
            select(func.count()).select_from(Submission).where(Submission.lesson_id == lesson_id)
        )
        return int(found or 0)

    async def files_of(
        self, submission_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, list[SubmissionFile]]:
        if not submission_ids:
            return {}
        rows = await self.session.scalars(
            select(SubmissionFile)
            .where(SubmissionFile.submission_id.in_(submission_ids))
            .order_by(SubmissionFile.created_at)
        )
        found: dict[uuid.UUID, list[SubmissionFile]] = {}
        for file in rows:
            assert file.submission_id is not None
            found.setdefault(file.submission_id, []).append(file)
        return found

    async def loose_files(
        self, user_id: uuid.UUID, lesson_id: uuid.UUID
    ) -> Sequence[SubmissionFile]:
        return (
            await self.session.scalars(
                select(SubmissionFile)
                .where(
                    SubmissionFile.user_id == user_id,
                    SubmissionFile.lesson_id == lesson_id,
                    SubmissionFile.submission_id.is_(None),
                )
                .order_by(SubmissionFile.created_at)
            )
        ).all()

    async def file(self, file_id: uuid.UUID) -> SubmissionFile | None:
        return await self.session.get(SubmissionFile, file_id)

    async def stale_loose_files(self, before: datetime, limit: int) -> Sequence[SubmissionFile]:
        return (
            await self.session.scalars(
                select(SubmissionFile)
                .where(SubmissionFile.submission_id.is_(None), SubmissionFile.created_at < before)
                .limit(limit)
            )
        ).all()

    # --- grades -------------------------------------------------------------------------

    async def grade_entry(self, user_id: uuid.UUID, lesson_id: uuid.UUID) -> GradeEntry | None:
        return await self.session.get(GradeEntry, (user_id, lesson_id))

    async def entries_of_course(
        self, course_id: uuid.UUID, user_id: uuid.UUID | None = None
    ) -> Sequence[GradeEntry]:
        statement = select(GradeEntry).where(GradeEntry.course_id == course_id)
        if user_id is not None:
            statement = statement.where(GradeEntry.user_id == user_id)
        return (await self.session.scalars(statement)).all()

    async def events(
        self, *, attempt_id: uuid.UUID | None = None, submission_ids: Collection[uuid.UUID] = ()
    ) -> list[tuple[GradeEvent, str | None]]:
        statement = (
            select(GradeEvent, User.display_name)
            .outerjoin(User, User.id == GradeEvent.actor_id)
            .order_by(GradeEvent.created_at, GradeEvent.id)
        )
        if attempt_id is not None:
            statement = statement.where(GradeEvent.attempt_id == attempt_id)
        else:
            statement = statement.where(GradeEvent.submission_id.in_(submission_ids))
        return [(event, name) for event, name in (await self.session.execute(statement)).all()]

    async def users(self, user_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, User]:
        if not user_ids:
            return {}
        rows = await self.session.scalars(select(User).where(User.id.in_(user_ids)))
        return {user.id: user for user in rows}

    async def graded_lessons(
        self, course_id: uuid.UUID
    ) -> list[tuple[Lesson, str, Assessment | None]]:
        """The course's quizzes and assignments in curriculum order, with their settings."""
        rows = (
            await self.session.execute(
                select(Lesson, Section.title, Assessment)
                .join(Section, Section.id == Lesson.section_id)
                .outerjoin(Assessment, Assessment.lesson_id == Lesson.id)
                .where(
                    Lesson.course_id == course_id,
                    Lesson.kind.in_([LessonKind.quiz, LessonKind.assignment]),
                )
                .order_by(Section.position, Lesson.position)
            )
        ).all()
        return [(lesson, title, assessment) for lesson, title, assessment in rows]

    async def enrolled_students(self, course_id: uuid.UUID) -> Sequence[User]:
        return (
            await self.session.scalars(
                select(User)
                .join(Enrollment, Enrollment.user_id == User.id)
                .where(Enrollment.course_id == course_id)
                .order_by(func.lower(User.display_name), User.email)
            )
        ).all()

    async def latest_submissions_of_course(self, course_id: uuid.UUID) -> Sequence[Submission]:
        """Each student's newest submission per assignment of the course."""
        newest = (
            select(Submission.lesson_id, Submission.user_id, func.max(Submission.number).label("n"))
            .where(Submission.course_id == course_id)
            .group_by(Submission.lesson_id, Submission.user_id)
            .subquery()
        )
        return (
            await self.session.scalars(
                select(Submission)
                .join(
                    newest,
                    (newest.c.lesson_id == Submission.lesson_id)
                    & (newest.c.user_id == Submission.user_id)
                    & (newest.c.n == Submission.number),
                )
                .order_by(Submission.submitted_at)
            )
        ).all()

    async def closed_attempts_of_course(self, course_id: uuid.UUID) -> Sequence[QuizAttempt]:
        """Attempts handed in that a person has something to do with: grading or releasing."""
        return (
            await self.session.scalars(
                select(QuizAttempt)
                .where(
                    QuizAttempt.course_id == course_id,
                    QuizAttempt.status != AttemptStatus.in_progress,
                )
                .order_by(QuizAttempt.submitted_at)
            )
        ).all()

    async def lesson_titles(self, lesson_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, str]:
        if not lesson_ids:
            return {}
        rows = await self.session.execute(
            select(Lesson.id, Lesson.title).where(Lesson.id.in_(lesson_ids))
        )
        return dict(rows.all())

    async def manual_answer_counts(self, attempt_ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
        """Attempts with an answer a person graded or overrode."""
        if not attempt_ids:
            return set()
        rows = await self.session.scalars(
            select(AttemptAnswer.attempt_id)
            .where(
                AttemptAnswer.attempt_id.in_(attempt_ids), AttemptAnswer.graded_by_id.is_not(None)
            )
            .distinct()
        )
        return set(rows)

    async def mark_seen(self, user_id: uuid.UUID, lesson_id: uuid.UUID, at: datetime) -> None:
        await self.session.execute(
            update(GradeEntry)
            .where(GradeEntry.user_id == user_id, GradeEntry.lesson_id == lesson_id)
            .values(seen_at=at)
        )

    async def sources_of(self, lesson_ids: Collection[uuid.UUID]) -> Sequence[QuizSource]:
        if not lesson_ids:
            return []
        return (
            await self.session.scalars(
                select(QuizSource).where(QuizSource.lesson_id.in_(lesson_ids))
            )
        ).all()
