"""The offline test provider runs the same flow as the real ones: its hosted page takes a test
card, its signed events go through the webhook pipeline, the worker grants access; its clock
renews, fails and ends subscriptions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Enrollment, Role
from tests.commerce.conftest import make_coupon, make_plans, run_worker
from tests.fixtures.accounts import create_user, sign_in
from tests.learning.courses import quick_course

Clients = Callable[[], httpx.AsyncClient]


async def _enrolled(db: AsyncSession, user_id: Any, course_id: Any) -> int:
    found = await db.scalar(
        select(func.count()).where(Enrollment.user_id == user_id, Enrollment.course_id == course_id)
    )
    return int(found or 0)


def _checkout_id(url: str) -> str:
    assert "/checkout/test/" in url
    return url.rsplit("/", 1)[-1]


@pytest.mark.sqlite
async def test_buying_with_a_coupon_through_the_test_provider(
    app_instance: FastAPI, make_client: Clients, db: AsyncSession, outbox: Any
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    other = await create_user(db)
    course = await quick_course(db, teacher, "Origami", price_amount=5000)
    coupon = await make_coupon(db, percent_off=20)
    async with make_client() as s, make_client() as o:
        await sign_in(s, student.email)
        await sign_in(o, other.email)
        config = (await s.get("/api/payments/config")).json()
        assert config["providers"] == [{"id": "test", "label": "Test payment", "test_mode": True}]
        quote = (
            await s.post(
                "/api/payments/quote",
                json={"course_id": str(course.id), "coupon_code": coupon.code},
            )
        ).json()
        assert (quote["subtotal"], quote["discount"], quote["total"]) == (5000, 1000, 4000)
        started = await s.post(
            "/api/payments/checkout", json={"course_id": str(course.id), "coupon_code": coupon.code}
        )
        assert started.status_code == 201, started.text
        checkout = _checkout_id(started.json()["checkout_url"])
        page = (await s.get(f"/api/payments/test/checkouts/{checkout}")).json()
        assert page["amount_total"] == 4000
        assert page["coupon_code"] is None  # coupons apply before: the page shows the total
        assert (await o.get(f"/api/payments/test/checkouts/{checkout}")).status_code == 404
        declined = await s.post(
            f"/api/payments/test/checkouts/{checkout}/pay",
            json={"card_number": "4000 0000 0000 0002"},
        )
        assert declined.status_code == 409
        assert declined.json()["code"] == "card_declined"
        paid = await s.post(
            f"/api/payments/test/checkouts/{checkout}/pay",
            json={"card_number": "4242 4242 4242 4242"},
        )
        assert paid.status_code == 200, paid.text
        assert "/checkout/complete?order=" in paid.json()["redirect_url"]
        await run_worker(app_instance)
        assert await _enrolled(db, student.id, course.id) == 1
        order = (await s.get(f"/api/payments/orders/{started.json()['order_id']}")).json()
        assert (order["status"], order["total_amount"], order["coupon_code"]) == (
            "paid",
            4000,
            coupon.code,
        )
        # The coupon was for one use per person.
        again = await o.post(
            "/api/payments/quote", json={"course_id": str(course.id), "coupon_code": coupon.code}
        )
        assert again.status_code == 200
        mine = await s.post("/api/payments/checkout", json={"course_id": str(course.id)})
        assert mine.json()["code"] == "already_owned"
        receipt = outbox.last(student.email, "receipt")
        assert "Total paid: 40.00 USD" in receipt.body
        assert (
            await o.get(f"/api/payments/orders/{started.json()['order_id']}")
        ).status_code == 404


async def test_a_test_subscription_with_a_trial_renews_fails_pauses_and_ends(
    app_instance: FastAPI, make_client: Clients, db: AsyncSession
) -> None:
    from datetime import timedelta

    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    course = await quick_course(db, teacher, "Juggling", price_amount=3000)
    offers = await make_plans(db, trial_days=7)
    async with make_client() as s:
        await sign_in(s, student.email)
        started = await s.post("/api/payments/checkout", json={"plan_id": str(offers.monthly.id)})
        ours = started.json()["subscription_id"]
        checkout = _checkout_id(started.json()["checkout_url"])
        await s.post(
            f"/api/payments/test/checkouts/{checkout}/pay", json={"card_number": "4000000000000341"}
        )
        await run_worker(app_instance)
        mine = (await s.get(f"/api/me/subscriptions/{ours}")).json()
        assert mine["status"] == "trialing"
        assert (await s.get("/api/me/orders")).json() == []  # a free trial costs nothing
        enrol = await s.post(f"/api/courses/{course.id}/enrollment")
        assert enrol.status_code == 201, enrol.text
        # The trial ends; the card fails: past due, access continues through the grace period.
        assert (
            await s.post(f"/api/payments/test/subscriptions/{ours}/end-period")
        ).status_code == 204
        await run_worker(app_instance)
        mine = (await s.get(f"/api/me/subscriptions/{ours}")).json()
        assert mine["status"] == "past_due"
        assert mine["grants_access"] is True
        assert mine["grace_ends_at"] is not None
        assert await _enrolled(db, student.id, course.id) == 1
        # Past the grace period the sweep pauses it and the enrolment is set aside.
        from lectern.commerce.subscriptions import sweep

        short = app_instance.state.settings.model_copy(
            update={"payments_grace_period": timedelta(0)}
        )
        await sweep(app_instance.state.sessionmaker, short)
        assert (await s.get(f"/api/me/subscriptions/{ours}")).json()["status"] == "paused"
        assert await _enrolled(db, student.id, course.id) == 0
        # Paying brings everything back, progress and all.
        assert (
            await s.post(f"/api/payments/test/subscriptions/{ours}/pay-overdue")
        ).status_code == 204
        await run_worker(app_instance)
        assert (await s.get(f"/api/me/subscriptions/{ours}")).json()["status"] == "active"
        assert await _enrolled(db, student.id, course.id) == 1
        assert [o["total_amount"] for o in (await s.get("/api/me/orders")).json()] == [2000]
        # Cancel, then the period ends: access ends.
        await s.post(f"/api/me/subscriptions/{ours}/cancel")
        await s.post(f"/api/payments/test/subscriptions/{ours}/end-period")
        await run_worker(app_instance)
        assert (await s.get(f"/api/me/subscriptions/{ours}")).json()["status"] == "canceled"
        assert await _enrolled(db, student.id, course.id) == 0
        landing = (await s.get(f"/api/courses/{course.id}/enrollment")).json()
        assert landing["access"] == "previews"
        assert landing["included_in_subscription"] is False
