"""Live account events: a signed-in page learns at once that its roles changed or that its
session was ended elsewhere, instead of finding out at the next failed request."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncIterator

from lectern.kit.events import Event, EventBus
from lectern.kit.queue import JobBuffer

HEARTBEAT_SECONDS = 20.0


def account_channel(user_id: uuid.UUID) -> str:
    return f"account:{user_id}"


def announce_account_changed(jobs: JobBuffer, user_id: uuid.UUID, what: str) -> None:
    """Profile, roles or email changed: listeners refetch the account."""
    jobs.announce(account_channel(user_id), {"type": "account_changed", "what": what})


def announce_sessions_ended(
    jobs: JobBuffer, user_id: uuid.UUID, session_ids: list[uuid.UUID]
) -> None:
    if session_ids:
        event = {"type": "sessions_ended", "session_ids": [str(s) for s in session_ids]}
        jobs.announce(account_channel(user_id), event)


def _frame(event: Event) -> str:
    return f"event: {event['type']}\ndata: {json.dumps(event)}\n\n"


async def account_event_stream(
    bus: EventBus, user_id: uuid.UUID, session_id: uuid.UUID | None
) -> AsyncIterator[str]:
    """Server-sent events for one signed-in page, ending when its own session ends."""
    async with bus.subscribe(account_channel(user_id)) as events:
        inbox: asyncio.Queue[Event] = asyncio.Queue()

        async def pump() -> None:
            async for event in events:
                inbox.put_nowait(event)

        reader = asyncio.create_task(pump())
        try:
            yield "retry: 5000\n" + _frame({"type": "ready"})
            while True:
                try:
                    event = await asyncio.wait_for(inbox.get(), timeout=HEARTBEAT_SECONDS)
                except TimeoutError:
                    yield ": keep-alive\n\n"  # keeps proxies from closing an idle stream
                    continue
                yield _frame(event)
                ended = event.get("session_ids", [])
                if event["type"] == "sessions_ended" and str(session_id) in ended:
                    return
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
