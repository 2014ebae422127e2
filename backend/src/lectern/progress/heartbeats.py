"""The heartbeat hot path: check, clamp, buffer. No database write here (see flusher.py).

Thousands of viewers send one every ~15 s. The access answer for a (viewer, lesson) is
cached (LECTERN_HEARTBEAT_ACCESS_CACHE_SECONDS, five minutes), so a steady viewer costs a
session and an access cache read and one buffer push, and no SQL.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from lectern.auth.service import Viewer
from lectern.errors import Conflict, Forbidden, NotFound
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

    def dump(self) -> bytes:
        return json.dumps({"c": self.course_id.hex, "k": self.kind, "d": self.duration}).encode()

    @classmethod
    def load(cls, raw: bytes) -> Watchable:
        data = json.loads(raw)
        return cls(uuid.UUID(data["c"]), LessonKind(data["k"]), data["d"])


def _access_key(user_id: uuid.UUID, lesson_id: uuid.UUID) -> str:
    return f"progress:access:{user_id.hex}:{lesson_id.hex}"


async def _watchable(ctx: ProgressContext, viewer: Viewer, lesson_id: uuid.UUID) -> Watchable:
    """The lesson as the heartbeat path sees it, from the cache when asked recently (then
    the viewer's account is not even read). Only a granted access is cached: a student who
    just enrolled must not wait for a denial to expire."""
    key = _access_key(viewer.id, lesson_id)
    ttl = ctx.settings.heartbeat_access_cache_seconds
    cached = await ctx.cache.get(key) if ttl else None
    if cached is not None:
        return Watchable.load(cached)
    rows = await lessons_for_access(ctx.session, [lesson_id])
    if not rows:
        raise NotFound("No such lesson.")
    lesson, course = rows[0]
    if await lesson_access(ctx.session, await viewer.user(), course, lesson) is None:
        raise Forbidden("This lesson is for enrolled students.", code="lesson_locked")
    video = await ready_video(ctx.session, lesson.id) if lesson.kind == LessonKind.video else None
    found = Watchable(course.id, lesson.kind, video.duration_seconds if video else None)
    if ttl:
        await ctx.cache.set(key, found.dump(), ttl)
    return found


async def receive_heartbeat(
    ctx: ProgressContext, viewer: Viewer, lesson_id: uuid.UUID, beat: Heartbeat
) -> None:
    """Accept a heartbeat: the viewer may watch the lesson, its video is ready; values past
    the end of the video are cut to it. What it adds to the watched time is decided when it
    is written, against the server time of the viewer's previous heartbeat."""
    target = await _watchable(ctx, viewer, lesson_id)
    if target.kind != LessonKind.video:
        raise Conflict("Only video lessons take heartbeats.", code="not_a_video")
    if target.duration is None:
        raise Conflict("This lesson's video is not ready yet.", code="video_not_ready")
    duration = target.duration
    record = HeartbeatRecord(
        user_id=viewer.id,
        lesson_id=lesson_id,
        course_id=target.course_id,
        position=round(min(beat.position_seconds, duration), 1),
        played=intervals.clamp([(round(s, 3), round(e, 3)) for s, e in beat.played], duration),
        seconds=beat.seconds,
        duration=duration,
        received_at=ctx.heartbeats.clock(),
    )
    await ctx.heartbeats.push(record)
