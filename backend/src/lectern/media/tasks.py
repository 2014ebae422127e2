"""Background jobs of the media domain: transcoding, and restarting stalled transcodes."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
from celery import Task
from celery.signals import worker_ready

from lectern.config import Settings, get_settings
from lectern.kit.cache import Cache
from lectern.kit.db import create_engine, create_sessionmaker
from lectern.kit.queue import celery_app
from lectern.kit.storage import create_file_store
from lectern.media.pipeline import Transcode, expire_uploads, stalled_videos

log = logging.getLogger("lectern.media")

GIVE_UP_REASON = "Transcoding kept failing on our side. Try again in a while."


async def _with_transcode(settings: Settings, work: Callable[[Transcode], Awaitable[None]]) -> None:
    from lectern.app import create_cache

    engine = create_engine(settings.effective_database_url, pool_size=2)
    cache: Cache = create_cache(settings)
    try:
        job = Transcode(settings, create_sessionmaker(engine), create_file_store(settings), cache)
        await work(job)
    finally:
        await cache.close()
        await engine.dispose()


@celery_app.task(bind=True, name="media.transcode", max_retries=3)
def transcode_video(self: Task[Any, Any], video_id: str) -> None:
    """Transcode one uploaded video into its HLS ladder (idempotent: see pipeline.py)."""
    settings = get_settings()
    target = uuid.UUID(video_id)

    async def run(job: Transcode) -> None:
        await job.run(target)

    try:
        anyio.run(_with_transcode, settings, run)
    except Exception as error:
        if self.request.retries >= (self.max_retries or 0):

            async def give_up(job: Transcode) -> None:
                await job.fail_for_good(target, GIVE_UP_REASON)

            anyio.run(_with_transcode, settings, give_up)
            log.exception("transcode gave up", extra={"video": video_id})
            return
        raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error


@celery_app.task(name="media.requeue_stalled")
def requeue_stalled() -> int:
    """Start again the transcodes whose worker died (no report for transcode_stall_after)."""
    settings = get_settings()

    async def find() -> list[uuid.UUID]:
        engine = create_engine(settings.effective_database_url, pool_size=1)
        try:
            return await stalled_videos(create_sessionmaker(engine), settings.transcode_stall_after)
        finally:
            await engine.dispose()

    stalled = anyio.run(find)
    for video_id in stalled:
        log.info("restarting a stalled transcode", extra={"video": str(video_id)})
        transcode_video.delay(video_id=str(video_id))
    return len(stalled)


@celery_app.task(name="media.expire_uploads")
def expire_uploads_task() -> int:
    """Drop uploads left unfinished for longer than upload_expiry."""
    settings = get_settings()

    async def run() -> int:
        engine = create_engine(settings.effective_database_url, pool_size=1)
        try:
            return await expire_uploads(
                create_sessionmaker(engine), create_file_store(settings), settings.upload_expiry
            )
        finally:
            await engine.dispose()

    return anyio.run(run)


celery_app.conf.beat_schedule = {
    **(celery_app.conf.beat_schedule or {}),  # other domains' schedules stay
    "media-requeue-stalled": {"task": "media.requeue_stalled", "schedule": 60.0},
    "media-expire-uploads": {"task": "media.expire_uploads", "schedule": 3600.0},
}


@worker_ready.connect
def _sweep_on_start(**_: object) -> None:
    """A worker that starts after a crash picks up what the dead one left."""
    requeue_stalled.delay()
