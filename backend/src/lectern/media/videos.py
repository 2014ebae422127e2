"""A lesson's videos as the studio and the player see them: status, cancel, retry, grants."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.catalog.access import can_edit
from lectern.catalog.context import CatalogContext
from lectern.errors import Conflict, Forbidden, NotFound, Unauthenticated
from lectern.kit.storage import FileStore
from lectern.learning.entitlements import can_open_lesson, lessons_open_to
from lectern.learning.lessons import lesson_with_course
from lectern.media import signing
from lectern.media.schemas import (
    CaptionOut,
    CaptionTrack,
    LessonVideo,
    PlaybackGrant,
    RenditionOut,
    VideoOut,
)
from lectern.models import IN_FLIGHT, LessonCaption, LessonKind, User, VideoAsset, VideoStatus
from lectern.progress.access_cache import remember_granted_access
from lectern.progress.buffer import HeartbeatBuffer
from lectern.progress.positions import resume_position


def media_url(key: bytes, grant: signing.Grant, path: str) -> str:
    return f"/api/media/{grant.video_id}/{signing.token_of(key, grant)}/{path}"


async def ready_video(session: AsyncSession, lesson_id: uuid.UUID) -> VideoAsset | None:
    return await session.scalar(
        select(VideoAsset).where(
            VideoAsset.lesson_id == lesson_id, VideoAsset.status == VideoStatus.ready
        )
    )


async def ready_durations(
    session: AsyncSession, lesson_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, float | None]:
    """The length of each lesson's ready video, for the lessons that have one."""
    found = await session.execute(
        select(VideoAsset.lesson_id, VideoAsset.duration_seconds).where(
            VideoAsset.lesson_id.in_(set(lesson_ids)), VideoAsset.status == VideoStatus.ready
        )
    )
    return dict(found.all())


# The still the transcode writes beside every stream (media/ffmpeg.py, TranscodeResult).
POSTER = "poster.jpg"


async def poster_urls(
    session: AsyncSession,
    key: bytes,
    viewer: User,
    lesson_ids: Iterable[uuid.UUID],
    *,
    lifetime_seconds: int = 600,
) -> dict[uuid.UUID, str]:
    """Signed poster URLs of these lessons' ready videos, for the lessons the viewer may open
    (the playback grant's check, for many lessons in a few queries); others are left out."""
    open_ids = await lessons_open_to(session, viewer, lesson_ids)
    if not open_ids:
        return {}
    rows = await session.execute(
        select(VideoAsset.id, VideoAsset.lesson_id).where(
            VideoAsset.lesson_id.in_(open_ids), VideoAsset.status == VideoStatus.ready
        )
    )
    urls: dict[uuid.UUID, str] = {}
    for video_id, lesson_id in rows:
        grant = signing.issue(key, video_id, lesson_id, lifetime_seconds)
        urls[lesson_id] = media_url(key, grant, POSTER)
    return urls


async def captions_of(session: AsyncSession, lesson_id: uuid.UUID) -> Sequence[LessonCaption]:
    rows = await session.scalars(
        select(LessonCaption)
        .where(LessonCaption.lesson_id == lesson_id)
        .order_by(LessonCaption.is_default.desc(), LessonCaption.label)
    )
    return rows.all()


async def remove_video_files(store: FileStore, video_ids: Sequence[uuid.UUID]) -> None:
    """Everything stored for these videos: source, upload pieces, stream."""
    for video_id in video_ids:
        await store.delete_prefix(f"videos/{video_id}/")


async def forget_lesson_media(ctx: CatalogContext, lesson_ids: Sequence[uuid.UUID]) -> None:
    """Lessons are being deleted: once that commits, remove their videos' and captions' files
    (the rows go with the lessons)."""
    if not lesson_ids:
        return
    video_ids = (
        await ctx.session.scalars(select(VideoAsset.id).where(VideoAsset.lesson_id.in_(lesson_ids)))
    ).all()
    store = ctx.store

    async def remove() -> None:
        await remove_video_files(store, video_ids)
        for lesson_id in lesson_ids:
            await store.delete_prefix(f"captions/{lesson_id}/")

    ctx.jobs.after_commit(remove)


