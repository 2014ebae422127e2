"""Where a viewer stopped in a video: the database's answer, overtaken by a heartbeat that
is still in the buffer (the player asks right after leaving a page, before any flush)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import LessonProgress
from lectern.progress.buffer import HeartbeatBuffer


async def resume_position(
    session: AsyncSession,
    heartbeats: HeartbeatBuffer | None,
    viewer_id: uuid.UUID | None,
    lesson_id: uuid.UUID,
) -> float:
    """The second the player should resume the lesson at for this viewer (0 if unknown)."""
    if viewer_id is None:
        return 0.0
    if heartbeats is not None:
        buffered = (await heartbeats.positions(viewer_id)).get(lesson_id)
        if buffered is not None:
            return buffered
    found = await session.scalar(
        select(LessonProgress.position_seconds).where(
            LessonProgress.user_id == viewer_id, LessonProgress.lesson_id == lesson_id
        )
    )
    return found or 0.0
