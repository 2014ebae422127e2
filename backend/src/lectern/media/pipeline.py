"""One transcode, from a stored original to a published HLS stream.

A job first claims the video with a conditional UPDATE (queued, or processing with a worker
that stopped reporting), so a message delivered twice or re-sent by the stall sweep runs
once. It writes the stream under the video's own prefix, which it empties first (a worker
killed mid-job leaves pieces there), and the video turns ready in one transaction after every
file is stored: a viewer never sees half a stream.
"""

from __future__ import annotations

import logging
import shutil
import time
import uuid
from collections.abc import Sequence
from datetime import timedelta
from functools import partial
from pathlib import Path

import anyio
import anyio.from_thread
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from lectern.catalog.context import bump_catalog_version
from lectern.catalog.repository import CourseRepository, CurriculumRepository
from lectern.config import Settings
from lectern.kit.cache import Cache
from lectern.kit.storage import FileStore
from lectern.media.delivery import CONTENT_TYPES
from lectern.media.ffmpeg import (
    MediaError,
    Rendition,
    TranscodeCanceled,
    plan_ladder,
    probe,
    transcode,
)
from lectern.media.videos import remove_video_files
from lectern.models import Lesson, VideoAsset, VideoStatus
from lectern.models.base import utcnow

log = logging.getLogger("lectern.media")

# Transcoding is most of the work; storing the files is the rest of the bar.
_TRANSCODE_SHARE = 95.0
_REPORT_EVERY = 2.0


