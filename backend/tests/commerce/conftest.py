"""Payments under test: the Stripe SDK and the PayPal REST client pointed at local stand-ins
(real HTTP servers speaking the providers' APIs), webhooks delivered to Lectern's endpoints
signed the providers' way, and the worker's job run as the worker runs it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.commerce.webhooks import process_event
from lectern.config import Settings
from lectern.models import (
    BillingInterval,
    Coupon,
    CouponDuration,
    CouponTarget,
    DiscountKind,
    PaymentEvent,
    Plan,
    PlanScope,
)
from tests.stand_ins import paypal_api, stripe_api
from tests.stand_ins.server import serve


@pytest.fixture(scope="session")
def stripe_server() -> Iterator[tuple[stripe_api.StripeStandIn, str]]:
    stand_in = stripe_api.StripeStandIn()
    with serve(stand_in.app) as url:
        yield stand_in, url


@pytest.fixture(scope="session")
def paypal_server() -> Iterator[tuple[paypal_api.PayPalStandIn, str]]:
    stand_in = paypal_api.PayPalStandIn()
    with serve(stand_in.app) as url:
        stand_in.base = url
        yield stand_in, url


@pytest.fixture
async def providers(
    app_instance: FastAPI,
    settings: Settings,
    stripe_server: tuple[stripe_api.StripeStandIn, str],
    paypal_server: tuple[paypal_api.PayPalStandIn, str],
    db: AsyncSession,
) -> AsyncIterator[Settings]:
    """Stripe, PayPal and the test provider all on, for this test."""
    configured = settings.model_copy(
        update={
            "stripe_secret_key": stripe_api.API_KEY,
            "stripe_webhook_secret": stripe_api.WEBHOOK_SECRET,
            "stripe_api_base": stripe_server[1],
            "paypal_client_id": paypal_api.CLIENT_ID,
            "paypal_client_secret": paypal_api.CLIENT_SECRET,
            "paypal_webhook_id": paypal_api.WEBHOOK_ID,
            "paypal_api_base": paypal_server[1],
            "payments_test_provider": True,
        }
    )
    original = app_instance.state.settings
    app_instance.state.settings = configured
    stripe_server[0].take_events()
    paypal_server[0].take_events()
    yield configured
    app_instance.state.settings = original


@pytest.fixture
def stripe(stripe_server: tuple[stripe_api.StripeStandIn, str]) -> stripe_api.StripeStandIn:
    return stripe_server[0]


@pytest.fixture
def paypal(paypal_server: tuple[paypal_api.PayPalStandIn, str]) -> paypal_api.PayPalStandIn:
    return paypal_server[0]


async def run_worker(app: FastAPI) -> int:
    """What the worker does with every stored, unprocessed event (its job, as it runs it)."""
    async with app.state.sessionmaker() as session:
        pending = list(
            await session.scalars(
                select(PaymentEvent.id)
                .where(PaymentEvent.processed_at.is_(None))
                .order_by(PaymentEvent.received_at)
            )
        )
    done = 0
    for event_row_id in pending:
        done += await process_event(app.state.sessionmaker, app.state.settings, event_row_id)
    return done


async def deliver_stripe(
    client: httpx.AsyncClient,
    event: dict[str, Any],
    *,
    at: int | None = None,
    secret: str | None = None,
) -> httpx.Response:
    body, header = stripe_api.signed(event, secret or stripe_api.WEBHOOK_SECRET, at)
    return await client.post(
        "/api/payments/webhooks/stripe",
        content=body,
        headers={"Stripe-Signature": header, "Content-Type": "application/json", "Origin": ""},
    )


async def deliver_paypal(
    client: httpx.AsyncClient,
    paypal: paypal_api.PayPalStandIn,
    event: dict[str, Any],
    **kwargs: Any,
) -> httpx.Response:
    body, headers = paypal.delivery(event, **kwargs)
    return await client.post("/api/payments/webhooks/paypal", content=body, headers=headers)


@dataclass
class Offers:
    monthly: Plan
    yearly: Plan


async def make_plans(db: AsyncSession, *, trial_days: int = 0, amount: int = 2000) -> Offers:
    monthly = Plan(
        name=f"Monthly {uuid.uuid4().hex[:4]}",
        interval=BillingInterval.month,
        amount=amount,
        currency="USD",
        trial_days=trial_days,
        scope=PlanScope.all_courses,
    )
    yearly = Plan(
        name=f"Yearly {uuid.uuid4().hex[:4]}",
        interval=BillingInterval.year,
        amount=amount * 10,
        currency="USD",
        scope=PlanScope.all_courses,
    )
    db.add_all([monthly, yearly])
    await db.commit()
    return Offers(monthly, yearly)


async def make_coupon(db: AsyncSession, **fields: Any) -> Coupon:
    values: dict[str, Any] = {
        "code": f"SAVE{uuid.uuid4().hex[:6].upper()}",
        "kind": DiscountKind.percent,
        "percent_off": 20,
        "applies_to": CouponTarget.everything,
        "duration": CouponDuration.once,
        "per_user_limit": 1,
    }
    values.update(fields)
    coupon = Coupon(**values)
    db.add(coupon)
    await db.commit()
    return coupon
