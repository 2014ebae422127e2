"""PayPal end to end against the stand-in: OAuth2 tokens, Orders and their capture, billing
subscriptions, refunds, and webhooks checked through verify-webhook-signature."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.config import Settings
from lectern.models import Enrollment, PaymentEvent, Role
from tests.commerce.conftest import deliver_paypal, make_plans, run_worker
from tests.fixtures.accounts import create_user, sign_in
from tests.learning.courses import quick_course
from tests.stand_ins.paypal_api import PayPalStandIn

Clients = Callable[[], httpx.AsyncClient]


async def _enrolled(db: AsyncSession, user_id: Any, course_id: Any) -> int:
    found = await db.scalar(
        select(func.count()).where(Enrollment.user_id == user_id, Enrollment.course_id == course_id)
    )
    return int(found or 0)


async def test_a_paypal_purchase_is_captured_on_return_and_granted_by_the_webhook(
    providers: Settings,
    paypal: PayPalStandIn,
    app_instance: FastAPI,
    make_client: Clients,
    db: AsyncSession,
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    student = await create_user(db)
    course = await quick_course(db, teacher, "Knitting", price_amount=1999)
    async with make_client() as s, make_client() as a, make_client() as anyone:
        await sign_in(s, student.email)
        await sign_in(a, admin.email)
        started = await s.post(
            "/api/payments/checkout", json={"course_id": str(course.id), "provider": "paypal"}
        )
        assert started.status_code == 201, started.text
        assert "sandbox.paypal.com/checkoutnow" in started.json()["checkout_url"]
        order_id = started.json()["order_id"]
        paypal_order = next(
            o for o in paypal.orders.values() if o["purchase_units"][0]["custom_id"] == order_id
        )
        assert paypal_order["purchase_units"][0]["amount"] == {
            "currency_code": "USD",
            "value": "19.99",
        }

        paypal.approve_order(paypal_order["id"])
        returned = await s.post(f"/api/payments/orders/{order_id}/return")
        assert returned.json()["status"] == "pending"  # captured, but the webhook grants
        assert await _enrolled(db, student.id, course.id) == 0
        events = paypal.take_events()
        assert {e["event_type"] for e in events} == {
            "CHECKOUT.ORDER.APPROVED",
            "PAYMENT.CAPTURE.COMPLETED",
        }
        for event in events + events:
            assert (await deliver_paypal(anyone, paypal, event)).status_code == 200
        await run_worker(app_instance)
        assert await _enrolled(db, student.id, course.id) == 1
        order = (await a.get(f"/api/admin/orders/{order_id}")).json()
        assert order["status"] == "paid"
        assert order["fee_amount"] == 119  # 3.49% + 0.49 of 19.99

        refunded = await a.post(
            f"/api/admin/orders/{order_id}/refunds", json={"reason": "Asked for it"}
        )
        assert refunded.status_code == 201, refunded.text
        assert refunded.json()["status"] == "refunded"
        assert await _enrolled(db, student.id, course.id) == 0
        for event in paypal.take_events():
            await deliver_paypal(anyone, paypal, event)
        await run_worker(app_instance)
        assert (await a.get(f"/api/admin/orders/{order_id}")).json()["refunded_amount"] == 1999


async def test_paypal_webhooks_are_checked_with_paypal_and_stale_ones_refused(
    providers: Settings, paypal: PayPalStandIn, make_client: Clients, db: AsyncSession
) -> None:
    event = {
        "id": "WH-1",
        "event_type": "PAYMENT.CAPTURE.COMPLETED",
        "create_time": "2026-01-01T00:00:00Z",
        "resource": {},
    }
    paypal._event("PAYMENT.CAPTURE.COMPLETED", "capture", {"id": "3CX"})
    real = paypal.take_events()[0]
    async with make_client() as anyone:
        before = await db.scalar(select(func.count()).select_from(PaymentEvent))
        body, headers = paypal.delivery(real)
        forged = await anyone.post(
            "/api/payments/webhooks/paypal", content=body.replace(b"3CX", b"3CY"), headers=headers
        )
        assert forged.status_code == 400
        assert forged.json()["code"] == "webhook_refused"
        stale = await deliver_paypal(
            anyone, paypal, real, sent_at=datetime.now(UTC) - timedelta(seconds=301)
        )
        assert stale.status_code == 400
        body, headers = paypal.delivery(event)
        foreign_cert = await anyone.post(
            "/api/payments/webhooks/paypal",
            content=body,
            headers={**headers, "PAYPAL-CERT-URL": "https://evil.example.com/cert.pem"},
        )
        assert foreign_cert.status_code == 400
        assert await db.scalar(select(func.count()).select_from(PaymentEvent)) == before


async def test_a_paypal_subscription_runs_and_cancels_at_its_period_end(
    providers: Settings,
    paypal: PayPalStandIn,
    app_instance: FastAPI,
    make_client: Clients,
    db: AsyncSession,
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    course = await quick_course(db, teacher, "Glassblowing", price_amount=8000)
    offers = await make_plans(db)
    async with make_client() as s, make_client() as anyone:
        await sign_in(s, student.email)
        started = await s.post(
            "/api/payments/checkout", json={"plan_id": str(offers.monthly.id), "provider": "paypal"}
        )
        assert started.status_code == 201, started.text
        ours = started.json()["subscription_id"]
        sub = next(v for v in paypal.subscriptions.values() if v["custom_id"] == ours)
        paypal.approve_subscription(sub["id"])
        for event in paypal.take_events():
            await deliver_paypal(anyone, paypal, event)
        await run_worker(app_instance)
        mine = (await s.get(f"/api/me/subscriptions/{ours}")).json()
        assert mine["status"] == "active"
        assert (await s.post(f"/api/courses/{course.id}/enrollment")).status_code == 201
        orders = (await s.get("/api/me/orders")).json()
        assert [(o["kind"], o["total_amount"]) for o in orders] == [("subscription", 2000)]

        cancelled = await s.post(f"/api/me/subscriptions/{ours}/cancel")
        assert cancelled.status_code == 200, cancelled.text
        assert cancelled.json()["cancel_at_period_end"] is True
        assert cancelled.json()["grants_access"] is True
        assert sub["status"] == "SUSPENDED"  # billing stopped at PayPal
        for event in paypal.take_events():
            await deliver_paypal(anyone, paypal, event)
        await run_worker(app_instance)
        assert await _enrolled(db, student.id, course.id) == 1
        resumed = await s.post(f"/api/me/subscriptions/{ours}/resume")
        assert resumed.json()["cancel_at_period_end"] is False
        assert sub["status"] == "ACTIVE"
        await s.post(f"/api/me/subscriptions/{ours}/cancel")

        # The period ends: the beat's sweep cancels at PayPal and access ends.
        import uuid

        from lectern.commerce.subscriptions import sweep
        from lectern.models import Subscription

        row = await db.get(Subscription, uuid.UUID(ours), populate_existing=True)
        assert row is not None
        row.current_period_end = datetime.now(UTC) - timedelta(seconds=1)
        await db.commit()
        sub["billing_info"]["next_billing_time"] = (
            datetime.now(UTC) - timedelta(seconds=1)
        ).strftime("%Y-%m-%dT%H:%M:%SZ")
        done = await sweep(app_instance.state.sessionmaker, app_instance.state.settings)
        assert done["subscriptions"] == 1
        assert sub["status"] == "CANCELLED"
        assert (await s.get(f"/api/me/subscriptions/{ours}")).json()["status"] == "canceled"
        assert await _enrolled(db, student.id, course.id) == 0
