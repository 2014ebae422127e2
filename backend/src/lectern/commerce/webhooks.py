"""Webhooks: verified on the raw body, stored under their id (unique per provider), answered
at once, and worked off by the worker, each exactly once.

A delivery is acknowledged as soon as the event is stored: the provider stops retrying, and a
second delivery of the same event finds its id and is not stored again. The worker's job
re-reads what matters from the provider, then, in one transaction, marks the event processed
(a conditional UPDATE: one worker wins) and applies its effect; a failure rolls both back and
the job is retried.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from lectern.commerce.fulfilment import apply_fact
from lectern.commerce.providers import provider_for
from lectern.commerce.providers.base import InboundEvent
from lectern.commerce.repository import CommerceRepository
from lectern.config import Settings
from lectern.kit.cache import Cache
from lectern.kit.queue import JobBuffer
from lectern.models import PaymentEvent, PaymentProvider

log = logging.getLogger("lectern.payments")


async def receive_webhook(
    session: AsyncSession,
    settings: Settings,
    jobs: JobBuffer,
    provider: PaymentProvider,
    headers: Mapping[str, str],
    body: bytes,
) -> bool:
    """Verify and store one delivery; True if it was new. The job is queued after commit."""
    from lectern.commerce.tasks import process_payment_event

    gateway = provider_for(settings, provider, session)
    event = gateway.verify_webhook(headers, body)
    await gateway.verify_webhook_remotely(headers, event)
    row_id, new = await CommerceRepository(session).store_event(
        provider, event.event_id, event.type, event.payload, event.occurred_at
    )
    if new or not await CommerceRepository(session).event_processed(row_id):
        # A redelivery of an event not processed yet nudges its job again (it may be lost).
        jobs.enqueue(process_payment_event, event_row_id=str(row_id))
    log.info(
        "payment webhook stored",
        extra={"provider": provider.value, "event": event.event_id, "type": event.type, "new": new},
    )
    return new


async def process_event(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    event_row_id: uuid.UUID,
    cache: Cache | None = None,
) -> bool:
    """Apply one stored event, once. True if this call applied it."""
    async with sessionmaker() as session:
        row = await session.get(PaymentEvent, event_row_id)
        if row is None or row.processed_at is not None:
            return False
        gateway = provider_for(settings, row.provider, session)
        event = InboundEvent(row.event_id, row.type, row.occurred_at, row.payload)
        jobs = JobBuffer()
        try:
            # Re-read from the provider first: no row is locked while we wait on the network.
            facts = await gateway.facts_of(event)
            if not await CommerceRepository(session).claim_event(event_row_id):
                await session.rollback()
                return False
            for fact in facts:
                await apply_fact(session, settings, jobs, gateway, fact)
            await session.commit()
        except Exception as error:
            await session.rollback()
            await CommerceRepository(session).note_event_failure(event_row_id, repr(error))
            await session.commit()
            raise
    if cache is not None:
        from lectern.catalog.context import bump_catalog_version

        jobs.after_commit(lambda: bump_catalog_version(cache))
    await jobs.dispatch()
    return True
