"""A steady viewer's heartbeats are answered in front of FastAPI (progress/fast_path.py):
the same answer, the same headers and the same credit as the full path, and none of its
rules lost: signing out, a foreign origin, a malformed body and a store that fails."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from lectern.auth import service as auth_service_module
from lectern.kit.cache import MemoryCache
from lectern.models import Enrollment, UserSession
from lectern.models.base import utcnow
from lectern.progress import fast_path, heartbeats
from lectern.progress.access_cache import Watchable, access_key, cached_watchable, remember_access
from lectern.progress.buffer import HeartbeatBuffer, MemoryHeartbeatBuffer
from tests.fixtures.statements import statements
from tests.progress.conftest import Clock, LearningCourse, flush

SAME_EVERY_TIME = (
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "x-frame-options",
    "cross-origin-opener-policy",
)


async def _pushes(buffer: HeartbeatBuffer) -> int:
    return await buffer.waiting()


@pytest.mark.sqlite
async def test_a_steady_heartbeat_gets_the_full_paths_answer_and_credit(
    app_instance: FastAPI, course: LearningCourse, clock: Clock
) -> None:
    video = course.videos[0]
    first = await course.beat(video, 0)  # the full path: reads the session and access
    assert first.status_code == 204, first.text
    clock.advance(15)
    steady = await course.viewer.post(
        f"/api/lessons/{video}/heartbeat",
        json={"position_seconds": 15, "played": [[0, 15]], "seconds": 15},
        headers={"X-Request-ID": "beat-42"},
    )
    assert steady.status_code == 204, steady.text
    assert steady.content == b""
    assert steady.headers["x-request-id"] == "beat-42"
    for name in SAME_EVERY_TIME:
        assert steady.headers[name] == first.headers[name], name
    # A request id of our own when the caller's is not sane.
    clock.advance(15)
    odd = await course.viewer.post(
        f"/api/lessons/{video}/heartbeat",
        json={"position_seconds": 30, "played": [[0, 30]], "seconds": 15},
        headers={"X-Request-ID": "not sane!"},
    )
    assert odd.status_code == 204
    assert odd.headers["x-request-id"] != "not sane!"
    assert len(odd.headers["x-request-id"]) == 32

    await flush(app_instance)
    lesson = await course.lesson(video)
    assert (lesson["position_seconds"], lesson["watched_percent"]) == (30, 30)


@pytest.mark.sqlite
async def test_signing_out_stops_the_next_heartbeat(course: LearningCourse, clock: Clock) -> None:
    video = course.videos[0]
    for second in (0, 15, 30):  # the process now knows the session well
        assert (await course.beat(video, second, [[0, second]])).status_code == 204
        clock.advance(15)
    cookie = course.viewer.cookies["lectern_session"]
    assert (await course.viewer.post("/api/auth/sign-out")).status_code == 204

    course.viewer.cookies.set("lectern_session", cookie)  # a copy of the old cookie
    response = await course.beat(video, 45, [[0, 45]], seconds=15)
    assert response.status_code == 401, response.text
    assert response.json()["code"] == "unauthenticated"


@pytest.mark.sqlite
async def test_the_csrf_and_body_rules_hold_for_a_steady_viewer(
    app_instance: FastAPI, course: LearningCourse, clock: Clock
) -> None:
    video = course.videos[0]
    assert (await course.beat(video, 0)).status_code == 204
    clock.advance(15)
    before = await _pushes(app_instance.state.heartbeats)

    foreign = await course.viewer.post(
        f"/api/lessons/{video}/heartbeat",
        json={"position_seconds": 15, "played": [[0, 15]], "seconds": 15},
        headers={"Origin": "https://evil.example"},
    )
    assert foreign.status_code == 403
    assert foreign.json()["code"] == "csrf_failed"

    bad = await course.viewer.post(
        f"/api/lessons/{video}/heartbeat",
        json={"position_seconds": -1, "played": [[0, 15]], "seconds": 15},
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_request"

    not_json = await course.viewer.post(
        f"/api/lessons/{video}/heartbeat",
        content=b"position_seconds=15",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert not_json.status_code == 422

    # The article is not a video: the full path's 409, not a silent 204.
    article = await course.beat(course.article, 15, [[0, 15]], seconds=15)
    assert article.status_code == 409
    assert article.json()["code"] == "not_a_video"

    assert await _pushes(app_instance.state.heartbeats) == before


async def test_a_failing_store_on_the_fast_path_leaves_the_beat_to_the_full_path(
    app_instance: FastAPI, course: LearningCourse, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    video = course.videos[0]
    assert (await course.beat(video, 0)).status_code == 204
    clock.advance(15)
    assert (await course.beat(video, 15, [[0, 15]], seconds=15)).status_code == 204
    clock.advance(15)

    async def broken(*args: object, **kwargs: object) -> bool:
        raise ConnectionError("Redis went away for a moment")

    monkeypatch.setattr(app_instance.state.heartbeats, "push_while_cached", broken)
    response = await course.beat(video, 30, [[0, 30]], seconds=15)
    assert response.status_code == 204, response.text

    await flush(app_instance)
    lesson = await course.lesson(video)
    assert (lesson["position_seconds"], lesson["watched_percent"]) == (30, 30)


async def test_a_session_due_its_last_seen_write_gets_it_queued_with_the_heartbeat(
    app_instance: FastAPI,
    db: AsyncSession,
    engine: AsyncEngine,
    course: LearningCourse,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    video = course.videos[0]
    for second in (0, 15):
        assert (await course.beat(video, second, [[0, second]])).status_code == 204
        clock.advance(15)
    later = utcnow() + timedelta(minutes=6)  # past the touch interval (5 minutes)
    monkeypatch.setattr(fast_path, "utcnow", lambda: later)

    with statements(engine) as seen:
        response = await course.beat(video, 30, [[0, 30]], seconds=15)
        clock.advance(15)
        again = await course.beat(video, 45, [[0, 45]], seconds=15)
    assert (response.status_code, again.status_code) == (204, 204), response.text
    # The request touches no database: the write waits with the heartbeat, once.
    assert [s for s in seen if not s.startswith(("SAVEPOINT", "RELEASE"))] == []

    report = await flush(app_instance)
    assert report.touches == 1
    last_seen = await db.scalar(
        select(UserSession.last_seen_at).where(UserSession.user_id == course.student.id)
    )
    assert last_seen == later
    # The full path reads the new time from the cache too: no second write is due.
    monkeypatch.setattr(auth_service_module, "utcnow", lambda: later)
    assert (await course.viewer.get("/api/me")).status_code == 200
    assert (await flush(app_instance)).touches == 0


async def test_a_session_ended_elsewhere_is_not_touched_back_to_life(
    app_instance: FastAPI,
    db: AsyncSession,
    course: LearningCourse,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    video = course.videos[0]
    for second in (0, 15):
        assert (await course.beat(video, second, [[0, second]])).status_code == 204
        clock.advance(15)
    # The row is gone (ended by another process) while a cached entry still says it is live.
    await db.execute(delete(UserSession).where(UserSession.user_id == course.student.id))
    later = utcnow() + timedelta(minutes=6)
    monkeypatch.setattr(fast_path, "utcnow", lambda: later)
    monkeypatch.setattr(auth_service_module, "utcnow", lambda: later)

    # The heartbeat that queues the touch is taken; the flusher finds no session to touch,
    # writes nothing back, and drops the cached entry, so the next heartbeat is refused.
    assert (await course.beat(video, 30, [[0, 30]], seconds=15)).status_code == 204
    assert (await flush(app_instance)).touches == 0
    assert (
        await db.scalar(select(UserSession.id).where(UserSession.user_id == course.student.id))
        is None
    )
    clock.advance(15)
    again = await course.beat(video, 45, [[0, 45]], seconds=15)
    assert again.status_code == 401, again.text


@pytest.mark.sqlite
async def test_without_redis_the_full_path_writes_a_due_last_seen(
    app_instance: FastAPI,
    db: AsyncSession,
    course: LearningCourse,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The embedded stores (what the SQLite run has anyway).
    state = app_instance.state
    shared = state.cache, state.heartbeats
    state.cache, state.heartbeats = MemoryCache(), MemoryHeartbeatBuffer(clock=clock)
    try:
        video = course.videos[0]
        for second in (0, 15):
            assert (await course.beat(video, second, [[0, second]])).status_code == 204
            clock.advance(15)
        later = utcnow() + timedelta(minutes=6)
        monkeypatch.setattr(fast_path, "utcnow", lambda: later)
        monkeypatch.setattr(auth_service_module, "utcnow", lambda: later)
        assert (await course.beat(video, 30, [[0, 30]], seconds=15)).status_code == 204
    finally:
        state.cache, state.heartbeats = shared
    last_seen = await db.scalar(
        select(UserSession.last_seen_at).where(UserSession.user_id == course.student.id)
    )
    assert last_seen == later


async def test_a_playback_grant_spares_the_heartbeats_their_access_check(
    engine: AsyncEngine, course: LearningCourse
) -> None:
    # The player asks for a new grant halfway through each one's life: a viewer who keeps
    # watching never has a heartbeat that checks access, not even the first.
    video = course.videos[0]
    assert (await course.viewer.post(f"/api/lessons/{video}/playback")).status_code == 200
    with statements(engine) as seen:
        response = await course.beat(video, 0)
    assert response.status_code == 204, response.text
    assert [s for s in seen if not s.startswith(("SAVEPOINT", "RELEASE"))] == []


async def _renewals(app: FastAPI) -> None:
    """Wait for the access renewals the fast path started in the background."""
    layer = app.middleware_stack
    assert isinstance(layer, fast_path.HeartbeatFastPath)
    await layer.settled()


async def _answer_expiring_in(app: FastAPI, user_id: uuid.UUID, video: str, seconds: float) -> None:
    """Make a viewer's cached access answer one that runs out in ``seconds``."""
    key = access_key(user_id, uuid.UUID(video))
    cached = await app.state.cache.get(key)
    assert cached is not None
    found = Watchable.load(cached)
    short = Watchable(found.course_id, found.kind, found.duration, time.time() + seconds)
    await remember_access(app.state.cache, user_id, uuid.UUID(video), short)


