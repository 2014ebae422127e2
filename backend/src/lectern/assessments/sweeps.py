"""What the worker does on a schedule: hand in attempts whose time ran out (so grades,
completion and the gradebook don't wait for the student to come back) and drop files that
were uploaded but never handed in."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from lectern.assessments.repository import AssessmentRepository
from lectern.assessments.scoring import close_attempt
from lectern.kit.queue import JobBuffer
from lectern.kit.storage import FileStore
from lectern.models import AttemptStatus
from lectern.models.base import utcnow

log = logging.getLogger("lectern.assessments")

BATCH = 200


async def close_expired_attempts(
    sessionmaker: async_sessionmaker[AsyncSession],
    grace: timedelta,
    *,
    jobs: JobBuffer | None = None,
) -> int:
    """Hand in every attempt still open past its deadline (plus ``grace``), graded on what was
    saved in time; one transaction per attempt. Returns how many."""
    closed = 0
    async with sessionmaker() as session:
        ids = await AssessmentRepository(session).expired_attempt_ids(utcnow() - grace, BATCH)
    for attempt_id in ids:
        buffer = jobs or JobBuffer()
        async with sessionmaker() as session:
            repository = AssessmentRepository(session)
            attempt = await repository.attempt(attempt_id, lock=True)
            if attempt is None or attempt.status != AttemptStatus.in_progress:
                continue  # the student handed it in meanwhile
            quiz = await repository.assessment(attempt.lesson_id)
            if quiz is None:
                continue
            await close_attempt(session, buffer, quiz, attempt, now=utcnow(), timed_out=True)
            await session.commit()
        if jobs is None:
            await buffer.dispatch()
        closed += 1
    if closed:
        log.info("closed attempts whose time ran out", extra={"count": closed})
    return closed


async def drop_loose_files(
    sessionmaker: async_sessionmaker[AsyncSession], store: FileStore, older_than: timedelta
) -> int:
    """Delete uploads never handed in with a submission, older than ``older_than``."""
    async with sessionmaker() as session:
        repository = AssessmentRepository(session)
        stale = list(await repository.stale_loose_files(utcnow() - older_than, BATCH))
        keys = [f.key for f in stale]
        for file in stale:
            await session.delete(file)
        await session.commit()
    for key in keys:
        await store.delete(key)
    return len(keys)
