"""The demo school's lesson videos: drawn by ffmpeg, then put through the real pipeline
(the same transcode a worker runs) and given English captions, so `make run` starts with
lessons that stream."""

from __future__ import annotations

import subprocess
import tempfile
import uuid
from pathlib import Path

import anyio
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from lectern.catalog.context import CatalogContext
from lectern.config import Settings
from lectern.demo.content import COURSES, DemoVideo
from lectern.kit.cache import Cache
from lectern.kit.queue import JobBuffer
from lectern.kit.storage import FileStore
from lectern.media.caption_service import caption_service
from lectern.media.ffmpeg import ffmpeg_exe
from lectern.media.pipeline import Transcode
from lectern.models import Course, Lesson, LessonCaption, LessonKind, VideoAsset, VideoStatus
from lectern.users.repository import UserRepository


def draw(video: DemoVideo, path: Path) -> None:
    """A test pattern with a quiet tone, H.264 + AAC, as a phone would hand it over."""
    subprocess.run(  # noqa: S603 - fixed arguments, our own ffmpeg
        [
            ffmpeg_exe(),
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            video.source,
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency={video.tone_hz}:beep_factor=2:duration={video.seconds}",
            "-vf",
            "format=yuv420p",
            "-af",
            "volume=0.15",
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-crf",
            "23",
            "-c:a",
            "aac",
            "-t",
            str(video.seconds),
            "-movflags",
            "+faststart",
            str(path),
        ],
        check=True,
        timeout=300,
    )


def webvtt(video: DemoVideo) -> bytes:
    def stamp(seconds: float) -> str:
        return f"00:{int(seconds) // 60:02d}:{seconds % 60:06.3f}"

    cues = [f"{stamp(a)} --> {stamp(b)}\n{text}" for a, b, text in video.captions]
    return ("WEBVTT\n\n" + "\n\n".join(cues) + "\n").encode()


async def seed_videos(
    settings: Settings,
    sessionmaker: async_sessionmaker[AsyncSession],
    store: FileStore,
    cache: Cache,
) -> int:
    """Give every demo video lesson without a ready video one; returns how many were made. A
    demo school seeded before a lesson became a video lesson keeps it as it was."""
    wanted = {
        (course.slug, lesson.title): lesson.video
        for course in COURSES
        for section in course.sections
        for lesson in section.lessons
        if lesson.video is not None
    }
    made = 0
    async with sessionmaker() as session:
        rows = await session.execute(
            select(Lesson, Course)
            .join(Course, Course.id == Lesson.course_id)
            .where(Course.slug.in_({slug for slug, _ in wanted}), Lesson.kind == LessonKind.video)
        )
        todo = [
            (lesson.id, course.owner_id, wanted[(course.slug, lesson.title)])
            for lesson, course in rows.all()
            if (course.slug, lesson.title) in wanted
        ]
    for lesson_id, owner_id, demo in todo:
        async with sessionmaker() as session:
            ready = await session.scalar(
                select(VideoAsset.id).where(
                    VideoAsset.lesson_id == lesson_id, VideoAsset.status == VideoStatus.ready
                )
            )
        if ready is None:
            await _make_video(settings, sessionmaker, store, cache, lesson_id, owner_id, demo)
            made += 1
    return made


async def _make_video(
    settings: Settings,
    sessionmaker: async_sessionmaker[AsyncSession],
    store: FileStore,
    cache: Cache,
    lesson_id: uuid.UUID,
    owner_id: uuid.UUID,
    demo: DemoVideo,
) -> None:
    video = VideoAsset(id=uuid.uuid4(), lesson_id=lesson_id, filename="lesson.mp4", size_bytes=0)
    with tempfile.TemporaryDirectory(prefix="lectern-demo-") as folder:
        source = Path(folder) / "lesson.mp4"
        await anyio.to_thread.run_sync(draw, demo, source)
        await store.put_file(video.source_key, source, content_type="video/mp4")
        video.size_bytes = video.received_bytes = source.stat().st_size
    video.status = VideoStatus.queued
    video.uploaded_by_id = owner_id
    video.parts = []
    async with sessionmaker() as session:
        session.add(video)
        await session.commit()
    await Transcode(settings, sessionmaker, store, cache).run(video.id)
    async with sessionmaker() as session:
        has_captions = await session.scalar(
            select(LessonCaption.id).where(LessonCaption.lesson_id == lesson_id)
        )
        owner = await UserRepository(session).with_roles(owner_id)
        if has_captions is None and owner is not None:
            ctx = CatalogContext(
                session=session, settings=settings, cache=cache, jobs=JobBuffer(), store=store
            )
            await caption_service.upload(
                ctx, owner, lesson_id, raw=webvtt(demo), language="en", label=None, is_default=True
            )
            await session.commit()
