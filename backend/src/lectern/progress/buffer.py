"""Heartbeats waiting to be written, and each viewer's latest position until they are.

Redis when configured (every API process pushes into one list; any process's flusher takes
batches out), an in-process deque otherwise (the embedded default runs one API process).

With Redis, sessions' last-seen writes ride along (``SessionTouch``): a heartbeat that finds
its session due a last-seen write queues the write beside the heartbeat, and the flusher
writes the queued ones in one statement, so a viewer's request never waits on the database
for it.

A batch taken out is not gone: it stays under its own key, registered with the time it was
taken, until the flusher acknowledges it after its transaction committed. A flusher that dies
in between leaves the batch pending; after a while another flusher (or the same one after a
restart) takes it again, and the database's record of written batch ids keeps it from
counting twice.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from redis.asyncio import Redis

from lectern.config import Settings
from lectern.kit.cache import Cache, RedisCache

# How long a viewer's latest position is kept beside the database's: well past a flush.
POSITION_TTL_SECONDS = 600


@dataclass(frozen=True, slots=True)
class HeartbeatRecord:
    """One accepted heartbeat, already checked and clamped to the video."""

    user_id: uuid.UUID
    lesson_id: uuid.UUID
    course_id: uuid.UUID
    position: float
    played: list[list[float]]
    seconds: float
    duration: float
    received_at: float  # server time, seconds since the epoch

    def dump(self) -> bytes:
        return json.dumps(
            {
                "u": self.user_id.hex,
                "l": self.lesson_id.hex,
                "c": self.course_id.hex,
                "p": self.position,
                "r": self.played,
                "s": self.seconds,
                "d": self.duration,
                "t": self.received_at,
            },
            separators=(",", ":"),
        ).encode()

    @classmethod
    def load(cls, raw: bytes | str) -> HeartbeatRecord:
        data: dict[str, Any] = json.loads(raw)
        return cls(
            user_id=uuid.UUID(data["u"]),
            lesson_id=uuid.UUID(data["l"]),
            course_id=uuid.UUID(data["c"]),
            position=float(data["p"]),
            played=[[float(s), float(e)] for s, e in data["r"]],
            seconds=float(data["s"]),
            duration=float(data["d"]),
            received_at=float(data["t"]),
        )


@dataclass(frozen=True, slots=True)
class SessionTouch:
    """A session's last-seen write, due (every LECTERN_SESSION_TOUCH_INTERVAL) and queued
    with a heartbeat: ``entry`` is the session's cache entry with the new time, cached again
    for ``ttl`` seconds when the heartbeat is queued."""

    session_id: uuid.UUID
    at: datetime
    entry: bytes
    ttl: int


# A queued last-seen write: when, and the session's cache key (prefixed, as Redis has it).
QueuedTouch = tuple[datetime, str]


@dataclass(frozen=True, slots=True)
class HeartbeatBatch:
    id: str
    records: list[HeartbeatRecord]


class HeartbeatBuffer(Protocol):
    # The server clock heartbeats are stamped with; tests replace it to play time forward.
    clock: Callable[[], float]
    # True when other processes take batches from the same buffer (Redis).
    shared: bool

    async def push(self, record: HeartbeatRecord) -> None:
        """Queue a heartbeat and remember it as the viewer's latest position in the lesson."""
        ...

    async def positions(self, user_id: uuid.UUID) -> dict[uuid.UUID, float]:
        """The latest position per lesson of a viewer's recent heartbeats."""
        ...

    async def take(self, limit: int) -> HeartbeatBatch | None:
        """Up to ``limit`` of the oldest heartbeats, as a pending batch; None if none wait."""
        ...

    async def stale(self, older_than_seconds: float, limit: int = 100) -> list[HeartbeatBatch]:
        """Pending batches taken longer ago than that (their flusher died), taken again."""
        ...

    async def ack(self, batch_id: str) -> None:
        """The batch is written: forget it."""
        ...

    async def waiting(self) -> int:
        """Heartbeats not yet taken into a batch."""
        ...

    async def close(self) -> None: ...


# Moves up to ARGV[1] records from the queue into a new batch key and registers the batch
# as pending, all at once: a crash leaves each record either queued or in a pending batch.
_TAKE = """
local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #items == 0 then return items end
redis.call('LTRIM', KEYS[1], #items, -1)
for i = 1, #items, 500 do
  redis.call('RPUSH', KEYS[2], unpack(items, i, math.min(i + 499, #items)))
end
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
return items
"""

