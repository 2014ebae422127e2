"""What the progress services need around them, gathered once per request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.config import Settings
from lectern.kit.cache import Cache
from lectern.kit.dependencies import CacheDep, DbSession, Jobs, SettingsDep
from lectern.kit.queue import JobBuffer
from lectern.progress.buffer import HeartbeatBuffer


async def get_heartbeat_buffer(request: Request) -> HeartbeatBuffer:
    buffer: HeartbeatBuffer = request.app.state.heartbeats
    return buffer


Heartbeats = Annotated[HeartbeatBuffer, Depends(get_heartbeat_buffer)]


@dataclass(frozen=True)
class ProgressContext:
    session: AsyncSession
    settings: Settings
    cache: Cache
    jobs: JobBuffer
    heartbeats: HeartbeatBuffer


async def get_progress_context(
    session: DbSession, settings: SettingsDep, cache: CacheDep, jobs: Jobs, heartbeats: Heartbeats
) -> ProgressContext:
    return ProgressContext(
        session=session, settings=settings, cache=cache, jobs=jobs, heartbeats=heartbeats
    )


ProgressCtx = Annotated[ProgressContext, Depends(get_progress_context)]
