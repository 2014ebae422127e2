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

from lectern.auth.service import Viewer
from lectern.errors import Conflict, Forbidden, NotFound
from lectern.learning.entitlements import lesson_access, lessons_for_access
from lectern.media.videos import ready_video
from lectern.models import LessonKind
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
    rows = await lessons_for_access(ctx.session, [lesson_id])
    if not rows:
        raise NotFound("No such lesson.")
    lesson, course = rows[0]
    if await lesson_access(ctx.session, await viewer.user(), course, lesson) is None:
        raise Forbidden("This lesson is for enrolled students.", code="lesson_locked")
    video = await ready_video(ctx.session, lesson.id) if lesson.kind == LessonKind.video else None
    # Between half the TTL and all of it: viewers who started together (a live class) ask
    # again spread over minutes, not all in the same second.
    keep = ttl * random.uniform(0.5, 1.0)  # noqa: S311 - spreading load, not a secret
    duration = video.duration_seconds if video else None
    found = Watchable(course.id, lesson.kind, duration, time.time() + keep)
    if ttl:
        await remember_access(ctx.cache, viewer.id, lesson_id, found)
    return found


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
