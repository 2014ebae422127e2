"""The migrations build exactly the schema the models describe, and go down and up again."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from lectern.kit.db import create_engine
from lectern.migrate import downgrade, include_object, upgrade
from lectern.models import Base
from tests.conftest import BACKEND, PG_URL, _pg_admin


@pytest.fixture
def empty_database(tmp_path: Any) -> Iterator[str]:
    if BACKEND == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'migrations.sqlite3'}"
        return
    name = f"lectern_migrations_{uuid.uuid4().hex[:10]}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _schema_state(url: str) -> tuple[list[Any], set[str]]:
    def inspect_sync(conn: Connection) -> tuple[list[Any], set[str]]:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object}
        )
        return compare_metadata(context, Base.metadata), set(inspect(conn).get_table_names())

    async def run() -> tuple[list[Any], set[str]]:
        engine = create_engine(url)
        async with engine.connect() as conn:
            result = await conn.run_sync(inspect_sync)
        await engine.dispose()
        return result

    return asyncio.run(run())


@pytest.mark.sqlite
def test_migrations_match_the_models_and_round_trip(empty_database: str) -> None:
    upgrade(empty_database)
    differences, tables = _schema_state(empty_database)
    assert differences == [], "models and migrations differ: write a migration"
    assert {"users", "user_roles", "user_sessions", "api_tokens", "action_tokens"} <= tables

    downgrade(empty_database)
    _, tables = _schema_state(empty_database)
    assert tables <= {"alembic_version"}
    upgrade(empty_database)
    assert _schema_state(empty_database)[0] == []
