"""The heartbeat hot path: check, clamp, buffer. No database write here (see flusher.py).

Thousands of viewers send one every ~15 s. The access answer for a (viewer, lesson) is
cached (for half to all of LECTERN_HEARTBEAT_ACCESS_CACHE_SECONDS, five minutes), so a
steady viewer's heartbeat reads no SQL: fast_path.py answers it with one Redis command, and
this module's endpoint path takes the others (the first, and one after each cache expiry).
"""

from __future__ import annotations

import json
import random
import time
import uuid
from dataclasses import dataclass

from lectern.auth.service import Viewer
from lectern.errors import Conflict, Forbidden, NotFound
from lectern.kit.cache import Cache
from lectern.learning.entitlements import lesson_access, lessons_for_access
from lectern.media.videos import ready_video
from lectern.models import LessonKind
from lectern.progress import intervals
from lectern.progress.buffer import HeartbeatRecord
from lectern.progress.context import ProgressContext
from lectern.progress.schemas import Heartbeat


@dataclass(frozen=True, slots=True)
class Watchable:
    """What the heartbeat path needs to know about a lesson the viewer may open."""

    course_id: uuid.UUID
    kind: LessonKind
    duration: float | None  # the ready video's length; None without a ready video
    expires_at: float  # until when (epoch seconds) the access answer may be used

    def dump(self) -> bytes:
        data = {"c": self.course_id.hex, "k": self.kind, "d": self.duration, "x": self.expires_at}
        return json.dumps(data).encode()

    @classmethod
    def load(cls, raw: bytes) -> Watchable:
        data = json.loads(raw)
        return cls(uuid.UUID(data["c"]), LessonKind(data["k"]), data["d"], data.get("x", 0.0))


def _access_key(user_id: uuid.UUID, lesson_id: uuid.UUID) -> str:
    return f"progress:access:{user_id.hex}:{lesson_id.hex}"


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
        await ctx.cache.set(_access_key(viewer.id, lesson_id), found.dump(), max(1, round(keep)))
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


async def cached_watchable(
    cache: Cache, user_id: uuid.UUID, lesson_id: uuid.UUID
) -> Watchable | None:
    """The lesson as a recent heartbeat of this viewer found it, if the cache still has it."""
    cached = await cache.get(_access_key(user_id, lesson_id))
    return Watchable.load(cached) if cached is not None else None


async def receive_heartbeat(
    ctx: ProgressContext, viewer: Viewer, lesson_id: uuid.UUID, beat: Heartbeat
) -> None:
    """Accept a heartbeat: the viewer may watch the lesson, its video is ready; values past
    the end of the video are cut to it. What it adds to the watched time is decided when it
    is written, against the server time of the viewer's previous heartbeat."""
    target = await _watchable(ctx, viewer, lesson_id)
    record = heartbeat_record(viewer.id, lesson_id, target, beat, ctx.heartbeats.clock())
    await ctx.heartbeats.push(record)
