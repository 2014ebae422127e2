"""The offline test provider: no account anywhere, no real money.

It behaves like a hosted-checkout provider: a checkout is a page of our own
(/checkout/test/<id>, labelled "Test payments — no real money") where the buyer picks a test
card; paying there makes the provider send signed webhook events (the Stripe signature scheme,
with a secret derived from the install's key) through the same webhook pipeline as Stripe's
and PayPal's, and the worker grants access from them. Its records (checkouts, subscriptions,
refunds) are its own table, re-read when events are processed, as a real provider's objects
are. Its subscriptions renew on a clock the worker's beat runs (and a test clock can jump to
a period's end).
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.commerce.providers.base import (
    CheckoutClosed,
    CheckoutPaid,
    CourseCheckout,
    Fact,
    InboundEvent,
    PlanRef,
    Redirect,
    RefundResult,
    RefundSettled,
    SubscriptionChanged,
    SubscriptionCheckout,
    SubscriptionPaid,
    SubscriptionSnapshot,
    WebhookRefused,
)
from lectern.commerce.signatures import sign, verify
from lectern.config import Settings
from lectern.errors import Conflict, NotFound
from lectern.kit.queue import JobBuffer
from lectern.models import (
    BillingInterval,
    CouponDuration,
    PaymentProvider,
    SubscriptionStatus,
    TestPaymentObject,
)
from lectern.models.base import utcnow

SIGNATURE_HEADER = "lectern-test-signature"
CARDS = {
    "4242424242424242": "ok",
    "4000000000000002": "declined",
    "4000000000000341": "fails_at_renewal",
}


def webhook_secret(settings: Settings) -> str:
    return hmac.new(settings.signing_key(), b"test-payments-webhook", hashlib.sha256).hexdigest()


def test_fee(amount: int) -> int:
    """A pretend fee (2.9% + 30), so the fee column means something in a demo."""
    return 0 if amount == 0 else (amount * 29 + 500) // 1000 + 30


def _ts(moment: datetime | None) -> int | None:
    return int(moment.timestamp()) if moment else None


def _dt(value: Any) -> datetime | None:
    return datetime.fromtimestamp(int(value), UTC) if value is not None else None


def _add_months(moment: datetime, months: int) -> datetime:
    month = moment.month - 1 + months
    year = moment.year + month // 12
    month = month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def period_end(settings: Settings, start: datetime, interval: str) -> datetime:
    if settings.payments_test_period is not None:
        return start + settings.payments_test_period
    return _add_months(start, 12 if interval == BillingInterval.year.value else 1)


def plan_ref(plan_id: uuid.UUID) -> str:
    return f"tplan_{plan_id}"


class TestStore:
    """The provider's own records."""

    __test__ = False

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, object_id: str, kind: str, *, lock: bool = False) -> dict[str, Any]:
        statement = select(TestPaymentObject).where(
            TestPaymentObject.id == object_id, TestPaymentObject.kind == kind
        )
        if lock:
            statement = statement.with_for_update()
        found = await self.session.scalar(statement)
        if found is None:
            raise NotFound(f"No such test {kind}.")
        return dict(found.data)

    async def put(self, data: dict[str, Any], kind: str) -> dict[str, Any]:
        found = await self.session.get(TestPaymentObject, data["id"])
        if found is None:
            self.session.add(TestPaymentObject(id=data["id"], kind=kind, data=data))
        else:
            found.data = data
            found.updated_at = utcnow()
        await self.session.flush()
        return data

    async def all(self, kind: str) -> list[dict[str, Any]]:
        found = await self.session.scalars(
            select(TestPaymentObject).where(TestPaymentObject.kind == kind)
        )
        return [dict(o.data) for o in found]


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


