"""Test harness: a fresh PostgreSQL database per run (per xdist worker), migrated once with
Alembic; each test inside a transaction rolled back afterwards; Redis keys under a prefix of
the run, deleted at the end. LECTERN_TEST_BACKEND=sqlite runs the smoke subset on SQLite."""

from __future__ import annotations

import asyncio
import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

BACKEND = os.environ.get("LECTERN_TEST_BACKEND", "postgres")
PG_URL = os.environ.get(
    "LECTERN_TEST_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("LECTERN_TEST_REDIS", "redis://127.0.0.1:6379/0")
PUBLIC_URL = "http://localhost:3000"
RUN_ID = uuid.uuid4().hex[:10]
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")

# Settings come from the environment, for the API and for jobs alike: set it before import.
_VAR_DIR = Path(tempfile.mkdtemp(prefix=f"lectern-test-{RUN_ID}-"))
os.environ.update(
    {
        "LECTERN_VAR_DIR": str(_VAR_DIR),
        "LECTERN_PUBLIC_URL": PUBLIC_URL,
        "LECTERN_LOG_JSON": "false",
        "LECTERN_REDIS_KEY_PREFIX": f"lectern-test-{RUN_ID}-{WORKER}:",
        "LECTERN_JOBS_RUN_INLINE": "true",
    }
)
for key in ("LECTERN_DATABASE_URL", "LECTERN_REDIS_URL", "LECTERN_SMTP_HOST", "LECTERN_BROKER_URL"):
    os.environ.pop(key, None)

from lectern.app import create_app  # noqa: E402
from lectern.config import Settings, get_settings  # noqa: E402
from lectern.kit.cache import MemoryCache, RedisCache  # noqa: E402
from lectern.kit.db import create_engine  # noqa: E402
from lectern.migrate import upgrade  # noqa: E402
from lectern.progress.buffer import MemoryHeartbeatBuffer, RedisHeartbeatBuffer  # noqa: E402
from tests.fixtures.outbox import Outbox  # noqa: E402

pytest_plugins = ["tests.fixtures.s3"]  # the s3_server fixture


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if BACKEND == "sqlite":
        skip = pytest.mark.skip(reason="SQLite runs the smoke subset (marked sqlite) only")
        for item in items:
            if "sqlite" not in item.keywords:
                item.add_marker(skip)


async def _pg_reachable(admin_url: str) -> str | None:
    import asyncpg

    dsn = admin_url.replace("postgresql+asyncpg://", "postgresql://")
    try:
        conn = await asyncio.wait_for(asyncpg.connect(dsn), timeout=5)
        await conn.close()
    except (TimeoutError, OSError, asyncpg.PostgresError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


async def _pg_admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_URL.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def _redis_reachable() -> str | None:
    from redis.asyncio import Redis

    client = Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        await client.ping()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    finally:
        await client.aclose()
    return None


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    if BACKEND == "sqlite":
        url = f"sqlite+aiosqlite:///{_VAR_DIR / 'test.sqlite3'}"
        upgrade(url)
        yield url
        return
    problem = asyncio.run(_pg_reachable(PG_URL))
    if problem:
        pytest.exit(
            f"PostgreSQL is not reachable at {PG_URL} ({problem}). Start it, or point "
            "LECTERN_TEST_POSTGRES at one (postgresql+asyncpg://user@host:port/db).",
            returncode=3,
        )
    problem = asyncio.run(_redis_reachable())
    if problem:
        pytest.exit(
            f"Redis is not reachable at {REDIS_URL} ({problem}). Start it, or point "
            "LECTERN_TEST_REDIS at one (redis://host:port/db).",
            returncode=3,
        )
    name = f"lectern_test_{RUN_ID}_{WORKER}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    url = PG_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        upgrade(url)
        yield url
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    os.environ["LECTERN_DATABASE_URL"] = database_url
    if BACKEND != "sqlite":
        os.environ["LECTERN_REDIS_URL"] = REDIS_URL
    get_settings.cache_clear()
    return get_settings()


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(settings.effective_database_url)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
async def app_instance(settings: Settings) -> AsyncIterator[FastAPI]:
    app = create_app(settings, configure_logs=False)
    yield app
    await app.state.cache.close()
    await app.state.heartbeats.close()
    await app.state.engine.dispose()
    if settings.redis_url:
        from redis.asyncio import Redis

        client = Redis.from_url(settings.redis_url)
        keys = [k async for k in client.scan_iter(match=f"{settings.redis_key_prefix}*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


@pytest.fixture
async def db(
    engine: AsyncEngine, app_instance: FastAPI, settings: Settings
) -> AsyncIterator[AsyncSession]:
    """A session inside the test's transaction; the app's requests share that transaction."""
    app = app_instance
    if settings.is_sqlite:
        # The smoke run keeps what it writes: its database lives for one run only.
        maker = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
        app.state.sessionmaker = maker
        # A fresh in-process cache per test, as below: rate-limit counters never add up.
        original_cache = app.state.cache
        app.state.cache = MemoryCache()
        original_heartbeats = app.state.heartbeats
        app.state.heartbeats = MemoryHeartbeatBuffer()
        async with maker() as session:
            yield session
            await session.commit()
        app.state.cache = original_cache
        app.state.heartbeats = original_heartbeats
        return
    async with engine.connect() as conn:
        transaction = await conn.begin()
        maker = async_sessionmaker(
            bind=conn,
            expire_on_commit=False,
            autoflush=False,
            join_transaction_mode="create_savepoint",
        )
        app.state.sessionmaker = maker
        # A fresh cache namespace per test, so rate-limit counters never leak between tests.
        original_cache = app.state.cache
        original_heartbeats = app.state.heartbeats
        prefix = f"{settings.redis_key_prefix}{uuid.uuid4().hex[:8]}:"
        app.state.cache = RedisCache(REDIS_URL, prefix)
        app.state.heartbeats = RedisHeartbeatBuffer(REDIS_URL, prefix)
        async with maker() as session:
            yield session
        await app.state.cache.close()
        await app.state.heartbeats.close()
        app.state.cache = original_cache
        app.state.heartbeats = original_heartbeats
        await transaction.rollback()


@pytest.fixture
async def client(app_instance: FastAPI, db: AsyncSession) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app_instance)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver", headers={"Origin": PUBLIC_URL}
    ) as client:
        yield client


@pytest.fixture
def make_client(app_instance: FastAPI, db: AsyncSession) -> object:
    """Another browser: its own cookie jar."""

    def make() -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app_instance)
        return httpx.AsyncClient(
            transport=transport, base_url="http://testserver", headers={"Origin": PUBLIC_URL}
        )

    return make


@pytest.fixture
def outbox(settings: Settings) -> Outbox:
    return Outbox(settings.outbox_dir)