class Transcode:
    def __init__(
        self,
        settings: Settings,
        sessionmaker: async_sessionmaker[AsyncSession],
        store: FileStore,
        cache: Cache,
    ) -> None:
        self.settings = settings
        self.sessionmaker = sessionmaker
        self.store = store
        self.cache = cache
        self.attempt = 0
        self._last_report = 0.0

    async def run(self, video_id: uuid.UUID) -> None:
        video = await self._claim(video_id)
        if video is None:
            log.info(
                "transcode skipped: not queued or owned by a live worker",
                extra={"video": str(video_id)},
            )
            return
        # One scratch folder per video: a retry after a crash starts by clearing what the
        # dead worker left on this machine.
        work = self.settings.upload_tmp_dir / "transcode" / str(video.id)
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        try:
            await self._transcode(video, work)
        except MediaError as error:
            log.info("transcode failed", extra={"video": str(video_id), "detail": error.detail})
            await self._fail(video, error.reason)
        except TranscodeCanceled:
            log.info("transcode canceled", extra={"video": str(video_id)})
            await self.store.delete_prefix(video.hls_prefix)
        except BaseException:
            # Ours to try again: put it back in the queue (the task retries with back-off).
            await self._release(video)
            raise
        finally:
            shutil.rmtree(work, ignore_errors=True)

    async def _claim(self, video_id: uuid.UUID) -> VideoAsset | None:
        now = utcnow()
        stale = now - self.settings.transcode_stall_after
        async with self.sessionmaker() as session:
            result = await session.execute(
                update(VideoAsset)
                .where(
                    VideoAsset.id == video_id,
                    or_(
                        VideoAsset.status == VideoStatus.queued,
                        (VideoAsset.status == VideoStatus.processing)
                        & (VideoAsset.heartbeat_at.is_(None) | (VideoAsset.heartbeat_at < stale)),
                    ),
                )
                .values(
                    status=VideoStatus.processing,
                    attempts=VideoAsset.attempts + 1,
                    heartbeat_at=now,
                    progress=0.0,
                    failure_reason=None,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            await session.commit()
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return None
            video = await session.get(VideoAsset, video_id)
            assert video is not None
            self.attempt = video.attempts
            return video

    def _ours(self, video_id: uuid.UUID) -> list[object]:
        return [
            VideoAsset.id == video_id,
            VideoAsset.status == VideoStatus.processing,
            VideoAsset.attempts == self.attempt,
        ]

    async def _report(self, video_id: uuid.UUID, percent: float, *, force: bool = False) -> bool:
        """Progress and heartbeat; False once the video is no longer ours (canceled)."""
        if not force and time.monotonic() - self._last_report < _REPORT_EVERY:
            return True
        self._last_report = time.monotonic()
        async with self.sessionmaker() as session:
            result = await session.execute(
                update(VideoAsset)
                .where(*self._ours(video_id))  # type: ignore[arg-type]
                .values(progress=min(percent, 99.9), heartbeat_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            await session.commit()
            return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    async def _source(self, video: VideoAsset, work: Path) -> Path:
        local = self.store.local_path(video.source_key)
        if local is not None:
            return local
        path = work / "source"
        if not await self.store.download(video.source_key, path):
            raise MediaError("The uploaded file is missing; upload it again.", detail="no source")
        return path

    async def _transcode(self, video: VideoAsset, work: Path) -> None:
        source = await self._source(video, work)
        found = await anyio.to_thread.run_sync(
            partial(
                probe,
                source,
                max_duration_seconds=self.settings.video_max_duration.total_seconds(),
                max_bytes=self.settings.upload_max_bytes,
            )
        )
        ladder = plan_ladder(found)
        # A worker that died mid-job may have left part of a stream here.
        await self.store.delete_prefix(video.hls_prefix)
        out = work / "hls"
        out.mkdir()

        def on_progress(percent: float) -> bool:
            share = percent * _TRANSCODE_SHARE / 100
            return bool(anyio.from_thread.run(self._report, video.id, share))

        result = await anyio.to_thread.run_sync(
            partial(transcode, source, out, ladder, found, on_progress=on_progress)
        )
        await self._store_files(video, out, result.files)
        await self._publish(video, found.duration, found.width, found.height, ladder)

    async def _store_files(self, video: VideoAsset, out: Path, files: Sequence[Path]) -> None:
        done = 0
        limiter = anyio.CapacityLimiter(8)

        async def put(relative: Path) -> None:
            nonlocal done
            async with limiter:
                name = relative.as_posix()
                await self.store.put_file(
                    video.hls_prefix + name,
                    out / relative,
                    content_type=CONTENT_TYPES.get(relative.suffix),
                )
            done += 1
            share = _TRANSCODE_SHARE + (100 - _TRANSCODE_SHARE) * done / max(1, len(files))
            if not await self._report(video.id, share):
                raise TranscodeCanceled()

        async with anyio.create_task_group() as group:
            for relative in files:
                group.start_soon(put, relative)

    async def _publish(
        self,
        video: VideoAsset,
        duration: float,
        width: int,
        height: int,
        ladder: Sequence[Rendition],
    ) -> None:
        now = utcnow()
        async with self.sessionmaker() as session:
            result = await session.execute(
                update(VideoAsset)
                .where(*self._ours(video.id))  # type: ignore[arg-type]
                .values(
                    status=VideoStatus.ready,
                    progress=100.0,
                    duration_seconds=round(duration, 3),
                    width=width,
                    height=height,
                    renditions=[_rendition(r) for r in ladder],
                    thumbnails=True,
                    ready_at=now,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                await session.rollback()
                raise TranscodeCanceled()
            replaced = (
                await session.scalars(
                    select(VideoAsset.id).where(
                        VideoAsset.lesson_id == video.lesson_id,
                        VideoAsset.status == VideoStatus.ready,
                        VideoAsset.id != video.id,
                    )
                )
            ).all()
            if replaced:
                await session.execute(
                    update(VideoAsset)
                    .where(VideoAsset.id.in_(replaced))
                    .values(status=VideoStatus.replaced, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
            await _set_lesson_duration(session, video.lesson_id, round(duration))
            await session.commit()
        await remove_video_files(self.store, replaced)
        await bump_catalog_version(self.cache)
        log.info("transcode done", extra={"video": str(video.id), "replaced": len(replaced)})

    async def _fail(self, video: VideoAsset, reason: str) -> None:
        async with self.sessionmaker() as session:
            await session.execute(
                update(VideoAsset)
                .where(*self._ours(video.id))  # type: ignore[arg-type]
                .values(status=VideoStatus.failed, failure_reason=reason, progress=0.0)
                .execution_options(synchronize_session=False)
            )
            await session.commit()
        await self.store.delete_prefix(video.hls_prefix)

    async def _release(self, video: VideoAsset) -> None:
        with anyio.CancelScope(shield=True):
            async with self.sessionmaker() as session:
                await session.execute(
                    update(VideoAsset)
                    .where(*self._ours(video.id))  # type: ignore[arg-type]
                    .values(status=VideoStatus.queued, progress=0.0)
                    .execution_options(synchronize_session=False)
                )
                await session.commit()

    async def fail_for_good(self, video_id: uuid.UUID, reason: str) -> None:
        """After the last retry: say so, keep the original for a manual retry."""
        async with self.sessionmaker() as session:
            await session.execute(
                update(VideoAsset)
                .where(
                    VideoAsset.id == video_id,
                    VideoAsset.status.in_((VideoStatus.queued, VideoStatus.processing)),
                )
                .values(status=VideoStatus.failed, failure_reason=reason, progress=0.0)
                .execution_options(synchronize_session=False)
            )
            await session.commit()


async def stalled_videos(
    sessionmaker: async_sessionmaker[AsyncSession], stall_after: timedelta
) -> list[uuid.UUID]:
    """Videos whose worker stopped reporting, and queued ones whose message may be lost."""
    now = utcnow()
    async with sessionmaker() as session:
        rows = await session.scalars(
            select(VideoAsset.id).where(
                or_(
                    (VideoAsset.status == VideoStatus.processing)
                    & (VideoAsset.heartbeat_at < now - stall_after),
                    (VideoAsset.status == VideoStatus.queued)
                    & (VideoAsset.updated_at < now - timedelta(minutes=30)),
                )
            )
        )
        return list(rows.all())


async def expire_uploads(
    sessionmaker: async_sessionmaker[AsyncSession], store: FileStore, older_than: timedelta
) -> int:
    """Drop unfinished uploads nobody touched for ``older_than``: abort the store's multipart
    upload and remove the pieces."""
    async with sessionmaker() as session:
        stale = (
            await session.scalars(
                select(VideoAsset).where(
                    VideoAsset.status == VideoStatus.uploading,
                    VideoAsset.updated_at < utcnow() - older_than,
                )
            )
        ).all()
        for video in stale:
            if video.multipart_id:
                await store.abort_multipart(video.source_key, video.multipart_id)
            await remove_video_files(store, [video.id])
            video.status = VideoStatus.canceled
            video.multipart_id, video.tail_key, video.tail_bytes = None, None, 0
        await session.commit()
    return len(stale)


def _rendition(rendition: Rendition) -> dict[str, object]:
    return {
        "name": rendition.name,
        "width": rendition.width,
        "height": rendition.height,
        "bandwidth": (rendition.maxrate_kbps + 128) * 1000,
    }


async def _set_lesson_duration(session: AsyncSession, lesson_id: uuid.UUID, seconds: int) -> None:
    lesson = await session.get(Lesson, lesson_id)
    if lesson is None:
        return
    lesson.duration_seconds = seconds
    await session.flush()
    course = await CourseRepository(session).get(lesson.course_id)
    if course is not None:
        course.lesson_count, course.duration_seconds = await CurriculumRepository(session).totals(
            course.id
        )
