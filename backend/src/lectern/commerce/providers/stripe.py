"""Stripe through its official SDK (async calls over httpx): Checkout Sessions for purchases
and subscriptions, the customer portal, refunds; webhooks verified by the SDK's own
verifier (Stripe-Signature, 300 s tolerance). Every call that creates something carries an
idempotency key derived from our record, so a retried request makes nothing twice."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import stripe

from lectern.commerce.providers.base import (
    CheckoutClosed,
    CheckoutPaid,
    CourseCheckout,
    Discount,
    Fact,
    InboundEvent,
    PlanRef,
    ProviderFailed,
    Redirect,
    RefundResult,
    RefundSettled,
    SubscriptionChanged,
    SubscriptionCheckout,
    SubscriptionPaid,
    SubscriptionSnapshot,
    WebhookRefused,
)
from lectern.config import Settings
from lectern.models import PaymentProvider, SubscriptionStatus
from lectern.models.base import utcnow

TOLERANCE_SECONDS = 300
STATUSES = {
    "trialing": SubscriptionStatus.trialing,
    "active": SubscriptionStatus.active,
    "past_due": SubscriptionStatus.past_due,
    "unpaid": SubscriptionStatus.paused,
    "paused": SubscriptionStatus.paused,
    "canceled": SubscriptionStatus.canceled,
    "incomplete": SubscriptionStatus.incomplete,
    "incomplete_expired": SubscriptionStatus.expired,
}
SUBSCRIPTION_EVENTS = {
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
    "customer.subscription.paused",
    "customer.subscription.resumed",
    "invoice.payment_failed",
}


def _dt(value: Any) -> datetime | None:
    return datetime.fromtimestamp(int(value), UTC) if value else None


def _id(value: Any) -> str | None:
    """An expandable field: an id, or the object itself."""
    if value is None:
        return None
    return str(value["id"]) if isinstance(value, dict) else str(value)


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


class StripeGateway:
    name = PaymentProvider.stripe

    def __init__(self, settings: Settings) -> None:
        assert settings.stripe_secret_key
        self.settings = settings
        self.client = stripe.StripeClient(
            settings.stripe_secret_key,
            base_addresses={"api": settings.stripe_api_base},
            http_client=stripe.HTTPXClient(),
            max_network_retries=2,
        )

    async def _do(self, call: Any) -> dict[str, Any]:
        try:
            found = await call
        except stripe.StripeError as error:
            raise ProviderFailed(f"Stripe: {error.user_message or error}") from error
        result: dict[str, Any] = found.to_dict()
        return result

    # --- checkout -----------------------------------------------------------------------

    async def _customer(self, checkout_buyer: Any) -> str:
        if checkout_buyer.customer_id:
            return str(checkout_buyer.customer_id)
        customer = await self._do(
            self.client.v1.customers.create_async(
                params={
                    "email": checkout_buyer.email,
                    "name": checkout_buyer.name,
                    "metadata": {"lectern_user_id": str(checkout_buyer.user_id)},
                },
                options={"idempotency_key": f"lectern-customer-{checkout_buyer.user_id}"},
            )
        )
        return str(customer["id"])

    def _expires_at(self) -> int:
        hold = min(
            max(self.settings.payments_checkout_hold, timedelta(minutes=31)), timedelta(hours=23)
        )
        return int((utcnow() + hold).timestamp())

    async def start_course_checkout(self, checkout: CourseCheckout) -> Redirect:
        customer = await self._customer(checkout.buyer)
        metadata = {"lectern_order_id": str(checkout.order_id)}
        session = await self._do(
            self.client.v1.checkout.sessions.create_async(
                params={
                    "mode": "payment",
                    "customer": customer,
                    "client_reference_id": str(checkout.order_id),
                    "line_items": [
                        {
                            "quantity": 1,
                            "price_data": {
                                "currency": checkout.currency.lower(),
                                "unit_amount": checkout.amount,
                                "product_data": {"name": checkout.description},
                            },
                        }
                    ],
                    "metadata": metadata,
                    "payment_intent_data": {"metadata": metadata},
                    "success_url": checkout.success_url,
                    "cancel_url": checkout.cancel_url,
                    "expires_at": self._expires_at(),
                },
                options={"idempotency_key": f"lectern-checkout-{checkout.order_id}"},
            )
        )
        return Redirect(str(session["url"]), str(session["id"]), customer)

    async def _price(self, plan: PlanRef) -> str:
        if plan.stripe_price_id:
            return plan.stripe_price_id
        price = await self._do(
            self.client.v1.prices.create_async(
                params={
                    "currency": plan.currency.lower(),
                    "unit_amount": plan.amount,
                    "recurring": {"interval": plan.interval.value},
                    "product_data": {"name": plan.name},
                    "metadata": {"lectern_plan_id": str(plan.plan_id)},
                },
                options={
                    "idempotency_key": f"lectern-price-{plan.plan_id}-{plan.amount}-{plan.interval}"
                },
            )
        )
        return str(price["id"])

    async def _coupon(self, discount: Discount, currency: str) -> str:
        coupon_id = f"lectern-{discount.coupon_id}"
        try:
            await self.client.v1.coupons.retrieve_async(coupon_id)
            return coupon_id
        except stripe.InvalidRequestError as error:
            if error.code != "resource_missing":
                raise ProviderFailed(f"Stripe: {error.user_message or error}") from error
        params: dict[str, Any] = {
            "id": coupon_id,
            "name": discount.code,
            "duration": discount.duration.value,
        }
        if discount.percent_off is not None:
            params["percent_off"] = discount.percent_off
        else:
            params["amount_off"] = discount.amount_off
            params["currency"] = currency.lower()
        if discount.duration_months:
            params["duration_in_months"] = discount.duration_months
        await self._do(
            self.client.v1.coupons.create_async(
                params=params,  # type: ignore[arg-type]
                options={"idempotency_key": f"lectern-coupon-{discount.coupon_id}"},
            )
        )
        return coupon_id

    async def start_subscription_checkout(self, checkout: SubscriptionCheckout) -> Redirect:
        customer = await self._customer(checkout.buyer)
        price = await self._price(checkout.plan)
        metadata = {"lectern_subscription_id": str(checkout.subscription_id)}
        subscription_data: dict[str, Any] = {"metadata": metadata}
        if checkout.plan.trial_days:
            subscription_data["trial_period_days"] = checkout.plan.trial_days
        params: dict[str, Any] = {
            "mode": "subscription",
            "customer": customer,
            "client_reference_id": str(checkout.subscription_id),
            "line_items": [{"price": price, "quantity": 1}],
            "subscription_data": subscription_data,
            "metadata": metadata,
            "success_url": checkout.success_url,
            "cancel_url": checkout.cancel_url,
            "expires_at": self._expires_at(),
        }
        if checkout.discount is not None:
            params["discounts"] = [
                {"coupon": await self._coupon(checkout.discount, checkout.plan.currency)}
            ]
        session = await self._do(
            self.client.v1.checkout.sessions.create_async(
                params=params,  # type: ignore[arg-type]
                options={"idempotency_key": f"lectern-checkout-{checkout.subscription_id}"},
            )
        )
        return Redirect(str(session["url"]), str(session["id"]), customer, price)

    async def confirm_return(self, checkout_id: str) -> None:
        return None  # Stripe has charged by the time the buyer returns

    # --- webhooks -----------------------------------------------------------------------

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> InboundEvent:
        secret = self.settings.stripe_webhook_secret
        if not secret:
            raise WebhookRefused("Stripe webhooks are not set up (no signing secret).")
        try:
            event = stripe.Webhook.construct_event(
                body, headers.get("stripe-signature"), secret, tolerance=TOLERANCE_SECONDS
            )
        except (stripe.SignatureVerificationError, ValueError) as error:
            raise WebhookRefused(
                "The Stripe-Signature is missing, wrong or older than 300 s."
            ) from error
        payload: dict[str, Any] = json.loads(body)
        return InboundEvent(str(event.id), str(event.type), _dt(event.created) or utcnow(), payload)

    async def verify_webhook_remotely(
        self, headers: Mapping[str, str], event: InboundEvent
    ) -> None:
        return None  # the signature says it all

    async def facts_of(self, event: InboundEvent) -> list[Fact]:
        obj: dict[str, Any] = event.payload["data"]["object"]
        kind = event.type
        if kind in ("checkout.session.completed", "checkout.session.async_payment_succeeded"):
            return await self._checkout_facts(str(obj["id"]))
        if kind in ("checkout.session.expired", "checkout.session.async_payment_failed"):
            metadata = obj.get("metadata") or {}
            return [
                CheckoutClosed(
                    checkout_id=str(obj["id"]),
                    order_id=_uuid(metadata.get("lectern_order_id")),
                    subscription_id=_uuid(metadata.get("lectern_subscription_id")),
                )
            ]
        if kind in SUBSCRIPTION_EVENTS:
            invoice = kind.startswith("invoice.")
            subscription_id = _invoice_subscription(obj) if invoice else str(obj["id"])
            if not subscription_id:
                return []
            return [SubscriptionChanged(await self.fetch_subscription(subscription_id))]
        if kind == "invoice.paid":
            return await self._invoice_facts(str(obj["id"]))
        if kind in ("refund.created", "refund.updated", "refund.failed"):
            refund = await self._do(self.client.v1.refunds.retrieve_async(str(obj["id"])))
            payment = _id(refund.get("payment_intent"))
            if payment is None:
                return []
            return [
                RefundSettled(
                    payment_id=payment,
                    refund_id=str(refund["id"]),
                    amount=int(refund["amount"]),
                    succeeded=refund.get("status") == "succeeded",
                    refund_hint=_uuid((refund.get("metadata") or {}).get("lectern_refund_id")),
                )
            ]
        return []

    async def _checkout_facts(self, session_id: str) -> list[Fact]:
        session = await self._do(
            self.client.v1.checkout.sessions.retrieve_async(
                session_id, params={"expand": ["payment_intent.latest_charge.balance_transaction"]}
            )
        )
        metadata = session.get("metadata") or {}
        if session.get("mode") == "subscription":
            subscription_id = _id(session.get("subscription"))
            if session.get("status") != "complete" or subscription_id is None:
                return []
            snapshot = await self.fetch_subscription(subscription_id)
            return [SubscriptionChanged(snapshot, checkout_id=str(session["id"]))]
        order_id = _uuid(metadata.get("lectern_order_id") or session.get("client_reference_id"))
        if session.get("payment_status") != "paid" or order_id is None:
            return []
        intent = session.get("payment_intent")
        fee = None
        if isinstance(intent, dict):
            charge = intent.get("latest_charge")
            balance = charge.get("balance_transaction") if isinstance(charge, dict) else None
            if isinstance(balance, dict) and balance.get("fee") is not None:
                fee = int(balance["fee"])
        return [
            CheckoutPaid(
                order_id=order_id,
                payment_id=_id(intent) or str(session["id"]),
                amount=int(session.get("amount_total") or 0),
                fee=fee,
                customer_id=_id(session.get("customer")),
            )
        ]

    async def _invoice_facts(self, invoice_id: str) -> list[Fact]:
        invoice = await self._do(
            self.client.v1.invoices.retrieve_async(invoice_id, params={"expand": ["payments"]})
        )
        subscription_id = _invoice_subscription(invoice)
        if subscription_id is None:
            return []
        snapshot = await self.fetch_subscription(subscription_id)
        discount = sum(int(d.get("amount", 0)) for d in invoice.get("total_discount_amounts") or [])
        lines = (invoice.get("lines") or {}).get("data") or []
        period = lines[0].get("period", {}) if lines else {}
        payment_id = str(invoice["id"])
        for payment in (invoice.get("payments") or {}).get("data") or []:
            intent = _id((payment.get("payment") or {}).get("payment_intent"))
            if intent:
                payment_id = intent
        paid_at = _dt((invoice.get("status_transitions") or {}).get("paid_at")) or utcnow()
        return [
            SubscriptionPaid(
                provider_subscription_id=subscription_id,
                subscription_id=snapshot.subscription_id,
                payment_id=payment_id,
                currency=str(invoice["currency"]).upper(),
                subtotal=int(invoice.get("subtotal") or 0),
                discount=discount,
                total=int(invoice.get("amount_paid") or invoice.get("total") or 0),
                fee=None,
                period_start=_dt(period.get("start")),
                period_end=_dt(period.get("end")),
                paid_at=paid_at,
            ),
            SubscriptionChanged(snapshot),
        ]

    # --- subscriptions ------------------------------------------------------------------

    async def fetch_subscription(self, provider_subscription_id: str) -> SubscriptionSnapshot:
        found = await self._do(
            self.client.v1.subscriptions.retrieve_async(provider_subscription_id)
        )
        return _snapshot(found)

    async def set_cancel_at_period_end(
        self, provider_subscription_id: str, cancel: bool
    ) -> SubscriptionSnapshot:
        found = await self._do(
            self.client.v1.subscriptions.update_async(
                provider_subscription_id, params={"cancel_at_period_end": cancel}
            )
        )
        return _snapshot(found)

    async def cancel_now(self, provider_subscription_id: str) -> SubscriptionSnapshot:
        found = await self._do(self.client.v1.subscriptions.cancel_async(provider_subscription_id))
        return _snapshot(found)

    async def change_plan(
        self, provider_subscription_id: str, plan: PlanRef, return_url: str
    ) -> tuple[SubscriptionSnapshot | None, Redirect | None]:
        current = await self._do(
            self.client.v1.subscriptions.retrieve_async(provider_subscription_id)
        )
        item = current["items"]["data"][0]["id"]
        price = await self._price(plan)
        found = await self._do(
            self.client.v1.subscriptions.update_async(
                provider_subscription_id,
                params={
                    "items": [{"id": item, "price": price}],
                    "proration_behavior": "create_prorations",
                    "cancel_at_period_end": False,
                },
            )
        )
        return _snapshot(found), None

    async def portal_url(self, customer_id: str, return_url: str) -> str | None:
        portal = await self._do(
            self.client.v1.billing_portal.sessions.create_async(
                params={"customer": customer_id, "return_url": return_url}
            )
        )
        return str(portal["url"])

    async def refund(
        self, *, payment_id: str, amount: int, currency: str, refund_id: uuid.UUID, kind: str
    ) -> RefundResult:
        if not payment_id.startswith("pi_"):
            raise ProviderFailed("this payment has no payment intent to refund")
        refund = await self._do(
            self.client.v1.refunds.create_async(
                params={
                    "payment_intent": payment_id,
                    "amount": amount,
                    "metadata": {"lectern_refund_id": str(refund_id)},
                },
                options={"idempotency_key": f"lectern-refund-{refund_id}"},
            )
        )
        status = refund.get("status")
        return RefundResult(
            str(refund["id"]),
            succeeded=status == "succeeded",
            pending=status in ("pending", "requires_action"),
        )


def _invoice_subscription(invoice: dict[str, Any]) -> str | None:
    parent = invoice.get("parent") or {}
    details = parent.get("subscription_details") or {}
    return _id(details.get("subscription")) or _id(invoice.get("subscription"))


def _snapshot(found: dict[str, Any]) -> SubscriptionSnapshot:
    items = (found.get("items") or {}).get("data") or [{}]
    item = items[0]
    metadata = found.get("metadata") or {}
    return SubscriptionSnapshot(
        provider_subscription_id=str(found["id"]),
        subscription_id=_uuid(metadata.get("lectern_subscription_id")),
        status=STATUSES.get(str(found.get("status")), SubscriptionStatus.incomplete),
        current_period_start=_dt(item.get("current_period_start")),
        current_period_end=_dt(item.get("current_period_end")),
        trial_end=_dt(found.get("trial_end")),
        # Newer API versions may say it with cancel_at set to the period's end instead.
        cancel_at_period_end=bool(found.get("cancel_at_period_end"))
        or (
            found.get("cancel_at") is not None
            and found.get("cancel_at") == item.get("current_period_end")
        ),
        canceled_at=_dt(found.get("canceled_at")),
        ended_at=_dt(found.get("ended_at")),
        plan_ref=_id((item.get("price") or {}).get("id")) if item.get("price") else None,
        customer_id=_id(found.get("customer")),
    )
