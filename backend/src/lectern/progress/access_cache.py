"""The heartbeat path's cached access answers: per viewer and lesson, what the path needs to
know of a lesson the viewer may open. Decided in progress/heartbeats.py, renewed by playback
grants (media/videos.py), read by progress/fast_path.py."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass

from lectern.config import Settings
from lectern.kit.cache import Cache
from lectern.models import LessonKind


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


def access_key(user_id: uuid.UUID, lesson_id: uuid.UUID) -> str:
    return f"progress:access:{user_id.hex}:{lesson_id.hex}"


async def cached_watchable(
    cache: Cache, user_id: uuid.UUID, lesson_id: uuid.UUID
) -> Watchable | None:
    """The lesson as a recent heartbeat of this viewer found it, if the cache still has it."""
    cached = await cache.get(access_key(user_id, lesson_id))
    return Watchable.load(cached) if cached is not None else None


async def remember_granted_access(
    cache: Cache,
    settings: Settings,
    user_id: uuid.UUID,
    lesson_id: uuid.UUID,
    course_id: uuid.UUID,
    duration: float,
) -> None:
    """Cache the access a playback grant was just given on (the same rule, decided now), for
    the heartbeats of that playback: the player asks for a new grant halfway through each
    one's life, so a viewer who keeps watching keeps this answer fresh and their heartbeats
    never check access themselves."""
    ttl = settings.heartbeat_access_cache_seconds
    if ttl:
        found = Watchable(course_id, LessonKind.video, duration, time.time() + ttl)
        await remember_access(cache, user_id, lesson_id, found)


async def remember_access(
    cache: Cache, user_id: uuid.UUID, lesson_id: uuid.UUID, found: Watchable
) -> None:
    keep = max(1, round(found.expires_at - time.time()))
    await cache.set(access_key(user_id, lesson_id), found.dump(), keep)
