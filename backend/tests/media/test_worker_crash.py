"""A real Celery worker killed in the middle of a transcode: the job runs again on another
worker, the lesson turns ready once, and no half stream or scratch file is left behind.

Runs on the embedded default (SQLite database and broker in a folder of its own) with real
worker processes, so the kill is a real SIGKILL.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from celery import Celery
from sqlalchemy.ext.asyncio import AsyncEngine

from lectern.kit.db import create_engine, create_sessionmaker
from lectern.kit.storage import LocalFileStore
from lectern.models import Course, Lesson, LessonKind, Role, Section, VideoAsset, VideoStatus
from lectern.seed import ensure_account
from tests.fixtures.media import make_video

BIN = Path(sys.executable).parent


@pytest.fixture
def embedded(tmp_path: Path) -> dict[str, str]:
    """The environment of a separate embedded installation."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"LECTERN_DATABASE_URL", "LECTERN_REDIS_URL", "LECTERN_BROKER_URL"}
    }
    env.update(
        LECTERN_VAR_DIR=str(tmp_path / "var"),
        LECTERN_JOBS_RUN_INLINE="false",
        LECTERN_TRANSCODE_STALL_AFTER="PT3S",
        LECTERN_LOG_JSON="false",
    )
    done = subprocess.run([BIN / "lectern", "migrate"], env=env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return env


def _start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [BIN / "lectern", "worker", "--concurrency", "1"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        match = re.search(r"^PPid:\s+(\d+)", text, re.MULTILINE)
        if match and int(match.group(1)) == pid:
            found.append(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in state


def _all_gone(pids: list[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while any(_alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


async def _video(engine: AsyncEngine, video_id: uuid.UUID) -> VideoAsset:
    async with create_sessionmaker(engine)() as session:
        video = await session.get(VideoAsset, video_id)
        assert video is not None
        return video


async def _wait(
    engine: AsyncEngine, video_id: uuid.UUID, done: object, within: float
) -> VideoAsset:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        video = await _video(engine, video_id)
        if callable(done) and done(video):
            return video
        await asyncio.sleep(0.3)
    raise AssertionError(f"video still {video.status} at {video.progress:.0f}% after {within} s")


async def test_a_killed_worker_s_transcode_is_finished_by_another(
    embedded: dict[str, str], tmp_path: Path
) -> None:
    var = Path(embedded["LECTERN_VAR_DIR"])
    engine = create_engine(f"sqlite+aiosqlite:///{var / 'lectern.sqlite3'}")
    store = LocalFileStore(var / "files")
    video_id = uuid.uuid4()
    source = make_video(tmp_path / "long.mp4", seconds=40, width=1280, height=720)
    async with create_sessionmaker(engine)() as session:
        teacher, _ = await ensure_account(
            session,
            email="teacher@example.com",
            password="quiet-meadow-copper-71",
            display_name="Teacher",
            roles=(Role.instructor,),
        )
        course = Course(title="Crash course", slug="crash-course", owner_id=teacher.id)
        session.add(course)
        await session.flush()
        section = Section(course_id=course.id, title="One")
        session.add(section)
        await session.flush()
        lesson = Lesson(
            course_id=course.id, section_id=section.id, title="Long", kind=LessonKind.video
        )
        session.add(lesson)
        await session.flush()
        video = VideoAsset(
            id=video_id,
            lesson_id=lesson.id,
            filename="long.mp4",
            size_bytes=source.stat().st_size,
            received_bytes=source.stat().st_size,
            parts=[],
            status=VideoStatus.queued,
        )
        await store.put_file(video.source_key, source)
        session.add(video)
        await session.commit()

    broker = Celery(broker=f"sqla+sqlite:///{var / 'queue.sqlite3'}")
    first = _start_worker(embedded, tmp_path / "worker-1.log")
    second: subprocess.Popen[bytes] | None = None
    try:
        broker.send_task("media.transcode", kwargs={"video_id": str(video_id)})
        running = await _wait(
            engine,
            video_id,
            lambda v: v.status == VideoStatus.processing and v.progress >= 15,
            within=120,
        )
        assert running.attempts == 1
        ffmpeg = _children(first.pid)
        assert ffmpeg, "the transcode runs ffmpeg as a child of the worker"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        # ffmpeg dies with its worker rather than burning the CPU for nobody.
        assert await asyncio.to_thread(_all_gone, ffmpeg, 10)
        stuck = await _video(engine, video_id)
        assert stuck.status == VideoStatus.processing

        # Another worker starts; once the dead one's heartbeat is older than the stall limit,
        # the sweep (beat runs it every minute) hands the video to it.
        second = _start_worker(embedded, tmp_path / "worker-2.log")
        await asyncio.sleep(4)
        broker.send_task("media.requeue_stalled")
        ready = await _wait(engine, video_id, lambda v: v.status == VideoStatus.ready, within=180)
        assert ready.attempts == 2
        assert ready.progress == 100
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=30)
        await engine.dispose()

    # Exactly the files of one stream: every one referenced, nothing else.
    prefix = f"videos/{video_id}/hls/"
    stored = {key.removeprefix(prefix) for key in await store.list_prefix(prefix)}
    master = (var / "files" / prefix / "master.m3u8").read_text()
    expected = {"master.m3u8", "poster.jpg", "thumbnails.vtt"}
    for playlist in (line for line in master.splitlines() if line.endswith(".m3u8")):
        folder = playlist.rsplit("/", 1)[0]
        media = (var / "files" / prefix / playlist).read_text()
        expected.add(playlist)
        expected.update(f"{folder}/{uri}" for uri in re.findall(r'URI="([^"]+)"', media))
        expected.update(
            f"{folder}/{line}" for line in media.splitlines() if line and line[0] != "#"
        )
    thumbnails = (var / "files" / prefix / "thumbnails.vtt").read_text()
    expected.update(re.findall(r"^(sprite_\d+\.jpg)#", thumbnails, re.MULTILINE))
    assert stored == expected
    assert not (var / "tmp" / "transcode" / str(video_id)).exists()
    # The original is kept for a later replacement or retry.
    assert await store.size(f"videos/{video_id}/source") == source.stat().st_size
