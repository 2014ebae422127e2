"""A duplicated course gets copies of its quizzes and assignments: their settings, the
course's question banks and every question (pictures included), and which banks each quiz
draws from. Students' attempts, submissions and grades stay with the original."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.assessments.repository import AssessmentRepository
from lectern.kit.storage import FileStore
from lectern.models import Assessment, Question, QuestionBank, QuizSource

_SETTINGS = [
    column.key
    for column in Assessment.__table__.columns
    if column.key not in ("lesson_id", "course_id", "updated_at")
]


async def copy_course_work(
    session: AsyncSession,
    store: FileStore,
    source_course_id: uuid.UUID,
    copy_course_id: uuid.UUID,
    lessons: Mapping[uuid.UUID, uuid.UUID],
) -> None:
    """Copy into ``copy_course_id`` what ``source_course_id``'s quizzes and assignments are
    made of; ``lessons`` maps each source lesson to its copy."""
    repository = AssessmentRepository(session)
    found = await session.scalars(
        select(Assessment).where(Assessment.course_id == source_course_id)
    )
    for settings in found.all():
        if settings.lesson_id in lessons:
            values = {name: copy.deepcopy(getattr(settings, name)) for name in _SETTINGS}
            session.add(
                Assessment(
                    **values, lesson_id=lessons[settings.lesson_id], course_id=copy_course_id
                )
            )
    banks: dict[uuid.UUID, uuid.UUID] = {}
    for bank in await repository.banks_of_course(source_course_id):
        own = bank.quiz_lesson_id
        if own is not None and own not in lessons:
            continue
        made = QuestionBank(
            id=uuid.uuid4(),
            course_id=copy_course_id,
            title=bank.title,
            quiz_lesson_id=lessons[own] if own is not None else None,
        )
        session.add(made)
        banks[bank.id] = made.id
    await session.flush()
    for question in await repository.questions(list(banks)):
        made_question = Question(
            id=uuid.uuid4(),
            bank_id=banks[question.bank_id],
            course_id=copy_course_id,
            position=question.position,
            kind=question.kind,
            prompt=question.prompt,
            points=question.points,
            spec=copy.deepcopy(question.spec),
            explanation=question.explanation,
        )
        if question.image_key:
            picture = await store.read(question.image_key)
            if picture is not None:
                name = question.image_key.rsplit("/", 1)[-1]
                made_question.image_key = f"questions/{made_question.id}/{name}"
                await store.put(made_question.image_key, picture, content_type="image/webp")
        session.add(made_question)
    for source in await repository.sources_of(list(lessons)):
        if source.bank_id in banks:
            session.add(
                QuizSource(
                    lesson_id=lessons[source.lesson_id],
                    bank_id=banks[source.bank_id],
                    draw_count=source.draw_count,
                    position=source.position,
                )
            )
    await session.flush()