class VideoService:
    def enqueue_transcode(self, ctx: CatalogContext, video: VideoAsset) -> None:
        from lectern.media.tasks import transcode_video  # the task module imports this one

        ctx.jobs.enqueue(transcode_video, video_id=str(video.id))

    async def _editable(self, ctx: CatalogContext, user: User, video_id: uuid.UUID) -> VideoAsset:
        video = await ctx.session.get(VideoAsset, video_id)
        if video is None:
            raise NotFound("No such video.")
        _, course = await lesson_with_course(ctx.session, video.lesson_id)
        if not can_edit(user, course):
            raise NotFound("No such video.")
        return video

    async def cancel_in_flight(self, ctx: CatalogContext, lesson_id: uuid.UUID) -> None:
        """A new upload replaces whatever was still on its way for this lesson."""
        rows = await ctx.session.scalars(
            select(VideoAsset).where(
                VideoAsset.lesson_id == lesson_id, VideoAsset.status.in_(IN_FLIGHT)
            )
        )
        for video in rows.all():
            self._stop(ctx, video, forget=True)

    def _stop(self, ctx: CatalogContext, video: VideoAsset, *, forget: bool) -> None:
        """Cancel ``video``; a running transcode notices at its next progress report.
        ``forget`` drops its files too (it was replaced); otherwise a finished original stays
        for a retry."""
        was_uploading = video.status == VideoStatus.uploading
        video.status = VideoStatus.canceled
        video.progress = 0.0
        store, multipart_id, tail_key = ctx.store, video.multipart_id, video.tail_key
        source_key, video_id = video.source_key, video.id
        if was_uploading:
            video.multipart_id, video.tail_key, video.tail_bytes = None, None, 0

        async def clean_up() -> None:
            if was_uploading and multipart_id:
                await store.abort_multipart(source_key, multipart_id)
            if forget:
                await remove_video_files(store, [video_id])
            else:
                if tail_key:
                    await store.delete(tail_key)
                await store.delete_prefix(f"videos/{video_id}/hls/")

        ctx.jobs.after_commit(clean_up)

    async def cancel(self, ctx: CatalogContext, user: User, video_id: uuid.UUID) -> VideoAsset:
        video = await self._editable(ctx, user, video_id)
        if video.status not in IN_FLIGHT:
            raise Conflict("Only an upload or a transcode in progress can be canceled.")
        self._stop(ctx, video, forget=video.status == VideoStatus.uploading)
        return video

    async def retry(self, ctx: CatalogContext, user: User, video_id: uuid.UUID) -> VideoAsset:
        video = await self._editable(ctx, user, video_id)
        if not _can_retry(video):
            raise Conflict(
                "Only a failed or canceled video whose file arrived whole can be tried again.",
                code="not_retryable",
            )
        newer = await ctx.session.scalar(
            select(VideoAsset.id).where(
                VideoAsset.lesson_id == video.lesson_id,
                VideoAsset.status.in_(IN_FLIGHT),
                VideoAsset.id != video.id,
            )
        )
        if newer is not None:
            raise Conflict("A newer upload for this lesson is in progress.", code="newer_upload")
        video.status = VideoStatus.queued
        video.progress = 0.0
        video.failure_reason = None
        self.enqueue_transcode(ctx, video)
        return video

    async def for_studio(
        self, ctx: CatalogContext, user: User, lesson_id: uuid.UUID
    ) -> LessonVideo:
        lesson, course = await lesson_with_course(ctx.session, lesson_id)
        if not can_edit(user, course):
            raise NotFound("No such lesson.")
        current = await ready_video(ctx.session, lesson.id)
        pending = await ctx.session.scalar(
            select(VideoAsset)
            .where(
                VideoAsset.lesson_id == lesson.id,
                VideoAsset.status.not_in((VideoStatus.ready, VideoStatus.replaced)),
            )
            .order_by(VideoAsset.created_at.desc())
            .limit(1)
        )
        if pending is not None and current is not None and pending.created_at < current.created_at:
            pending = None  # an old failure the ready video already replaced
        key = ctx.settings.signing_key()
        return LessonVideo(
            lesson_id=lesson.id,
            current=present_video(ctx, key, current) if current else None,
            pending=present_video(ctx, key, pending) if pending else None,
            captions=[present_caption(c) for c in await captions_of(ctx.session, lesson.id)],
        )

    async def playback(
        self,
        ctx: CatalogContext,
        viewer: User | None,
        lesson_id: uuid.UUID,
        heartbeats: HeartbeatBuffer | None = None,
    ) -> PlaybackGrant:
        """A grant to stream the lesson's video, after the one access check; it resumes
        where the viewer's last heartbeat was, written yet or still in ``heartbeats``."""
        lesson, course = await lesson_with_course(ctx.session, lesson_id)
        if not await can_open_lesson(ctx.session, viewer, course, lesson):
            if viewer is None:
                raise Unauthenticated("Sign in to watch this lesson.")
            raise Forbidden("This lesson is for enrolled students.", code="lesson_locked")
        video = (
            await ready_video(ctx.session, lesson.id) if lesson.kind == LessonKind.video else None
        )
        if video is None:
            raise Conflict("This lesson's video is not ready yet.", code="video_not_ready")
        key = ctx.settings.signing_key()
        lifetime = ctx.settings.media_grant_seconds
        grant = signing.issue(key, video.id, lesson.id, lifetime)
        if viewer is not None:
            await remember_granted_access(
                ctx.cache, ctx.settings, viewer.id, lesson.id, course.id, video.duration_seconds
            )
        captions = await captions_of(ctx.session, lesson.id)
        return PlaybackGrant(
            video_id=video.id,
            lesson_id=lesson.id,
            master_url=media_url(key, grant, "master.m3u8"),
            poster_url=media_url(key, grant, "poster.jpg"),
            thumbnails_url=media_url(key, grant, "thumbnails.vtt") if video.thumbnails else None,
            captions=[
                CaptionTrack(
                    id=c.id,
                    language=c.language,
                    label=c.label,
                    is_default=c.is_default,
                    url=media_url(key, grant, f"captions/{c.id}.vtt"),
                )
                for c in captions
            ],
            renditions=[RenditionOut.model_validate(r) for r in video.renditions],
            duration_seconds=video.duration_seconds,
            expires_at=datetime.fromtimestamp(grant.expires_at, UTC),
            refresh_after_seconds=max(15, lifetime // 2),
            resume_position_seconds=await resume_position(
                ctx.session, heartbeats, viewer.id if viewer else None, lesson.id
            ),
        )


def _can_retry(video: VideoAsset) -> bool:
    return (
        video.status in (VideoStatus.failed, VideoStatus.canceled)
        and video.received_bytes == video.size_bytes
    )


def present_video(ctx: CatalogContext, key: bytes, video: VideoAsset) -> VideoOut:
    poster_url = None
    if video.status == VideoStatus.ready:
        grant = signing.issue(key, video.id, video.lesson_id, ctx.settings.media_grant_seconds)
        poster_url = media_url(key, grant, "poster.jpg")
    return VideoOut(
        id=video.id,
        status=video.status,
        filename=video.filename,
        size_bytes=video.size_bytes,
        received_bytes=video.received_bytes,
        progress=round(video.progress, 1),
        failure_reason=video.failure_reason,
        duration_seconds=video.duration_seconds,
        width=video.width,
        height=video.height,
        renditions=[RenditionOut.model_validate(r) for r in video.renditions],
        poster_url=poster_url,
        created_at=video.created_at,
        updated_at=video.updated_at,
        can_retry=_can_retry(video),
    )


def present_caption(caption: LessonCaption) -> CaptionOut:
    return CaptionOut(
        id=caption.id,
        language=caption.language,
        label=caption.label,
        is_default=caption.is_default,
        cue_count=caption.cue_count,
        updated_at=caption.updated_at,
    )


video_service = VideoService()
