"""Files of quizzes and assignments that go when their lessons are deleted (the rows go with
the lessons, by ON DELETE CASCADE): handed-in files and the quizzes' own question pictures."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.assessments.repository import AssessmentRepository
from lectern.kit.queue import JobBuffer
from lectern.kit.storage import FileStore


async def forget_lesson_work(
    session: AsyncSession, jobs: JobBuffer, store: FileStore, lesson_ids: Collection[uuid.UUID]
) -> None:
    """Call before deleting lessons: their files leave the store once the deletion commits."""
    if not lesson_ids:
        return
    repository = AssessmentRepository(session)
    keys = [
        *await repository.file_keys_of_lessons(lesson_ids),
        *await repository.question_image_keys(lesson_ids),
    ]
    if not keys:
        return

    async def drop() -> None:
        for key in keys:
            await store.delete(key)

    jobs.after_commit(drop)
