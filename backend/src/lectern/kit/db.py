"""Engines, the per-request unit of work, and the repository base class."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import event, select
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.sql import Select

from lectern.models.base import Base

M = TypeVar("M", bound=Base)


def create_engine(url: str, *, echo: bool = False, pool_size: int = 10) -> AsyncEngine:
    """An async engine; SQLite gets the pragmas that make it safe for a web server."""
    if url.startswith("sqlite"):
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30})

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
            cursor = dbapi_conn.cursor()
            # WAL lets readers go on while the worker or another request writes.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    # Overflow connections are closed as soon as they are returned: a steady load past
    # pool_size would open a connection (a PostgreSQL fork) every few requests.
    return create_async_engine(
        url, echo=echo, pool_size=pool_size, max_overflow=pool_size // 2, pool_pre_ping=True
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


class RepositoryBase(Generic[M]):
    """Typed access to one model's table. Subclasses hold every SQL statement of a domain."""

    model: type[M]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, id: Any) -> M | None:
        return await self.session.get(self.model, id)

    async def one_or_none(self, statement: Select[M]) -> M | None:
        return (await self.session.execute(statement)).scalars().first()

    async def all(self, statement: Select[M]) -> Sequence[M]:
        return (await self.session.execute(statement)).scalars().all()

    def select(self) -> Select[M]:
        return select(self.model)

    async def add(self, obj: M, *, flush: bool = True) -> M:
        self.session.add(obj)
        if flush:
            await self.session.flush()
        return obj

    async def delete(self, obj: M) -> None:
        await self.session.delete(obj)
        await self.session.flush()
