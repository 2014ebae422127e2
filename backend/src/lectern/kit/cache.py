"""Key-value cache and counters: Redis when configured, an in-process dict otherwise."""

from __future__ import annotations

import time
from typing import Protocol

from redis.asyncio import Redis


class Cache(Protocol):
    async def get(self, key: str) -> bytes | None: ...
    async def set(self, key: str, value: bytes, ttl_seconds: int) -> None: ...
    async def delete(self, *keys: str) -> None: ...
    async def hit(self, key: str, window_seconds: int) -> tuple[int, int]:
        """Count one event in a fixed window; return (count so far, seconds left)."""
        ...

    async def ping(self) -> bool: ...
    async def close(self) -> None: ...


class RedisCache:
    def __init__(self, url: str, prefix: str) -> None:
        self.redis: Redis = Redis.from_url(url)
        self.url = url
        self.prefix = prefix

    async def get(self, key: str) -> bytes | None:
        value = await self.redis.get(self.prefix + key)
        return value if isinstance(value, bytes) else None

    async def set(self, key: str, value: bytes, ttl_seconds: int) -> None:
        await self.redis.set(self.prefix + key, value, ex=ttl_seconds)

    async def delete(self, *keys: str) -> None:
        if keys:
            await self.redis.delete(*(self.prefix + k for k in keys))

    async def hit(self, key: str, window_seconds: int) -> tuple[int, int]:
        full = self.prefix + key
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(full)
            pipe.expire(full, window_seconds, nx=True)
            pipe.ttl(full)
            count, _, ttl = await pipe.execute()
        return int(count), max(int(ttl), 1)

    async def ping(self) -> bool:
        return bool(await self.redis.ping())

    async def close(self) -> None:
        await self.redis.aclose()


class MemoryCache:
    """For one process (the embedded default). Expired keys are dropped when read."""

    def __init__(self, max_keys: int = 100_000) -> None:
        self._values: dict[str, tuple[float, bytes]] = {}
        self._counters: dict[str, tuple[float, int]] = {}
        self._max_keys = max_keys

    def _evict_if_full(self) -> None:
        if len(self._values) + len(self._counters) < self._max_keys:
            return
        now = time.monotonic()
        self._values = {k: v for k, v in self._values.items() if v[0] > now}
        self._counters = {k: v for k, v in self._counters.items() if v[0] > now}
        if len(self._values) >= self._max_keys:
            self._values.clear()

    async def get(self, key: str) -> bytes | None:
        entry = self._values.get(key)
        if entry is None:
            return None
        if entry[0] <= time.monotonic():
            del self._values[key]
            return None
        return entry[1]

    async def set(self, key: str, value: bytes, ttl_seconds: int) -> None:
        self._evict_if_full()
        self._values[key] = (time.monotonic() + ttl_seconds, value)

    async def delete(self, *keys: str) -> None:
        for key in keys:
            self._values.pop(key, None)

    async def hit(self, key: str, window_seconds: int) -> tuple[int, int]:
        now = time.monotonic()
        expires, count = self._counters.get(key, (0.0, 0))
        if expires <= now:
            self._evict_if_full()
            expires, count = now + window_seconds, 0
        count += 1
        self._counters[key] = (expires, count)
        return count, max(int(expires - now), 1)

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self._values.clear()
        self._counters.clear()
