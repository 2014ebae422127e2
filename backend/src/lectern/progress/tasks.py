"""Background jobs of the progress domain: writing buffered heartbeats (with Redis)."""

from __future__ import annotations

import asyncio
import os
import threading

import anyio
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from lectern.config import Settings, get_settings
from lectern.kit.db import create_engine, create_sessionmaker
from lectern.kit.queue import celery_app
from lectern.progress.buffer import RedisHeartbeatBuffer
from lectern.progress.flusher import FlushReport, flush_heartbeats, prune_written_batches

PRUNE_TASK = "progress.prune_written_batches"


class _FlushRuntime:
    """What a worker thread keeps between its flushes: an event loop, and on it the engine
    and the buffer's Redis client. The flush runs every second; a fresh engine each time
    would connect to the database and compile every statement again, each second. One per
    thread: the worker's pool runs tasks in threads, and two flushes may run at once (each
    on its own loop)."""

    def __init__(self, settings: Settings) -> None:
        assert settings.redis_url is not None
        self.pid = os.getpid()
        self.loop = asyncio.new_event_loop()
        self.engine = create_engine(settings.effective_database_url, pool_size=1)
        self.sessionmaker = create_sessionmaker(self.engine)
        self.buffer = RedisHeartbeatBuffer(settings.redis_url, settings.redis_key_prefix)

    def flush(self, settings: Settings) -> FlushReport:
        return self.loop.run_until_complete(
            flush_heartbeats(
                self.buffer,
                self.sessionmaker,
                batch_size=settings.heartbeat_batch_size,
                recover_after=settings.heartbeat_recover_after_seconds,
            )
        )


_runtimes = threading.local()


@celery_app.task(name="progress.flush_heartbeats", ignore_result=True)
def flush_heartbeats_task() -> int:
    """Write everything in the shared heartbeat buffer (and recover batches a dead flusher
    took); the scheduler sends this every heartbeat_flush_seconds. Safe to run twice at once:
    each batch is taken by one flusher and written exactly once."""
    settings = get_settings()
    if not settings.redis_url:
        return 0  # the API processes hold (and write) their own buffers
    runtime: _FlushRuntime | None = getattr(_runtimes, "runtime", None)
    if runtime is None or runtime.pid != os.getpid():  # first run in this thread (or fork)
        runtime = _runtimes.runtime = _FlushRuntime(settings)
    return runtime.flush(settings).records


async def flush_shared_buffer(
    settings: Settings, sessionmaker: async_sessionmaker[AsyncSession]
) -> FlushReport:
    """Empty the Redis heartbeat buffer of ``settings`` into the database."""
    assert settings.redis_url is not None
    buffer = RedisHeartbeatBuffer(settings.redis_url, settings.redis_key_prefix)
    try:
        return await flush_heartbeats(
            buffer,
            sessionmaker,
            batch_size=settings.heartbeat_batch_size,
            recover_after=settings.heartbeat_recover_after_seconds,
        )
    finally:
        await buffer.close()


@celery_app.task(name=PRUNE_TASK, ignore_result=True)
def prune_written_batches_task() -> None:
    """Forget written batch ids too old to come back."""
    settings = get_settings()

    async def run() -> None:
        engine = create_engine(settings.effective_database_url, pool_size=1)
        try:
            await prune_written_batches(create_sessionmaker(engine))
        finally:
            await engine.dispose()

    anyio.run(run)


def _schedule() -> dict[str, dict[str, object]]:
    settings = get_settings()
    if not settings.redis_url:
        return {}
    every = settings.heartbeat_flush_seconds
    if every <= 0:
        return {}
    return {
        # A flush that waits behind busy workers is dropped rather than queued: the next one
        # writes everything anyway.
        "progress-flush-heartbeats": {
            "task": "progress.flush_heartbeats",
            "schedule": every,
            "options": {"expires": max(5.0, 5 * every)},
        },
        "progress-prune-written-batches": {"task": PRUNE_TASK, "schedule": 600.0},
    }


celery_app.conf.beat_schedule = {
    **(celery_app.conf.beat_schedule or {}),  # other domains' schedules stay
    **_schedule(),
}