def snapshot_of(sub: dict[str, Any]) -> SubscriptionSnapshot:
    return SubscriptionSnapshot(
        provider_subscription_id=sub["id"],
        subscription_id=uuid.UUID(sub["subscription_id"]),
        status=SubscriptionStatus(sub["status"]),
        current_period_start=_dt(sub.get("current_period_start")),
        current_period_end=_dt(sub.get("current_period_end")),
        trial_end=_dt(sub.get("trial_end")),
        cancel_at_period_end=bool(sub.get("cancel_at_period_end")),
        canceled_at=_dt(sub.get("canceled_at")),
        ended_at=_dt(sub.get("ended_at")),
        plan_ref=sub["plan"],
        customer_id=sub.get("customer"),
    )


class TestGateway:
    __test__ = False
    name = PaymentProvider.test

    def __init__(self, settings: Settings, session: AsyncSession) -> None:
        self.settings = settings
        self.store = TestStore(session)

    def _page(self, checkout_id: str) -> str:
        return f"{self.settings.public_url.rstrip('/')}/checkout/test/{checkout_id}"

    async def start_course_checkout(self, checkout: CourseCheckout) -> Redirect:
        data: dict[str, Any] = {
            "id": _new_id("tcs"),
            "mode": "payment",
            "status": "open",
            "order_id": str(checkout.order_id),
            "description": checkout.description,
            "currency": checkout.currency,
            "amount_total": checkout.amount,
            "customer": str(checkout.buyer.user_id),
            "customer_email": checkout.buyer.email,
            "success_url": checkout.success_url,
            "cancel_url": checkout.cancel_url,
            "created": _ts(utcnow()),
        }
        await self.store.put(data, "checkout")
        return Redirect(self._page(data["id"]), data["id"], str(checkout.buyer.user_id))

    async def start_subscription_checkout(self, checkout: SubscriptionCheckout) -> Redirect:
        plan, discount = checkout.plan, checkout.discount
        data: dict[str, Any] = {
            "id": _new_id("tcs"),
            "mode": "subscription",
            "status": "open",
            "subscription_id": str(checkout.subscription_id),
            "description": f"{plan.name} subscription",
            "currency": plan.currency,
            "amount_total": discount.first_amount if discount else plan.amount,
            "plan": plan_ref(plan.plan_id),
            "plan_name": plan.name,
            "plan_amount": plan.amount,
            "interval": plan.interval.value,
            "trial_days": plan.trial_days,
            "discount": None
            if discount is None
            else {
                "code": discount.code,
                "duration": discount.duration.value,
                "months": discount.duration_months,
                "first_amount": discount.first_amount,
                "later_amount": discount.later_amount,
            },
            "customer": str(checkout.buyer.user_id),
            "customer_email": checkout.buyer.email,
            "success_url": checkout.success_url,
            "cancel_url": checkout.cancel_url,
            "created": _ts(utcnow()),
        }
        await self.store.put(data, "checkout")
        return Redirect(
            self._page(data["id"]), data["id"], str(checkout.buyer.user_id), plan_ref(plan.plan_id)
        )

    async def confirm_return(self, checkout_id: str) -> None:
        return None

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> InboundEvent:
        if not verify(body, headers.get(SIGNATURE_HEADER), webhook_secret(self.settings)):
            raise WebhookRefused("The test provider's signature is missing, wrong or stale.")
        event = json.loads(body)
        return InboundEvent(
            event_id=str(event["id"]),
            type=str(event["type"]),
            occurred_at=datetime.fromtimestamp(int(event["created"]), UTC),
            payload=event,
        )

    async def verify_webhook_remotely(
        self, headers: Mapping[str, str], event: InboundEvent
    ) -> None:
        return None

    async def facts_of(self, event: InboundEvent) -> list[Fact]:
        obj: dict[str, Any] = event.payload["data"]["object"]
        kind = event.type
        if kind == "checkout.completed":
            checkout = await self.store.get(obj["id"], "checkout")
            if checkout["status"] != "complete":
                return []
            if checkout["mode"] == "payment":
                return [
                    CheckoutPaid(
                        order_id=uuid.UUID(checkout["order_id"]),
                        payment_id=checkout["payment_id"],
                        amount=checkout["amount_total"],
                        fee=test_fee(checkout["amount_total"]),
                        customer_id=checkout["customer"],
                    )
                ]
            sub = await self.store.get(checkout["subscription"], "subscription")
            return [SubscriptionChanged(snapshot_of(sub), checkout_id=checkout["id"])]
        if kind == "checkout.expired":
            checkout = await self.store.get(obj["id"], "checkout")
            if checkout["status"] != "expired":
                return []
            return [
                CheckoutClosed(
                    checkout_id=checkout["id"],
                    order_id=uuid.UUID(checkout["order_id"]) if "order_id" in checkout else None,
                    subscription_id=uuid.UUID(checkout["subscription_id"])
                    if "subscription_id" in checkout
                    else None,
                )
            ]
        if kind.startswith("subscription.") or kind == "invoice.payment_failed":
            sub = await self.store.get(obj.get("subscription") or obj["id"], "subscription")
            return [SubscriptionChanged(snapshot_of(sub))]
        if kind == "invoice.paid":
            sub = await self.store.get(obj["subscription"], "subscription")
            paid = SubscriptionPaid(
                provider_subscription_id=sub["id"],
                subscription_id=uuid.UUID(sub["subscription_id"]),
                payment_id=obj["id"],
                currency=obj["currency"],
                subtotal=obj["subtotal"],
                discount=obj["subtotal"] - obj["total"],
                total=obj["total"],
                fee=test_fee(obj["total"]),
                period_start=_dt(obj["period_start"]),
                period_end=_dt(obj["period_end"]),
                paid_at=_dt(obj["created"]) or event.occurred_at,
            )
            return [paid, SubscriptionChanged(snapshot_of(sub))]
        if kind == "refund.updated":
            refund = await self.store.get(obj["id"], "refund")
            return [
                RefundSettled(
                    payment_id=refund["payment"],
                    refund_id=refund["id"],
                    amount=refund["amount"],
                    succeeded=refund["status"] == "succeeded",
                )
            ]
        return []

    async def fetch_subscription(self, provider_subscription_id: str) -> SubscriptionSnapshot:
        return snapshot_of(await self.store.get(provider_subscription_id, "subscription"))

    async def refund(
        self, *, payment_id: str, amount: int, currency: str, refund_id: uuid.UUID, kind: str
    ) -> RefundResult:
        existing = [r for r in await self.store.all("refund") if r["key"] == str(refund_id)]
        if existing:  # the same request again: the same refund (an idempotency key)
            return RefundResult(existing[0]["id"], True)
        data: dict[str, Any] = {
            "id": _new_id("tre"),
            "key": str(refund_id),
            "payment": payment_id,
            "amount": amount,
            "currency": currency,
            "status": "succeeded",
            "created": _ts(utcnow()),
        }
        await self.store.put(data, "refund")
        return RefundResult(data["id"], True)

    async def set_cancel_at_period_end(
        self, provider_subscription_id: str, cancel: bool
    ) -> SubscriptionSnapshot:
        sub = await self.store.get(provider_subscription_id, "subscription", lock=True)
        if sub["status"] == "canceled":
            raise Conflict("This subscription has ended.", code="subscription_ended")
        sub["cancel_at_period_end"] = cancel
        sub["canceled_at"] = _ts(utcnow()) if cancel else None
        return snapshot_of(await self.store.put(sub, "subscription"))

    async def cancel_now(self, provider_subscription_id: str) -> SubscriptionSnapshot:
        sub = await self.store.get(provider_subscription_id, "subscription", lock=True)
        now = _ts(utcnow())
        sub.update(status="canceled", ended_at=now, canceled_at=sub.get("canceled_at") or now)
        return snapshot_of(await self.store.put(sub, "subscription"))

    async def change_plan(
        self, provider_subscription_id: str, plan: PlanRef, return_url: str
    ) -> tuple[SubscriptionSnapshot | None, Redirect | None]:
        sub = await self.store.get(provider_subscription_id, "subscription", lock=True)
        sub.update(
            plan=plan_ref(plan.plan_id),
            plan_amount=plan.amount,
            interval=plan.interval.value,
            currency=plan.currency,
        )
        return snapshot_of(await self.store.put(sub, "subscription")), None

    async def portal_url(self, customer_id: str, return_url: str) -> str | None:
        return None


