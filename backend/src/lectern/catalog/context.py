"""What the catalog's services need around them, gathered once per request."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.config import Settings
from lectern.kit.cache import Cache
from lectern.kit.dependencies import CacheDep, DbSession, Jobs, SettingsDep, Store
from lectern.kit.queue import JobBuffer
from lectern.kit.storage import FileStore

_VERSION_KEY = "catalog:version"


async def bump_catalog_version(cache: Cache) -> None:
    """Every cached catalog page and landing is stale from now on (e.g. a video turned ready
    and changed a course's length)."""
    await cache.set(_VERSION_KEY, uuid.uuid4().hex.encode(), 30 * 24 * 3600)


@dataclass(frozen=True)
class CatalogContext:
    session: AsyncSession
    settings: Settings
    cache: Cache
    jobs: JobBuffer
    store: FileStore

    def catalog_changed(self) -> None:
        """Drop every cached catalog page and landing once this transaction commits."""
        cache = self.cache

        async def bump() -> None:
            await bump_catalog_version(cache)

        self.jobs.after_commit(bump)

    async def cached(self, key: str, produce: Callable[[], Awaitable[bytes]]) -> bytes:
        """The cached bytes under `key` for the current catalog version, or fresh ones."""
        if self.settings.catalog_cache_seconds == 0:
            return await produce()
        version = (await self.cache.get(_VERSION_KEY) or b"0").decode()
        full_key = f"catalog:{version}:{key}"
        hit = await self.cache.get(full_key)
        if hit is not None:
            return hit
        fresh = await produce()
        await self.cache.set(full_key, fresh, self.settings.catalog_cache_seconds)
        return fresh


async def get_catalog_context(
    session: DbSession, settings: SettingsDep, cache: CacheDep, jobs: Jobs, store: Store
) -> CatalogContext:
    return CatalogContext(session=session, settings=settings, cache=cache, jobs=jobs, store=store)


CatalogCtx = Annotated[CatalogContext, Depends(get_catalog_context)]
