"""Stripe end to end against the stand-in: the official SDK makes the calls, webhooks are
signed with Stripe-Signature and verified by the SDK's verifier."""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.config import Settings
from lectern.models import Enrollment, Order, PaymentEvent, Role, Subscription
from tests.commerce.conftest import deliver_stripe, make_coupon, make_plans, run_worker
from tests.fixtures.accounts import create_user, sign_in
from tests.learning.courses import quick_course
from tests.stand_ins.stripe_api import StripeStandIn

Clients = Callable[[], httpx.AsyncClient]


async def _enrolled(db: AsyncSession, user_id: Any, course_id: Any) -> int:
    return int(
        await db.scalar(
            select(func.count()).where(
                Enrollment.user_id == user_id, Enrollment.course_id == course_id
            )
        )
        or 0
    )


async def _buy(client: httpx.AsyncClient, course_id: Any, **extra: Any) -> dict[str, Any]:
    response = await client.post(
        "/api/payments/checkout",
        json={"course_id": str(course_id), "provider": "stripe", **extra},
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    assert body["checkout_url"].startswith("https://checkout.stripe.com/")
    return body


async def test_the_same_webhook_twice_grants_one_enrolment_and_the_price_is_the_servers(
    providers: Settings,
    stripe: StripeStandIn,
    app_instance: FastAPI,
    make_client: Clients,
    db: AsyncSession,
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    course = await quick_course(db, teacher, "Sourdough", price_amount=4900)
    async with make_client() as s, make_client() as anyone:
        await sign_in(s, student.email)
        # A client-side price change is ignored: the server prices the course.
        started = await _buy(s, course.id, amount=1, price_amount=1, total=1)
        session = stripe.objects[
            next(
                o
                for o in stripe.objects
                if o.startswith("cs_test")
                and stripe.objects[o]["metadata"].get("lectern_order_id") == started["order_id"]
            )
        ]
        assert session["amount_total"] == 4900
        # Back from Stripe before the webhook: nothing granted by the return alone.
        await s.post(f"/api/payments/orders/{started['order_id']}/return")
        assert (await s.get(f"/api/payments/orders/{started['order_id']}")).json()[
            "status"
        ] == "pending"
        assert await _enrolled(db, student.id, course.id) == 0

        stripe.complete_checkout(session["id"], fee=172)
        events = stripe.take_events()
        for _ in range(2):
            for event in events:
                assert (await deliver_stripe(anyone, event)).status_code == 200
        assert await run_worker(app_instance) == len(events)
        assert await run_worker(app_instance) == 0
        assert await _enrolled(db, student.id, course.id) == 1
        order = (await s.get(f"/api/payments/orders/{started['order_id']}")).json()
        assert order["status"] == "paid"
        assert order["total_amount"] == 4900
        count = (await anyone.get(f"/api/catalog/courses/{course.slug}")).json()["enrollment_count"]
        assert count == 1
        stored = await db.scalar(select(func.count()).select_from(PaymentEvent))
        assert stored == len(events)
        fee = await db.scalar(select(Order.fee_amount).where(Order.user_id == student.id))
        assert fee == 172
        # The lesson opens now.
        lesson = await s.get(f"/api/catalog/courses/{course.slug}/lessons/{course.lesson_ids[-1]}")
        assert lesson.status_code == 200


async def test_a_bad_or_stale_signature_is_refused_and_changes_nothing(
    providers: Settings, stripe: StripeStandIn, make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    course = await quick_course(db, teacher, "Pottery", price_amount=3000)
    async with make_client() as s, make_client() as anyone:
        await sign_in(s, student.email)
        await _buy(s, course.id)
        session_id = next(
            k
            for k, v in stripe.objects.items()
            if k.startswith("cs_test") and v["status"] == "open" and v["amount_total"] == 3000
        )
        stripe.complete_checkout(session_id)
        event = next(e for e in stripe.take_events() if e["type"] == "checkout.session.completed")
        before = await db.scalar(select(func.count()).select_from(PaymentEvent))

        forged = await deliver_stripe(anyone, event, secret="whsec_someone_else")
        assert forged.status_code == 400
        assert forged.json()["code"] == "webhook_refused"
        stale = await deliver_stripe(anyone, event, at=int(time.time()) - 301)
        assert stale.status_code == 400
        tampered = dict(event, type="checkout.session.completed", id="evt_other")
        from tests.stand_ins.stripe_api import signed

        body, header = signed(event)
        changed = await anyone.post(
            "/api/payments/webhooks/stripe",
            content=body.replace(b'"amount_total": 3000', b'"amount_total": 1'),
            headers={"Stripe-Signature": header},
        )
        assert changed.status_code == 400
        assert tampered["id"] == "evt_other"
        assert await db.scalar(select(func.count()).select_from(PaymentEvent)) == before
        assert await _enrolled(db, student.id, course.id) == 0


async def _subscribe(s: httpx.AsyncClient, stripe: StripeStandIn, plan_id: Any) -> tuple[str, str]:
    response = await s.post(
        "/api/payments/checkout", json={"plan_id": str(plan_id), "provider": "stripe"}
    )
    assert response.status_code == 201, response.text
    ours = response.json()["subscription_id"]
    session_id = next(
        k
        for k, v in stripe.objects.items()
        if k.startswith("cs_test") and v["metadata"].get("lectern_subscription_id") == ours
    )
    stripe.complete_checkout(session_id)
    return ours, stripe.objects[session_id]["subscription"]


async def _life(
    stripe: StripeStandIn,
    app: FastAPI,
    s: httpx.AsyncClient,
    anyone: httpx.AsyncClient,
    plan_id: Any,
    course_slug: str,
    course_id: Any,
    deliver: Callable[[list[dict[str, Any]]], Any],
) -> str:
    ours, sub_id = await _subscribe(s, stripe, plan_id)
    await deliver(stripe.take_events())
    await run_worker(app)
    started = await s.post(f"/api/courses/{course_id}/enrollment")
    assert started.status_code == 201, started.text
    assert started.json()["source"] == "subscription"
    stripe.renew(sub_id)
    stripe.fail_renewal(sub_id)
    stripe.renew(sub_id)
    cancel = await s.post(f"/api/me/subscriptions/{ours}/cancel")
    assert cancel.status_code == 200, cancel.text
    assert cancel.json()["cancel_at_period_end"] is True
    stripe.renew(sub_id)  # the period ends: Stripe deletes the subscription
    await deliver(stripe.take_events())
    await run_worker(app)
    return ours


async def test_a_subscription_life_replayed_three_times_out_of_order_ends_the_same(
    providers: Settings,
    stripe: StripeStandIn,
    app_instance: FastAPI,
    make_client: Clients,
    db: AsyncSession,
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    once_student = await create_user(db)
    thrice_student = await create_user(db)
    course = await quick_course(db, teacher, "Bookbinding", price_amount=2500)
    offers = await make_plans(db)
    results = []
    async with make_client() as a, make_client() as b, make_client() as anyone:
        await sign_in(a, once_student.email)
        await sign_in(b, thrice_student.email)

        async def once(events: list[dict[str, Any]]) -> None:
            for event in events:
                assert (await deliver_stripe(anyone, event)).status_code == 200

        async def thrice_shuffled(events: list[dict[str, Any]]) -> None:
            replayed = events * 3
            random.Random(7).shuffle(replayed)
            for event in replayed:
                assert (await deliver_stripe(anyone, event)).status_code == 200

        for client, student, deliver in (
            (a, once_student, once),
            (b, thrice_student, thrice_shuffled),
        ):
            ours = await _life(
                stripe,
                app_instance,
                client,
                anyone,
                offers.monthly.id,
                course.slug,
                course.id,
                deliver,
            )
            subscription = await db.get(Subscription, uuid.UUID(ours), populate_existing=True)
            assert subscription is not None
            orders = (await client.get("/api/me/orders")).json()
            results.append(
                (
                    subscription.status,
                    subscription.grants_access,
                    sorted((o["status"], o["total_amount"], o["kind"]) for o in orders),
                    await _enrolled(db, student.id, course.id),
                )
            )
    assert results[0] == results[1]
    status, granting, orders, enrolled = results[0]
    assert status == "canceled"
    assert granting is False
    assert orders == [("paid", 2000, "subscription")] * 3
    assert enrolled == 0


async def test_a_full_refund_revokes_access_and_its_webhook_changes_nothing_more(
    providers: Settings,
    stripe: StripeStandIn,
    app_instance: FastAPI,
    make_client: Clients,
    db: AsyncSession,
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    student = await create_user(db)
    course = await quick_course(db, teacher, "Calligraphy", price_amount=6000)
    async with make_client() as s, make_client() as a, make_client() as anyone:
        await sign_in(s, student.email)
        await sign_in(a, admin.email)
        started = await _buy(s, course.id)
        session_id = next(
            k
            for k, v in stripe.objects.items()
            if k.startswith("cs_test")
            and v["metadata"].get("lectern_order_id") == started["order_id"]
        )
        stripe.complete_checkout(session_id)
        for event in stripe.take_events():
            await deliver_stripe(anyone, event)
        await run_worker(app_instance)
        assert await _enrolled(db, student.id, course.id) == 1
        url = f"/api/admin/orders/{started['order_id']}/refunds"
        assert (await s.post(url, json={"amount": 100})).status_code == 403
        too_much = await a.post(url, json={"amount": 6001})
        assert too_much.status_code == 422
        assert too_much.json()["code"] == "refund_too_large"
        partial = await a.post(url, json={"amount": 1000, "reason": "Late start"})
        assert partial.status_code == 201, partial.text
        assert partial.json()["status"] == "partially_refunded"
        assert await _enrolled(db, student.id, course.id) == 1
        rest = await a.post(url, json={})
        assert rest.json()["status"] == "refunded"
        assert rest.json()["refunded_amount"] == 6000
        assert await _enrolled(db, student.id, course.id) == 0
        for event in stripe.take_events():  # refund.created, twice
            await deliver_stripe(anyone, event)
            await deliver_stripe(anyone, event)
        await run_worker(app_instance)
        order = (await a.get(f"/api/admin/orders/{started['order_id']}")).json()
        assert order["refunded_amount"] == 6000
        assert len(order["refunds"]) == 2
        locked = await s.get(f"/api/catalog/courses/{course.slug}/lessons/{course.lesson_ids[-1]}")
        assert locked.status_code == 403
        # A refund's idempotency key: the same refund request was sent once per refund.
        keys = [k for m, p, _, k in stripe.requests if p == "refunds" and m == "POST"]
        assert len(keys) == len(set(keys)) == 2


async def test_a_subscription_discount_and_the_customer_portal(
    providers: Settings,
    stripe: StripeStandIn,
    app_instance: FastAPI,
    make_client: Clients,
    db: AsyncSession,
) -> None:
    student = await create_user(db)
    offers = await make_plans(db)
    coupon = await make_coupon(db, percent_off=50, duration="repeating", duration_months=3)
    async with make_client() as s, make_client() as anyone:
        await sign_in(s, student.email)
        quote = await s.post(
            "/api/payments/quote",
            json={"plan_id": str(offers.monthly.id), "coupon_code": coupon.code.lower()},
        )
        assert quote.json()["total"] == 1000
        assert quote.json()["later_total"] == 2000
        assert quote.json()["discount_applies_to"] == "the first 3 months"
        response = await s.post(
            "/api/payments/checkout",
            json={
                "plan_id": str(offers.monthly.id),
                "coupon_code": coupon.code,
                "provider": "stripe",
            },
        )
        assert response.status_code == 201, response.text
        ours = response.json()["subscription_id"]
        session = next(
            v
            for v in stripe.objects.values()
            if v.get("object") == "checkout.session"
            and v["metadata"].get("lectern_subscription_id") == ours
        )
        assert session["amount_total"] == 1000
        stripe.complete_checkout(session["id"])
        for event in stripe.take_events():
            await deliver_stripe(anyone, event)
        await run_worker(app_instance)
        mine = (await s.get("/api/me/subscriptions")).json()
        assert mine[0]["status"] == "active"
        assert mine[0]["can_manage_at_provider"] is True
        portal = await s.post(f"/api/me/subscriptions/{ours}/portal")
        assert portal.json()["url"].startswith("https://billing.stripe.com/")
        orders = (await s.get("/api/me/orders")).json()
        assert [(o["total_amount"], o["discount_amount"]) for o in orders] == [(1000, 1000)]
        # Plan change: Stripe prorates, the subscription moves to the yearly plan.
        changed = await s.post(
            f"/api/me/subscriptions/{ours}/plan", json={"plan_id": str(offers.yearly.id)}
        )
        assert changed.status_code == 200, changed.text
        assert changed.json()["subscription"]["plan"]["id"] == str(offers.yearly.id)
        # A second subscription is refused while one is live.
        again = await s.post(
            "/api/payments/checkout", json={"plan_id": str(offers.monthly.id), "provider": "stripe"}
        )
        assert again.status_code == 409
        assert again.json()["code"] == "already_subscribed"


@pytest.mark.parametrize("kind", ["expired", "exhausted"])
async def test_an_expired_or_exhausted_coupon_is_refused_with_a_clear_message(
    kind: str, providers: Settings, make_client: Clients, db: AsyncSession
) -> None:
    from datetime import timedelta

    from lectern.models.base import utcnow

    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    course = await quick_course(db, teacher, "Weaving", price_amount=2000)
    fields: dict[str, Any] = (
        {"ends_at": utcnow() - timedelta(days=1)}
        if kind == "expired"
        else {"max_redemptions": 3, "redeemed_count": 3}
    )
    coupon = await make_coupon(db, **fields)
    async with make_client() as s:
        await sign_in(s, student.email)
        body = {"course_id": str(course.id), "coupon_code": coupon.code}
        for url in ("/api/payments/quote", "/api/payments/checkout"):
            refused = await s.post(url, json=body)
            assert refused.status_code == 409, refused.text
            assert refused.json()["code"] == f"coupon_{kind}"
            expected = "expired on" if kind == "expired" else "has been used up"
            assert expected in refused.json()["message"]
        assert (await s.get("/api/me/orders")).json() == []
