"""Fixed-window rate limits on top of the cache ("10/15minutes", "30/minute")."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from lectern.errors import RateLimited
from lectern.kit.cache import Cache

_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RULE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*(second|minute|hour|day)s?\s*$")


@dataclass(frozen=True)
class Rule:
    limit: int
    window_seconds: int

    @classmethod
    def parse(cls, text: str) -> Rule:
        match = _RULE.match(text)
        if not match:
            raise ValueError(f"not a rate limit: {text!r} (write e.g. '10/minute', '5/15minutes')")
        count, multiplier, unit = match.groups()
        return cls(int(count), int(multiplier or 1) * _UNITS[unit])


class RateLimiter:
    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    async def check(self, bucket: str, subject: str, rule: Rule) -> None:
        """Count one attempt of ``subject`` (an IP, an email) and refuse it past the limit."""
        # Hash the subject so emails never sit in the cache in clear.
        digest = hashlib.sha256(subject.lower().encode()).hexdigest()[:32]
        count, seconds_left = await self.cache.hit(f"rl:{bucket}:{digest}", rule.window_seconds)
        if count > rule.limit:
            raise RateLimited(seconds_left)
