"""FastAPI dependencies for the plumbing every domain uses.

All `async def`: FastAPI runs a plain `def` dependency in its thread pool, which cost ~1 ms
a request on /api/me (docs/performance.md) for work that only reads request state.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.config import Settings
from lectern.kit.cache import Cache
from lectern.kit.client_ip import client_ip
from lectern.kit.events import EventBus
from lectern.kit.queue import JobBuffer
from lectern.kit.rate_limit import RateLimiter
from lectern.kit.storage import FileStore
from lectern.kit.unit_of_work import unit_of_work_from_scope


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_session(request: Request) -> AsyncSession:
    return unit_of_work_from_scope(request.scope["state"]).session


async def get_jobs(request: Request) -> JobBuffer:
    return unit_of_work_from_scope(request.scope["state"]).jobs


async def get_cache(request: Request) -> Cache:
    cache: Cache = request.app.state.cache
    return cache


async def get_rate_limiter(request: Request) -> RateLimiter:
    return RateLimiter(request.app.state.cache)


async def get_file_store(request: Request) -> FileStore:
    store: FileStore = request.app.state.file_store
    return store


async def get_event_bus(request: Request) -> EventBus:
    bus: EventBus = request.app.state.events
    return bus


async def get_client_ip(request: Request) -> str:
    return client_ip(request.scope, request.app.state.settings.trusted_proxies)


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
DbSession = Annotated[AsyncSession, Depends(get_session)]
Jobs = Annotated[JobBuffer, Depends(get_jobs)]
CacheDep = Annotated[Cache, Depends(get_cache)]
Limiter = Annotated[RateLimiter, Depends(get_rate_limiter)]
Store = Annotated[FileStore, Depends(get_file_store)]
ClientIp = Annotated[str, Depends(get_client_ip)]
Events = Annotated[EventBus, Depends(get_event_bus)]