# --- the hosted page and the provider's own clock -------------------------------------------


class TestProviderActions:
    """What the test checkout page and the provider's clock do: each emits the signed events
    a real provider would send, into the ordinary webhook pipeline."""

    __test__ = False

    def __init__(self, settings: Settings, session: AsyncSession, jobs: JobBuffer) -> None:
        self.settings = settings
        self.session = session
        self.jobs = jobs
        self.store = TestStore(session)

    async def checkout(self, checkout_id: str) -> dict[str, Any]:
        return await self.store.get(checkout_id, "checkout")

    async def pay(self, checkout_id: str, card_number: str) -> dict[str, Any]:
        """Pay a checkout with a test card; a declined card changes nothing (the page says
        so and the buyer may try another)."""
        checkout = await self.store.get(checkout_id, "checkout", lock=True)
        if checkout["status"] != "open":
            raise Conflict("This checkout is closed.", code="checkout_closed")
        behaviour = CARDS.get(card_number.replace(" ", ""))
        if behaviour is None:
            raise Conflict("Use one of the test cards listed on this page.", code="card_unknown")
        if behaviour == "declined":
            raise Conflict("The test card was declined. Try another.", code="card_declined")
        now = utcnow()
        checkout["status"] = "complete"
        if checkout["mode"] == "payment":
            checkout["payment_id"] = _new_id("tpay")
            await self.store.put(checkout, "checkout")
            await self._emit("checkout.completed", {"id": checkout_id})
            return checkout
        trial_days = int(checkout.get("trial_days") or 0)
        trial_end = now + timedelta(days=trial_days) if trial_days else None
        if trial_end and self.settings.payments_test_period is not None:
            trial_end = now + self.settings.payments_test_period
        sub = {
            "id": _new_id("tsub"),
            "subscription_id": checkout["subscription_id"],
            "status": "trialing" if trial_end else "active",
            "plan": checkout["plan"],
            "plan_amount": checkout["plan_amount"],
            "currency": checkout["currency"],
            "interval": checkout["interval"],
            "discount": checkout.get("discount"),
            "card": behaviour,
            "customer": checkout["customer"],
            "current_period_start": _ts(now),
            "current_period_end": _ts(
                trial_end or period_end(self.settings, now, checkout["interval"])
            ),
            "trial_end": _ts(trial_end),
            "cancel_at_period_end": False,
            "canceled_at": None,
            "ended_at": None,
            "payments": 0,
        }
        checkout["subscription"] = sub["id"]
        await self.store.put(checkout, "checkout")
        await self.store.put(sub, "subscription")
        await self._emit("checkout.completed", {"id": checkout_id})
        if not trial_end:
            await self._invoice(sub, now)
        await self._emit("subscription.updated", {"id": sub["id"]})
        return checkout

    async def abandon(self, checkout_id: str) -> dict[str, Any]:
        """The buyer cancelled on the page: the checkout expires and says so."""
        checkout = await self.store.get(checkout_id, "checkout", lock=True)
        if checkout["status"] == "open":
            checkout["status"] = "expired"
            await self.store.put(checkout, "checkout")
            await self._emit("checkout.expired", {"id": checkout_id})
        return checkout

    async def end_period_now(self, provider_subscription_id: str) -> None:
        """The test clock: the current period (or trial) ends now, and the provider does
        what it does at a period's end."""
        sub = await self.store.get(provider_subscription_id, "subscription", lock=True)
        if sub["status"] == "canceled":
            raise Conflict("This subscription has ended.", code="subscription_ended")
        sub["current_period_end"] = _ts(utcnow())
        await self.store.put(sub, "subscription")
        await self._period_over(sub, utcnow())

    async def pay_overdue(self, provider_subscription_id: str) -> None:
        """A working card replaces the failing one and the overdue payment goes through."""
        sub = await self.store.get(provider_subscription_id, "subscription", lock=True)
        if sub["status"] != "past_due":
            raise Conflict("Nothing is overdue.", code="nothing_overdue")
        now = utcnow()
        sub.update(card="ok", status="active", current_period_start=_ts(now))
        sub["current_period_end"] = _ts(period_end(self.settings, now, sub["interval"]))
        await self.store.put(sub, "subscription")
        await self._invoice(sub, now)
        await self._emit("subscription.updated", {"id": sub["id"]})

    async def run_clock(self) -> int:
        """Every subscription whose period ended: renew, fail, or end it."""
        now = utcnow()
        done = 0
        for sub in await self.store.all("subscription"):
            if sub["status"] in ("canceled", "past_due"):
                continue
            if int(sub["current_period_end"]) <= int(now.timestamp()):
                await self._period_over(sub, now)
                done += 1
        return done

    async def _period_over(self, sub: dict[str, Any], now: datetime) -> None:
        if sub.get("cancel_at_period_end"):
            sub.update(status="canceled", ended_at=_ts(now))
            await self.store.put(sub, "subscription")
            await self._emit("subscription.deleted", {"id": sub["id"]})
            return
        if sub["card"] == "fails_at_renewal":
            sub["status"] = "past_due"
            await self.store.put(sub, "subscription")
            await self._emit(
                "invoice.payment_failed", {"id": _new_id("tinv"), "subscription": sub["id"]}
            )
            return
        sub.update(
            status="active",
            trial_end=sub.get("trial_end"),
            current_period_start=_ts(now),
            current_period_end=_ts(period_end(self.settings, now, sub["interval"])),
        )
        await self.store.put(sub, "subscription")
        await self._invoice(sub, now)
        await self._emit("subscription.updated", {"id": sub["id"]})

    async def _invoice(self, sub: dict[str, Any], now: datetime) -> None:
        amount = int(sub["plan_amount"])
        total = amount
        discount = sub.get("discount")
        if discount:
            paid = int(sub.get("payments", 0))
            discounted = {
                CouponDuration.once.value: paid == 0,
                CouponDuration.forever.value: True,
                CouponDuration.repeating.value: paid
                < _payments_in(int(discount.get("months") or 1), sub["interval"]),
            }[discount["duration"]]
            if discounted:
                total = int(discount["first_amount"])
        sub["payments"] = int(sub.get("payments", 0)) + 1
        await self.store.put(sub, "subscription")
        invoice = {
            "id": _new_id("tinv"),
            "subscription": sub["id"],
            "currency": sub["currency"],
            "subtotal": amount,
            "total": total,
            "period_start": sub["current_period_start"],
            "period_end": sub["current_period_end"],
            "created": _ts(now),
        }
        await self._emit("invoice.paid", invoice)

    async def _emit(self, kind: str, obj: dict[str, Any]) -> None:
        from lectern.commerce.webhooks import receive_webhook

        event = {
            "id": _new_id("tevt"),
            "type": kind,
            "created": _ts(utcnow()),
            "data": {"object": obj},
        }
        body = json.dumps(event, separators=(",", ":")).encode()
        headers = {SIGNATURE_HEADER: sign(body, webhook_secret(self.settings))}
        await receive_webhook(
            self.session, self.settings, self.jobs, PaymentProvider.test, headers, body
        )


def _payments_in(months: int, interval: str) -> int:
    return max(1, -(-months // 12)) if interval == BillingInterval.year.value else months
