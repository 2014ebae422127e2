"""Background jobs of the assessments domain, run on Celery beat's schedule."""

from __future__ import annotations

from datetime import timedelta

import anyio

from lectern.assessments.sweeps import close_expired_attempts, drop_loose_files
from lectern.config import get_settings
from lectern.kit.db import create_engine, create_sessionmaker
from lectern.kit.queue import celery_app
from lectern.kit.storage import create_file_store

LOOSE_FILES_KEPT = timedelta(days=1)


@celery_app.task(name="assessments.close_expired_attempts")
def close_expired_attempts_task() -> int:
    """Hand in the quiz attempts whose time ran out."""
    settings = get_settings()

    async def run() -> int:
        engine = create_engine(settings.effective_database_url, pool_size=1)
        try:
            return await close_expired_attempts(
                create_sessionmaker(engine), timedelta(seconds=settings.quiz_save_grace_seconds)
            )
        finally:
            await engine.dispose()

    return anyio.run(run)


@celery_app.task(name="assessments.drop_loose_files")
def drop_loose_files_task() -> int:
    """Delete assignment uploads that were never handed in."""
    settings = get_settings()

    async def run() -> int:
        engine = create_engine(settings.effective_database_url, pool_size=1)
        try:
            return await drop_loose_files(
                create_sessionmaker(engine), create_file_store(settings), LOOSE_FILES_KEPT
            )
        finally:
            await engine.dispose()

    return anyio.run(run)


# Added to the schedules other domains set, whichever module the worker imports first.
celery_app.conf.beat_schedule = {
    **(celery_app.conf.beat_schedule or {}),
    "assessments-close-expired-attempts": {
        "task": "assessments.close_expired_attempts",
        "schedule": 60.0,
    },
    "assessments-drop-loose-files": {"task": "assessments.drop_loose_files", "schedule": 3600.0},
}