# Queues a heartbeat (ARGV[1]) and keeps it as the viewer's latest position in the lesson
# (ARGV[2] -> ARGV[3]) for ARGV[4] seconds; with a third key, only while that key exists
# (returns 0 if it doesn't). One command, so one round trip.
_PUSH = """
if KEYS[3] and redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1
"""

# push_while_cached's script when the session is due a last-seen write (KEYS[3] its cache
# key): also caches the session again with the new time (ARGV[5] for ARGV[6] seconds) and
# queues the write (KEYS[4]: session id ARGV[7] -> ARGV[8], "<epoch seconds> <KEYS[3]>"), only
# while KEYS[3] exists, so an ended session is neither cached nor written again.
_PUSH_TOUCHING = """
if redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[4])
redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[6])
redis.call('HSET', KEYS[4], ARGV[7], ARGV[8])
return 1
"""

# Takes every queued last-seen write at once.
_TAKE_TOUCHES = """
local touches = redis.call('HGETALL', KEYS[1])
if #touches > 0 then redis.call('DEL', KEYS[1]) end
return touches
"""

# Claims pending batches taken before ARGV[1] by stamping them with ARGV[2], so two
# flushers recovering at once rarely pick the same one (the database check makes it safe).
_CLAIM_STALE = """
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], ARGV[2], id) end
return ids
"""


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class RedisHeartbeatBuffer:
    shared = True

    def __init__(self, url: str, prefix: str, *, clock: Callable[[], float] = time.time) -> None:
        self.redis: Redis = Redis.from_url(url)
        self.url = url
        self.prefix = prefix
        self.clock = clock
        self._queue = f"{prefix}heartbeats:queue"
        self._pending = f"{prefix}heartbeats:pending"
        self._batch_prefix = f"{prefix}heartbeats:batch:"
        self._position_prefix = f"{prefix}heartbeats:positions:"
        self._touches = f"{prefix}heartbeats:touches"
        self._push = self.redis.register_script(_PUSH)
        self._push_touching = self.redis.register_script(_PUSH_TOUCHING)
        self._take_touches = self.redis.register_script(_TAKE_TOUCHES)
        self._take = self.redis.register_script(_TAKE)
        self._claim_stale = self.redis.register_script(_CLAIM_STALE)

    async def push(self, record: HeartbeatRecord) -> None:
        await self._push(keys=self._push_keys(record), args=self._push_args(record))

    def shares(self, cache: Cache) -> bool:
        """Whether ``cache`` keeps its keys in this buffer's Redis, under the same prefix."""
        return isinstance(cache, RedisCache) and (cache.url, cache.prefix) == (
            self.url,
            self.prefix,
        )

    async def push_while_cached(
        self, record: HeartbeatRecord, cache_key: str, touch: SessionTouch | None = None
    ) -> bool:
        """``push``, only if the cache this buffer ``shares`` still holds ``cache_key`` (a
        session's entry), checked and pushed in one step; with ``touch``, that entry is
        replaced by ``touch.entry`` and the session's last-seen write queued in the same
        step. False if the key is gone, and nothing is queued or cached."""
        keys = [*self._push_keys(record), self.prefix + cache_key]
        args = self._push_args(record)
        if touch is None:
            return bool(await self._push(keys=keys, args=args))
        keys.append(self._touches)
        queued = f"{touch.at.timestamp()!r} {keys[2]}"
        args += [touch.entry, touch.ttl, touch.session_id.hex, queued]
        return bool(await self._push_touching(keys=keys, args=args))

    def _push_keys(self, record: HeartbeatRecord) -> list[str]:
        return [self._queue, self._position_prefix + record.user_id.hex]

    def _push_args(self, record: HeartbeatRecord) -> list[bytes | str | int]:
        return [record.dump(), record.lesson_id.hex, repr(record.position), POSITION_TTL_SECONDS]

    async def positions(self, user_id: uuid.UUID) -> dict[uuid.UUID, float]:
        found = await self.redis.hgetall(self._position_prefix + user_id.hex)
        return {uuid.UUID(_text(k)): float(v) for k, v in found.items()}

    async def take(self, limit: int) -> HeartbeatBatch | None:
        batch_id = uuid.uuid4().hex
        items = await self._take(
            keys=[self._queue, self._batch_prefix + batch_id, self._pending],
            args=[limit, self.clock(), batch_id],
        )
        if not items:
            return None
        return HeartbeatBatch(batch_id, [HeartbeatRecord.load(item) for item in items])

    async def stale(self, older_than_seconds: float, limit: int = 100) -> list[HeartbeatBatch]:
        now = self.clock()
        ids = await self._claim_stale(
            keys=[self._pending], args=[now - older_than_seconds, now, limit]
        )
        batches: list[HeartbeatBatch] = []
        for raw_id in ids:
            batch_id = _text(raw_id)
            items = await self.redis.lrange(self._batch_prefix + batch_id, 0, -1)
            if items:
                batches.append(HeartbeatBatch(batch_id, [HeartbeatRecord.load(i) for i in items]))
            else:  # acknowledged meanwhile
                await self.redis.zrem(self._pending, batch_id)
        return batches

    async def ack(self, batch_id: str) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(self._batch_prefix + batch_id)
            pipe.zrem(self._pending, batch_id)
            await pipe.execute()

    async def take_touches(self) -> dict[uuid.UUID, QueuedTouch]:
        """The last-seen writes ``push_while_cached`` queued (each session's latest), taken
        out of the queue."""
        found = await self._take_touches(keys=[self._touches])
        touches: dict[uuid.UUID, QueuedTouch] = {}
        for session_id, value in zip(found[::2], found[1::2], strict=True):
            at, cache_key = _text(value).split(" ", 1)
            touches[uuid.UUID(_text(session_id))] = (
                datetime.fromtimestamp(float(at), UTC),
                cache_key,
            )
        return touches

    async def forget_sessions(self, cache_keys: list[str]) -> None:
        """Drop cache entries (as ``take_touches`` names them) of sessions found gone."""
        if cache_keys:
            await self.redis.delete(*cache_keys)

    async def waiting(self) -> int:
        return int(await self.redis.llen(self._queue))

    async def close(self) -> None:
        await self.redis.aclose()


