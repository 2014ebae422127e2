"""create_app(): settings -> stores -> routers -> middleware."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.types import ASGIApp

from lectern.api import api_router
from lectern.config import Settings, get_settings
from lectern.error_handlers import install_error_handlers
from lectern.health.endpoints import router as health_router
from lectern.kit.cache import Cache, MemoryCache, RedisCache
from lectern.kit.db import create_engine, create_sessionmaker
from lectern.kit.events import EventBus, MemoryEventBus, RedisEventBus
from lectern.kit.logging import configure_logging
from lectern.kit.middleware import (
    BodySizeLimitMiddleware,
    OriginCheckMiddleware,
    RequestContextMiddleware,
    SecurityHeadersMiddleware,
)
from lectern.kit.queue import configure_queue
from lectern.kit.storage import create_file_store
from lectern.kit.unit_of_work import UnitOfWorkMiddleware
from lectern.progress.buffer import create_heartbeat_buffer
from lectern.progress.fast_path import HeartbeatFastPath
from lectern.progress.flusher import HeartbeatFlusher


def _operation_id(route: APIRoute) -> str:
    return route.operation_id or route.name


class LecternAPI(FastAPI):
    """FastAPI with steady heartbeats answered in front of its middleware stack (they are
    most of the traffic and need none of it: progress/fast_path.py)."""

    def build_middleware_stack(self) -> ASGIApp:
        return HeartbeatFastPath(super().build_middleware_stack())


def create_cache(settings: Settings) -> Cache:
    if settings.redis_url:
        return RedisCache(settings.redis_url, settings.redis_key_prefix)
    return MemoryCache()


def create_event_bus(settings: Settings) -> EventBus:
    if settings.redis_url:
        return RedisEventBus(settings.redis_url, settings.redis_key_prefix)
    return MemoryEventBus()


def create_app(settings: Settings | None = None, *, configure_logs: bool = True) -> FastAPI:
    settings = settings or get_settings()
    if configure_logs:
        configure_logging(settings.log_level, as_json=settings.log_json)
    configure_queue(settings)
    if settings.is_sqlite:
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.effective_database_url, pool_size=settings.database_pool_size)
    sessionmaker = create_sessionmaker(engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        flusher = HeartbeatFlusher(app.state)
        flusher.start()
        # What is built by now lives as long as the process (some 300,000 objects: routes,
        # models, mappers, settings). Out of the collector's sight, a full collection looks at
        # the requests' objects only: with them in, one took ~200 ms every few seconds under
        # load, stalling every request in flight (heartbeats' p99; docs/performance.md).
        gc.collect()
        gc.freeze()
        yield
        gc.unfreeze()
        # Before the stores close: a graceful restart writes the heartbeats it buffered itself
        # (a shared buffer keeps them for the worker).
        await flusher.stop()
        await app.state.heartbeats.close()
        await app.state.cache.close()
        await app.state.events.close()
        await engine.dispose()

    app = LecternAPI(
        title="Lectern API",
        version="0.1.0",
        summary="Sell and stream video courses.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = sessionmaker
    app.state.cache = create_cache(settings)
    app.state.heartbeats = create_heartbeat_buffer(settings)
    app.state.events = create_event_bus(settings)
    app.state.file_store = create_file_store(settings)

    install_error_handlers(app)
    app.include_router(health_router)
    app.include_router(api_router)

    # Added inside-out: the last one added is the first to see a request.
    app.add_middleware(UnitOfWorkMiddleware)
    app.add_middleware(
        OriginCheckMiddleware,
        allowed_origins=settings.allowed_origins,
        exempt_prefixes=("/api/payments/webhooks/",),
    )
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        # Video uploads and assignment files stream to disk with their own limits.
        exempt_prefixes=("/api/uploads/", "/api/submission-files"),
    )
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.serves_https)
    app.add_middleware(RequestContextMiddleware, trusted_proxies=settings.trusted_proxies)
    return app
