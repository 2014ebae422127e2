"""Nothing watched is lost when the API stops: Redis keeps buffered heartbeats across a
crash and a batch is written exactly once; the in-process buffer is written on shutdown."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.app import create_app
from lectern.config import Settings
from lectern.kit.queue import JobBuffer
from lectern.models import HeartbeatBatch, LessonProgress, WatchDay
from lectern.models.base import utcnow
from lectern.progress.buffer import HeartbeatRecord, MemoryHeartbeatBuffer, RedisHeartbeatBuffer
from lectern.progress.flusher import (
    FlushReport,
    flush_heartbeats,
    prune_written_batches,
    write_batch,
)
from lectern.progress.tasks import flush_shared_buffer
from tests.conftest import BACKEND, PUBLIC_URL, REDIS_URL
from tests.fixtures.accounts import sign_in
from tests.progress.conftest import Clock, LearningCourse, flush

postgres_only = pytest.mark.skipif(BACKEND == "sqlite", reason="needs Redis")


async def _row(db: AsyncSession, course: LearningCourse, lesson_id: str) -> LessonProgress | None:
    return await db.scalar(
        select(LessonProgress)
        .where(
            LessonProgress.user_id == course.student.id,
            LessonProgress.lesson_id == uuid.UUID(lesson_id),
        )
        .execution_options(populate_existing=True)
    )


async def _watched_today(db: AsyncSession, course: LearningCourse) -> float:
    total = await db.scalar(
        select(func.coalesce(func.sum(WatchDay.seconds), 0.0)).where(
            WatchDay.user_id == course.student.id
        )
    )
    return float(total or 0.0)


@postgres_only
async def test_a_crashed_flusher_leaves_nothing_lost_and_nothing_counted_twice(
    app_instance: FastAPI,
    db: AsyncSession,
    settings: Settings,
    course: LearningCourse,
    clock: Clock,
) -> None:
    buffer = app_instance.state.heartbeats
    assert isinstance(buffer, RedisHeartbeatBuffer)
    video = course.videos[0]
    # The player sends four heartbeats, 5 s apart, 5 s of watching each. A flusher takes the
    # first two and dies before writing them...
    await course.beat(video, 5, [[0, 5]], seconds=5)
    clock.advance(5)
    await course.beat(video, 10, [[0, 10]], seconds=5)
    lost = await buffer.take(100)
    assert lost is not None
    assert len(lost.records) == 2
    clock.advance(5)
    await course.beat(video, 15, [[0, 15]], seconds=5)
    clock.advance(5)
    await course.beat(video, 20, [[0, 20]], seconds=5)
    # ...another takes the last two, commits them, and dies before acknowledging.
    written = await buffer.take(100)
    assert written is not None
    assert len(written.records) == 2
    async with app_instance.state.sessionmaker() as session:
        assert await write_batch(session, written, FlushReport(), JobBuffer())
        await session.commit()
    assert await buffer.waiting() == 0

    # The API restarts: a new buffer over the same Redis keys; 30 s later its flusher finds
    # both batches pending and writes each once.
    prefix = buffer._queue.removesuffix("heartbeats:queue")
    restarted = RedisHeartbeatBuffer(REDIS_URL, prefix, clock=clock)
    try:
        report = await flush_heartbeats(restarted, app_instance.state.sessionmaker)
        assert (report.recovered, report.batches, report.replayed) == (0, 0, 0)  # too soon
        clock.advance(31)
        report = await flush_heartbeats(restarted, app_instance.state.sessionmaker)
        assert (report.recovered, report.batches, report.replayed) == (2, 1, 1)
        again = await flush_heartbeats(restarted, app_instance.state.sessionmaker)
        assert (again.recovered, again.batches, again.replayed) == (0, 0, 0)
    finally:
        await restarted.close()

    row = await _row(db, course, video)
    assert row is not None
    assert row.watched == [[0, 20]]
    assert row.position_seconds == 20  # the late batch does not move the resume point back
    assert await _watched_today(db, course) == 20  # 4 x 5 s, not 30
    ids = set(await db.scalars(select(HeartbeatBatch.id)))
    assert {lost.id, written.id} <= ids


@pytest.mark.sqlite
async def test_the_embedded_buffer_is_written_when_the_api_stops(
    app_instance: FastAPI,
    db: AsyncSession,
    settings: Settings,
    course: LearningCourse,
) -> None:
    # A second API process with the in-process buffer, over this test's transaction.
    api = create_app(
        settings.model_copy(update={"heartbeat_flush_seconds": 0}), configure_logs=False
    )
    await api.state.heartbeats.close()
    api.state.heartbeats = MemoryHeartbeatBuffer()
    api.state.sessionmaker = app_instance.state.sessionmaker
    video = course.videos[0]
    async with api.router.lifespan_context(api):
        transport = httpx.ASGITransport(app=api)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://testserver", headers={"Origin": PUBLIC_URL}
        ) as viewer:
            await sign_in(viewer, course.student.email)
            response = await course.beat(video, 8, [[0, 8]], seconds=8, client=viewer)
            assert response.status_code == 204
        assert await _row(db, course, video) is None  # still buffered
    row = await _row(db, course, video)
    assert row is not None
    assert (row.position_seconds, row.watched) == (8, [[0, 8]])
    assert await _watched_today(db, course) == 8


async def test_the_background_flusher_writes_every_interval(
    app_instance: FastAPI, db: AsyncSession, settings: Settings, course: LearningCourse
) -> None:
    api = create_app(
        settings.model_copy(update={"heartbeat_flush_seconds": 0.02}), configure_logs=False
    )
    await api.state.heartbeats.close()
    buffer = MemoryHeartbeatBuffer()
    api.state.heartbeats = buffer
    api.state.sessionmaker = app_instance.state.sessionmaker
    video = uuid.UUID(course.videos[1])
    await buffer.push(
        HeartbeatRecord(
            user_id=course.student.id,
            lesson_id=video,
            course_id=uuid.UUID(course.id),
            position=7.0,
            played=[[0.0, 7.0]],
            seconds=7.0,
            duration=100.0,
            received_at=buffer.clock(),
        )
    )
    async with api.router.lifespan_context(api):
        # Nothing else touches the database meanwhile: the test's connection is shared.
        for _ in range(250):
            if not await buffer.waiting() and not buffer._pending:
                break
            await asyncio.sleep(0.02)
        # Written and acknowledged by the loop; an empty buffer makes it touch nothing, so
        # reading on the shared test connection is safe now.
        row = await _row(db, course, str(video))
        assert row is not None
        assert row.position_seconds == 7


async def test_written_batch_ids_are_kept_for_a_day(
    app_instance: FastAPI, db: AsyncSession
) -> None:
    old, recent = uuid.uuid4().hex, uuid.uuid4().hex
    db.add(HeartbeatBatch(id=old, written_at=utcnow() - timedelta(days=1, minutes=1)))
    db.add(HeartbeatBatch(id=recent, written_at=utcnow() - timedelta(hours=23)))
    await db.commit()
    await prune_written_batches(app_instance.state.sessionmaker)
    left = set(
        await db.scalars(select(HeartbeatBatch.id).where(HeartbeatBatch.id.in_([old, recent])))
    )
    assert left == {recent}


async def test_heartbeats_for_a_lesson_deleted_meanwhile_are_dropped(
    app_instance: FastAPI, db: AsyncSession, course: LearningCourse, clock: Clock
) -> None:
    gone, kept = course.videos
    await course.beat(gone, 5, [[0, 5]], seconds=5)
    await course.beat(kept, 5, [[0, 5]], seconds=5)
    response = await course.teacher.delete(f"/api/studio/lessons/{gone}")
    assert response.status_code == 200, response.text
    report = await flush(app_instance)  # asserts nothing failed
    assert report.batches == 1
    assert await _row(db, course, gone) is None
    row = await _row(db, course, kept)
    assert row is not None
    assert row.watched == [[0, 5]]


@postgres_only
async def test_with_redis_the_worker_writes_heartbeats_not_the_api(
    app_instance: FastAPI,
    db: AsyncSession,
    settings: Settings,
    course: LearningCourse,
) -> None:
    # The API process answering players leaves the shared buffer alone, even when it stops...
    api = create_app(
        settings.model_copy(update={"heartbeat_flush_seconds": 0.02}), configure_logs=False
    )
    shared = app_instance.state.heartbeats
    assert isinstance(shared, RedisHeartbeatBuffer)
    prefix = shared._queue.removesuffix("heartbeats:queue")
    await api.state.heartbeats.close()
    api.state.heartbeats = RedisHeartbeatBuffer(REDIS_URL, prefix)
    api.state.sessionmaker = app_instance.state.sessionmaker
    video = course.videos[0]
    async with api.router.lifespan_context(api):
        transport = httpx.ASGITransport(app=api)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://testserver", headers={"Origin": PUBLIC_URL}
        ) as viewer:
            await sign_in(viewer, course.student.email)
            response = await course.beat(video, 9, [[0, 9]], seconds=9, client=viewer)
            assert response.status_code == 204
        await asyncio.sleep(0.1)  # five of its flush intervals
    assert await shared.waiting() == 1
    assert await _row(db, course, video) is None

    # ...and the worker's scheduled job writes it.
    report = await flush_shared_buffer(
        settings.model_copy(update={"redis_key_prefix": prefix}), app_instance.state.sessionmaker
    )
    assert (report.batches, report.records) == (1, 1)
    row = await _row(db, course, video)
    assert row is not None
    assert (row.position_seconds, row.watched) == (9, [[0, 9]])