@pytest.mark.sqlite
async def test_an_access_answer_about_to_expire_is_renewed_behind_the_heartbeat(
    app_instance: FastAPI,
    engine: AsyncEngine,
    course: LearningCourse,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    video = course.videos[0]
    assert (await course.beat(video, 0)).status_code == 204  # the full path caches access
    await _answer_expiring_in(app_instance, course.student.id, video, 20)  # the last minute
    clock.advance(15)
    # The renewal waits until the heartbeat has its answer.
    answered = asyncio.Event()
    renew = heartbeats.renew_watchables

    async def after_the_answer(*args: Any) -> dict[Any, Watchable]:
        await answered.wait()
        return await renew(*args)

    monkeypatch.setattr(fast_path, "renew_watchables", after_the_answer)

    with statements(engine) as seen:
        response = await course.beat(video, 15, [[0, 15]], seconds=15)
        asked = [s for s in seen if not s.startswith(("SAVEPOINT", "RELEASE"))]
    assert response.status_code == 204
    assert asked == []  # the heartbeat did not wait for the database
    answered.set()
    await _renewals(app_instance)
    renewed = await cached_watchable(app_instance.state.cache, course.student.id, uuid.UUID(video))
    assert renewed is not None
    # Half to all of the five minutes again (less the time this test took).
    assert renewed.expires_at - time.time() > 140


async def test_access_lost_meanwhile_ends_at_the_renewal(
    app_instance: FastAPI, db: AsyncSession, course: LearningCourse, clock: Clock
) -> None:
    video = course.videos[0]
    teacher_id = uuid.UUID((await course.teacher.get("/api/me")).json()["id"])
    for viewer in (course.viewer, course.teacher):
        assert (await course.beat(video, 0, client=viewer)).status_code == 204
    await db.execute(delete(Enrollment).where(Enrollment.user_id == course.student.id))
    for user_id in (course.student.id, teacher_id):
        await _answer_expiring_in(app_instance, user_id, video, 20)
    clock.advance(15)

    # The answers in hand still hold for these heartbeats; the renewal of both (one batch)
    # finds the student no longer enrolled, and the teacher still the course's...
    for viewer in (course.viewer, course.teacher):
        assert (await course.beat(video, 15, [[0, 15]], 15, client=viewer)).status_code == 204
    await _renewals(app_instance)
    cache = app_instance.state.cache
    assert await cached_watchable(cache, course.student.id, uuid.UUID(video)) is None
    kept = await cached_watchable(cache, teacher_id, uuid.UUID(video))
    assert kept is not None
    assert kept.expires_at - time.time() > 140
    # ...so the student's next heartbeat goes to the full path, which says why.
    clock.advance(15)
    refused = await course.beat(video, 30, [[0, 30]], seconds=15)
    assert refused.status_code == 403
    assert refused.json()["code"] == "lesson_locked"
    assert (await course.beat(video, 30, [[0, 30]], 15, client=course.teacher)).status_code == 204


async def test_a_failed_renewal_leaves_the_answer_in_hand(
    app_instance: FastAPI,
    course: LearningCourse,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    video = course.videos[0]
    assert (await course.beat(video, 0)).status_code == 204
    await _answer_expiring_in(app_instance, course.student.id, video, 20)
    clock.advance(15)

    async def database_away(*args: Any) -> dict[Any, Watchable]:
        raise ConnectionRefusedError("the database is away")

    monkeypatch.setattr(fast_path, "renew_watchables", database_away)
    monkeypatch.setattr(fast_path, "RENEWAL_RETRY_SECONDS", 0.0)
    assert (await course.beat(video, 15, [[0, 15]], seconds=15)).status_code == 204
    await _renewals(app_instance)
    assert "renewing viewers' access failed" in caplog.text
    # The answer still holds until it runs out, and the heartbeats go on being taken.
    kept = await cached_watchable(app_instance.state.cache, course.student.id, uuid.UUID(video))
    assert kept is not None
    clock.advance(15)
    assert (await course.beat(video, 30, [[0, 30]], seconds=15)).status_code == 204
    await _renewals(app_instance)
