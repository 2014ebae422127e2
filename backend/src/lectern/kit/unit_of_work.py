"""One database session and one job buffer per request, committed before the response starts.

A pure ASGI middleware (not a yield dependency) owns the commit so that its moment is exact:
the endpoint has returned, the response has not been sent. A 2xx/3xx commits and then sends
the buffered jobs; anything else rolls back and drops them.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lectern.kit.events import EventBus
from lectern.kit.queue import JobBuffer

log = logging.getLogger("lectern.db")

STATE_KEY = "lectern_unit_of_work"


class UnitOfWork:
    def __init__(
        self, sessionmaker: async_sessionmaker[AsyncSession], events: EventBus | None = None
    ) -> None:
        self._sessionmaker = sessionmaker
        self._session: AsyncSession | None = None
        self.jobs = JobBuffer(events=events)

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            self._session = self._sessionmaker()
        return self._session

    async def commit(self) -> None:
        if self._session is not None:
            await self._session.commit()
        await self.jobs.dispatch()

    async def rollback(self) -> None:
        self.jobs.clear()
        if self._session is not None:
            await self._session.rollback()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


class UnitOfWorkMiddleware:
    """Reads the sessionmaker from ``app.state`` per request, so tests can bind it to a
    transaction that is rolled back after each test."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope["app"].state
        unit = UnitOfWork(state.sessionmaker, state.events)
        scope.setdefault("state", {})[STATE_KEY] = unit
        finished = False

        async def send_after_commit(message: Message) -> None:
            nonlocal finished
            if message["type"] == "http.response.start" and not finished:
                finished = True
                if message["status"] < 400:
                    await unit.commit()
                else:
                    await unit.rollback()
            await send(message)

        try:
            await self.app(scope, receive, send_after_commit)
        except BaseException:
            if not finished:
                await unit.rollback()
            raise
        finally:
            await unit.close()


def unit_of_work_from_scope(state: dict[str, Any]) -> UnitOfWork:
    unit = state.get(STATE_KEY)
    if not isinstance(unit, UnitOfWork):  # pragma: no cover - a wiring mistake, not user input
        raise RuntimeError("UnitOfWorkMiddleware is not installed")
    return unit