class MemoryHeartbeatBuffer:
    """For one process (the embedded default): a graceful shutdown flushes it; a crash of
    the process loses the last flush interval's heartbeats."""

    shared = False

    def __init__(self, *, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self._queue: deque[HeartbeatRecord] = deque()
        self._pending: dict[str, tuple[float, list[HeartbeatRecord]]] = {}
        self._positions: dict[uuid.UUID, tuple[float, dict[uuid.UUID, float]]] = {}
        self._swept_at = 0.0

    async def push(self, record: HeartbeatRecord) -> None:
        self._queue.append(record)
        _, lessons = self._positions.get(record.user_id, (0.0, {}))
        lessons[record.lesson_id] = record.position
        self._positions[record.user_id] = (time.monotonic() + POSITION_TTL_SECONDS, lessons)

    async def positions(self, user_id: uuid.UUID) -> dict[uuid.UUID, float]:
        expires, lessons = self._positions.get(user_id, (0.0, {}))
        return dict(lessons) if expires > time.monotonic() else {}

    async def take(self, limit: int) -> HeartbeatBatch | None:
        self._forget_old_positions()
        if not self._queue:
            return None
        records = [self._queue.popleft() for _ in range(min(limit, len(self._queue)))]
        batch = HeartbeatBatch(uuid.uuid4().hex, records)
        self._pending[batch.id] = (self.clock(), records)
        return batch

    async def stale(self, older_than_seconds: float, limit: int = 100) -> list[HeartbeatBatch]:
        now = self.clock()
        batches: list[HeartbeatBatch] = []
        for batch_id, (taken_at, records) in list(self._pending.items()):
            if taken_at <= now - older_than_seconds and len(batches) < limit:
                self._pending[batch_id] = (now, records)
                batches.append(HeartbeatBatch(batch_id, records))
        return batches

    async def ack(self, batch_id: str) -> None:
        self._pending.pop(batch_id, None)

    async def waiting(self) -> int:
        return len(self._queue)

    async def close(self) -> None:
        self._positions.clear()

    def _forget_old_positions(self) -> None:
        now = time.monotonic()
        if now - self._swept_at < 60:
            return
        self._swept_at = now
        expired = [user for user, (expires, _) in self._positions.items() if expires <= now]
        for user in expired:
            del self._positions[user]


def create_heartbeat_buffer(settings: Settings) -> HeartbeatBuffer:
    if settings.redis_url:
        return RedisHeartbeatBuffer(settings.redis_url, settings.redis_key_prefix)
    return MemoryHeartbeatBuffer()
