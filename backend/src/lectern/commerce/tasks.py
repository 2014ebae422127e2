"""Background jobs of payments: processing a stored webhook event, and the sweep on beat."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import anyio
from celery import Task

from lectern.config import get_settings
from lectern.kit.db import create_engine, create_sessionmaker
from lectern.kit.queue import celery_app

log = logging.getLogger("lectern.payments")


@celery_app.task(bind=True, name="commerce.process_event", max_retries=8)
def process_payment_event(self: Task[Any, Any], event_row_id: str) -> bool:
    """Apply one stored webhook event, exactly once (see webhooks.py); retried with back-off
    while the provider or the database fails."""
    from lectern.app import create_cache
    from lectern.commerce.webhooks import process_event

    settings = get_settings()

    async def run() -> bool:
        engine = create_engine(settings.effective_database_url, pool_size=2)
        cache = create_cache(settings)
        try:
            return await process_event(
                create_sessionmaker(engine), settings, uuid.UUID(event_row_id), cache
            )
        finally:
            await cache.close()
            await engine.dispose()

    try:
        return anyio.run(run)
    except Exception as error:
        log.exception("payment event failed", extra={"event": event_row_id})
        raise self.retry(exc=error, countdown=min(600, 5 * 2**self.request.retries)) from error


@celery_app.task(name="commerce.sweep")
def sweep_payments() -> dict[str, int]:
    """End subscriptions at their period end, pause those past the grace period, close
    abandoned checkouts, run the test provider's clock, and nudge events left unprocessed."""
    from lectern.commerce.repository import CommerceRepository
    from lectern.commerce.subscriptions import sweep
    from lectern.models.base import utcnow

    settings = get_settings()

    async def run() -> tuple[dict[str, int], list[uuid.UUID]]:
        engine = create_engine(settings.effective_database_url, pool_size=2)
        try:
            maker = create_sessionmaker(engine)
            done = await sweep(maker, settings)
            async with maker() as session:
                from datetime import timedelta

                stuck = await CommerceRepository(session).unprocessed_events(
                    utcnow() - timedelta(minutes=5)
                )
            return done, stuck
        finally:
            await engine.dispose()

    done, stuck = anyio.run(run)
    for event_row_id in stuck:
        process_payment_event.delay(event_row_id=str(event_row_id))
    return done


celery_app.conf.beat_schedule = {
    **(celery_app.conf.beat_schedule or {}),
    "commerce-sweep": {
        "task": "commerce.sweep",
        "schedule": get_settings().payments_sweep_seconds,
    },
}
