"""The heartbeat hot path: check, clamp, buffer. No database write here (see flusher.py).

Thousands of viewers send one every ~15 s. The access answer for a (viewer, lesson) is
cached (for half to all of LECTERN_HEARTBEAT_ACCESS_CACHE_SECONDS, five minutes), so a
steady viewer's heartbeat reads no SQL: fast_path.py answers it with one Redis command, and
this module's endpoint path takes the others (the first, and one after each cache expiry).
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.auth.service import Viewer
from lectern.errors import Conflict, Forbidden, NotFound
from lectern.learning.entitlements import (
    lesson_access,
    lessons_for_access,
    lessons_open_to_each,
)
from lectern.media.videos import ready_durations
from lectern.models import Course, Lesson, LessonKind, User
from lectern.progress import intervals
from lectern.progress.access_cache import Watchable, cached_watchable, remember_access
from lectern.progress.buffer import HeartbeatRecord
from lectern.progress.context import ProgressContext
from lectern.progress.schemas import Heartbeat


async def _watchable(ctx: ProgressContext, viewer: Viewer, lesson_id: uuid.UUID) -> Watchable:
    """The lesson as the heartbeat path sees it, from the cache when asked recently (then
    the viewer's account is not even read). Only a granted access is cached: a student who
    just enrolled must not wait for a denial to expire."""
    ttl = ctx.settings.heartbeat_access_cache_seconds
    cached = await cached_watchable(ctx.cache, viewer.id, lesson_id) if ttl else None
    if cached is not None:
        return cached
    found = await decide_watchable(ctx.session, viewer.user, lesson_id, ttl)
    if ttl:
        await remember_access(ctx.cache, viewer.id, lesson_id, found)
    return found


async def decide_watchable(
    session: AsyncSession,
    user: Callable[[], Awaitable[User]],
    lesson_id: uuid.UUID,
    ttl: float,
) -> Watchable:
    """Whether the viewer may open the lesson (the entitlement rule, decided now), as the
    heartbeat path keeps it: to be used for half to all of ``ttl`` seconds, so viewers who
    started together (a live class) ask again spread over minutes, not all in the same
    second. NotFound or Forbidden (``lesson_locked``) if they may not."""
    rows = await lessons_for_access(session, [lesson_id])
    if not rows:
        raise NotFound("No such lesson.")
    lesson, course = rows[0]
    if await lesson_access(session, await user(), course, lesson) is None:
        raise Forbidden("This lesson is for enrolled students.", code="lesson_locked")
    durations = await ready_durations(session, [lesson.id])
    return _answer(course, lesson, durations, ttl)


async def renew_watchables(
    session: AsyncSession, pairs: Iterable[tuple[uuid.UUID, uuid.UUID]], ttl: float
) -> dict[tuple[uuid.UUID, uuid.UUID], Watchable]:
    """``decide_watchable`` for many (viewer id, lesson id) pairs in one go (six queries for
    any number): the answer of each pair whose viewer may still open the lesson."""
    opened = await lessons_open_to_each(session, pairs)
    durations = await ready_durations(session, {lesson.id for lesson, _ in opened.values()})
    return {
        pair: _answer(course, lesson, durations, ttl) for pair, (lesson, course) in opened.items()
    }


def _answer(
    course: Course, lesson: Lesson, durations: dict[uuid.UUID, float | None], ttl: float
) -> Watchable:
    """The access answer for a lesson the viewer may open, kept a random half to all of
    ``ttl``; ``durations``: the ready videos' lengths by lesson."""
    keep = ttl * random.uniform(0.5, 1.0)  # noqa: S311 - spreading load, not a secret
    duration = durations.get(lesson.id) if lesson.kind == LessonKind.video else None
    return Watchable(course.id, lesson.kind, duration, time.time() + keep)


def heartbeat_record(
    viewer_id: uuid.UUID, lesson_id: uuid.UUID, target: Watchable, beat: Heartbeat, now: float
) -> HeartbeatRecord:
    """The heartbeat as the buffer keeps it, cut to the video's end. Conflict (409) unless
    the lesson is a video lesson with a ready video."""
    if target.kind != LessonKind.video:
        raise Conflict("Only video lessons take heartbeats.", code="not_a_video")
    if target.duration is None:
        raise Conflict("This lesson's video is not ready yet.", code="video_not_ready")
    duration = target.duration
    return HeartbeatRecord(
        user_id=viewer_id,
        lesson_id=lesson_id,
        course_id=target.course_id,
        position=round(min(beat.position_seconds, duration), 1),
        played=intervals.clamp([(round(s, 3), round(e, 3)) for s, e in beat.played], duration),
        seconds=beat.seconds,
        duration=duration,
        received_at=now,
    )


async def receive_heartbeat(
    ctx: ProgressContext, viewer: Viewer, lesson_id: uuid.UUID, beat: Heartbeat
) -> None:
    """Accept a heartbeat: the viewer may watch the lesson, its video is ready; values past
    the end of the video are cut to it. What it adds to the watched time is decided when it
    is written, against the server time of the viewer's previous heartbeat."""
    target = await _watchable(ctx, viewer, lesson_id)
    record = heartbeat_record(viewer.id, lesson_id, target, beat, ctx.heartbeats.clock())
    await ctx.heartbeats.push(record)
