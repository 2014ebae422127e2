"""PayPal over its REST API (httpx): OAuth2 client-credentials tokens, v2 Orders (create,
capture) for purchases, v1 catalog products, billing plans and subscriptions for plans,
refunds of captures and of subscription sales, and webhook checks through PayPal's
verify-webhook-signature call. The API host is pinned to PayPal's (or a loopback stand-in in
tests), and so is the host of the certificate a webhook names. Calls that create things carry
a PayPal-Request-Id derived from our record (PayPal's idempotency key)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from lectern.commerce.money import from_decimal_string, to_decimal_string
from lectern.commerce.providers.base import (
    CheckoutClosed,
    CheckoutPaid,
    CourseCheckout,
    Fact,
    InboundEvent,
    PlanRef,
    ProviderFailed,
    ProviderUnavailable,
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
from lectern.models import CouponDuration, PaymentProvider, SubscriptionStatus
from lectern.models.base import utcnow

LIVE = "https://api-m.paypal.com"
SANDBOX = "https://api-m.sandbox.paypal.com"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TOLERANCE_SECONDS = 300
WEBHOOK_HEADERS = (
    "paypal-auth-algo",
    "paypal-cert-url",
    "paypal-transmission-id",
    "paypal-transmission-sig",
    "paypal-transmission-time",
)
# Access tokens, per API host and client, until shortly before they expire.
_tokens: dict[tuple[str, str], tuple[str, float]] = {}


def api_base(settings: Settings) -> str:
    """PayPal's API host for the environment; an override must be a loopback stand-in."""
    if settings.paypal_api_base:
        host = urlsplit(settings.paypal_api_base).hostname or ""
        if host not in LOOPBACK and host not in ("api-m.paypal.com", "api-m.sandbox.paypal.com"):
            raise ValueError("LECTERN_PAYPAL_API_BASE must be PayPal's API host or a loopback")
        return settings.paypal_api_base.rstrip("/")
    return LIVE if settings.paypal_environment == "live" else SANDBOX


def _dt(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _link(body: dict[str, Any], *rels: str) -> str:
    for link in body.get("links") or []:
        if link.get("rel") in rels:
            return str(link["href"])
    raise ProviderFailed(f"PayPal gave no {'/'.join(rels)} link")


class PayPalGateway:
    name = PaymentProvider.paypal

    def __init__(self, settings: Settings) -> None:
        assert settings.paypal_client_id
        assert settings.paypal_client_secret
        self.settings = settings
        self.base = api_base(settings)
        self.client_id = settings.paypal_client_id
        self.secret = settings.paypal_client_secret

    # --- HTTP ---------------------------------------------------------------------------

    async def _token(self, client: httpx.AsyncClient) -> str:
        key = (self.base, self.client_id)
        cached = _tokens.get(key)
        if cached and cached[1] > time.monotonic():
            return cached[0]
        response = await client.post(
            "/v1/oauth2/token",
            data={"grant_type": "client_credentials"},
            auth=(self.client_id, self.secret),
            headers={"Accept": "application/json"},
        )
        if response.status_code != 200:
            raise ProviderFailed(f"PayPal refused our credentials ({response.status_code})")
        body = response.json()
        _tokens[key] = (str(body["access_token"]), time.monotonic() + int(body["expires_in"]) - 60)
        return str(body["access_token"])

    async def _call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        request_id: str | None = None,
        allow: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        """One API call; an error whose issue is in ``allow`` comes back as its body."""
        try:
            async with httpx.AsyncClient(base_url=self.base, timeout=20.0) as client:
                headers = {
                    "Authorization": f"Bearer {await self._token(client)}",
                    "Content-Type": "application/json",
                    "Prefer": "return=representation",
                }
                if request_id:
                    headers["PayPal-Request-Id"] = request_id
                response = await client.request(method, path, json=body, headers=headers)
        except httpx.HTTPError as error:
            raise ProviderFailed(f"PayPal could not be reached: {error}") from error
        if response.status_code == 204 or not response.content:
            return {}
        found: dict[str, Any] = response.json()
        if response.status_code >= 400:
            issues = {d.get("issue") for d in found.get("details") or []}
            if issues & set(allow):
                return found
            raise ProviderFailed(
                f"PayPal {found.get('name', response.status_code)}: {found.get('message', '')}"
            )
        return found

    # --- purchases ----------------------------------------------------------------------

    async def start_course_checkout(self, checkout: CourseCheckout) -> Redirect:
        order = await self._call(
            "POST",
            "/v2/checkout/orders",
            {
                "intent": "CAPTURE",
                "purchase_units": [
                    {
                        "reference_id": str(checkout.order_id),
                        "custom_id": str(checkout.order_id),
                        "description": checkout.description[:127],
                        "amount": {
                            "currency_code": checkout.currency,
                            "value": to_decimal_string(checkout.amount, checkout.currency),
                        },
                    }
                ],
                "payment_source": {
                    "paypal": {
                        "experience_context": {
                            "brand_name": "Lectern",
                            "user_action": "PAY_NOW",
                            "shipping_preference": "NO_SHIPPING",
                            "return_url": checkout.success_url,
                            "cancel_url": checkout.cancel_url,
                        }
                    }
                },
            },
            request_id=f"lectern-order-{checkout.order_id}",
        )
        return Redirect(_link(order, "payer-action", "approve"), str(order["id"]))

    async def confirm_return(self, checkout_id: str) -> None:
        """Capture the approved order (again is harmless: same request id, or already done)."""
        if checkout_id.startswith("I-"):
            return  # a subscription: PayPal bills it by itself
        await self._capture(checkout_id)

    async def _capture(self, paypal_order_id: str) -> None:
        await self._call(
            "POST",
            f"/v2/checkout/orders/{paypal_order_id}/capture",
            {},
            request_id=f"lectern-capture-{paypal_order_id}",
            allow=("ORDER_ALREADY_CAPTURED", "ORDER_NOT_APPROVED"),
        )

    # --- plans and subscriptions --------------------------------------------------------

    async def _plan_id(self, plan: PlanRef, checkout: SubscriptionCheckout) -> str:
        discount = checkout.discount
        if plan.paypal_plan_id and discount is None:
            return plan.paypal_plan_id
        product = await self._call(
            "POST",
            "/v1/catalogs/products",
            {"name": plan.name[:127], "type": "SERVICE", "category": "EDUCATIONAL_AND_TEXTBOOKS"},
            request_id=f"lectern-product-{plan.plan_id}",
        )
        money = plan.currency

        def price(amount: int) -> dict[str, Any]:
            return {
                "fixed_price": {"value": to_decimal_string(amount, money), "currency_code": money}
            }

        unit = "YEAR" if plan.interval.value == "year" else "MONTH"
        cycles: list[dict[str, Any]] = []
        if plan.trial_days:
            cycles.append(
                {
                    "frequency": {"interval_unit": "DAY", "interval_count": plan.trial_days},
                    "tenure_type": "TRIAL",
                    "sequence": len(cycles) + 1,
                    "total_cycles": 1,
                }
            )
        regular = plan.amount
        if discount is not None:
            if discount.duration is CouponDuration.forever:
                regular = discount.first_amount
            else:
                months = discount.duration_months or 1
                count = max(1, -(-months // 12)) if unit == "YEAR" else months
                if discount.duration is CouponDuration.once:
                    count = 1
                cycles.append(
                    {
                        "frequency": {"interval_unit": unit, "interval_count": 1},
                        "tenure_type": "TRIAL",
                        "sequence": len(cycles) + 1,
                        "total_cycles": count,
                        "pricing_scheme": price(discount.first_amount),
                    }
                )
        cycles.append(
            {
                "frequency": {"interval_unit": unit, "interval_count": 1},
                "tenure_type": "REGULAR",
                "sequence": len(cycles) + 1,
                "total_cycles": 0,
                "pricing_scheme": price(regular),
            }
        )
        coupon = discount.coupon_id if discount else "none"
        key = f"{plan.plan_id}-{plan.amount}-{plan.trial_days}-{coupon}"
        created = await self._call(
            "POST",
            "/v1/billing/plans",
            {
                "product_id": product["id"],
                "name": plan.name[:127],
                "status": "ACTIVE",
                "billing_cycles": cycles,
                "payment_preferences": {
                    "auto_bill_outstanding": True,
                    "payment_failure_threshold": 3,
                },
            },
            request_id=f"lectern-plan-{key}",
        )
        return str(created["id"])

    async def start_subscription_checkout(self, checkout: SubscriptionCheckout) -> Redirect:
        plan_id = await self._plan_id(checkout.plan, checkout)
        created = await self._call(
            "POST",
            "/v1/billing/subscriptions",
            {
                "plan_id": plan_id,
                "custom_id": str(checkout.subscription_id),
                "subscriber": {"email_address": checkout.buyer.email},
                "application_context": {
                    "brand_name": "Lectern",
                    "user_action": "SUBSCRIBE_NOW",
                    "shipping_preference": "NO_SHIPPING",
                    "return_url": checkout.success_url,
                    "cancel_url": checkout.cancel_url,
                },
            },
            request_id=f"lectern-subscription-{checkout.subscription_id}",
        )
        return Redirect(_link(created, "approve"), str(created["id"]), None, plan_id)

    async def fetch_subscription(self, provider_subscription_id: str) -> SubscriptionSnapshot:
        found = await self._call("GET", f"/v1/billing/subscriptions/{provider_subscription_id}")
        return _snapshot(found)

    async def set_cancel_at_period_end(
        self, provider_subscription_id: str, cancel: bool
    ) -> SubscriptionSnapshot:
        # Suspending stops billing and can be undone; at the period's end it is cancelled.
        action = "suspend" if cancel else "activate"
        reason = "Cancelled by the subscriber" if cancel else "Resumed by the subscriber"
        await self._call(
            "POST",
            f"/v1/billing/subscriptions/{provider_subscription_id}/{action}",
            {"reason": reason},
        )
        return await self.fetch_subscription(provider_subscription_id)

    async def cancel_now(self, provider_subscription_id: str) -> SubscriptionSnapshot:
        await self._call(
            "POST",
            f"/v1/billing/subscriptions/{provider_subscription_id}/cancel",
            {"reason": "The subscription period ended after cancellation"},
            allow=("SUBSCRIPTION_STATUS_INVALID",),
        )
        return await self.fetch_subscription(provider_subscription_id)

    async def change_plan(
        self, provider_subscription_id: str, plan: PlanRef, return_url: str
    ) -> tuple[SubscriptionSnapshot | None, Redirect | None]:
        if not plan.paypal_plan_id:
            raise ProviderFailed("this plan is not on PayPal yet: subscribe to it first")
        revised = await self._call(
            "POST",
            f"/v1/billing/subscriptions/{provider_subscription_id}/revise",
            {"plan_id": plan.paypal_plan_id, "application_context": {"return_url": return_url}},
        )
        return None, Redirect(_link(revised, "approve"), provider_subscription_id)

    async def portal_url(self, customer_id: str, return_url: str) -> str | None:
        return None

    async def refund(
        self, *, payment_id: str, amount: int, currency: str, refund_id: uuid.UUID, kind: str
    ) -> RefundResult:
        value = to_decimal_string(amount, currency)
        if kind == "subscription":
            sale = await self._call(
                "POST",
                f"/v1/payments/sale/{payment_id}/refund",
                {"amount": {"total": value, "currency": currency}},
                request_id=f"lectern-refund-{refund_id}",
            )
            state = sale.get("state")
            return RefundResult(str(sale["id"]), state == "completed", state == "pending")
        refund = await self._call(
            "POST",
            f"/v2/payments/captures/{payment_id}/refund",
            {
                "amount": {"value": value, "currency_code": currency},
                "custom_id": str(refund_id),
                "note_to_payer": "Refund from Lectern",
            },
            request_id=f"lectern-refund-{refund_id}",
        )
        status = refund.get("status")
        return RefundResult(str(refund["id"]), status == "COMPLETED", status == "PENDING")

    # --- webhooks -----------------------------------------------------------------------

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> InboundEvent:
        if not self.settings.paypal_webhook_id:
            raise WebhookRefused("PayPal webhooks are not set up (no webhook id).")
        if any(not headers.get(name) for name in WEBHOOK_HEADERS):
            raise WebhookRefused("PayPal's transmission headers are missing.")
        cert_host = urlsplit(headers["paypal-cert-url"]).hostname or ""
        if urlsplit(headers["paypal-cert-url"]).scheme != "https" or not (
            cert_host == "paypal.com" or cert_host.endswith(".paypal.com")
        ):
            raise WebhookRefused("The webhook's certificate is not PayPal's.")
        sent = _dt(headers["paypal-transmission-time"])
        if sent is None or abs((utcnow() - sent).total_seconds()) > TOLERANCE_SECONDS:
            raise WebhookRefused("The webhook is older than 300 s.")
        try:
            payload = json.loads(body)
            return InboundEvent(
                str(payload["id"]),
                str(payload["event_type"]),
                _dt(payload.get("create_time")) or utcnow(),
                payload,
            )
        except (ValueError, KeyError, TypeError) as error:
            raise WebhookRefused("The webhook body is not a PayPal event.") from error

    async def verify_webhook_remotely(
        self, headers: Mapping[str, str], event: InboundEvent
    ) -> None:
        try:
            answer = await self._call(
                "POST",
                "/v1/notifications/verify-webhook-signature",
                {
                    "auth_algo": headers["paypal-auth-algo"],
                    "cert_url": headers["paypal-cert-url"],
                    "transmission_id": headers["paypal-transmission-id"],
                    "transmission_sig": headers["paypal-transmission-sig"],
                    "transmission_time": headers["paypal-transmission-time"],
                    "webhook_id": self.settings.paypal_webhook_id,
                    "webhook_event": event.payload,
                },
            )
        except ProviderFailed as error:
            # Not the sender's fault: a 5xx makes PayPal deliver it again later.
            raise ProviderUnavailable(
                f"Could not check the webhook with PayPal: {error}"
            ) from error
        if answer.get("verification_status") != "SUCCESS":
            raise WebhookRefused("PayPal did not confirm this webhook's signature.")

    async def facts_of(self, event: InboundEvent) -> list[Fact]:
        resource: dict[str, Any] = event.payload.get("resource") or {}
        kind = event.type
        if kind == "CHECKOUT.ORDER.APPROVED":
            # The buyer approved but may never come back: capture here too.
            await self._capture(str(resource["id"]))
            return []
        if kind == "PAYMENT.CAPTURE.COMPLETED":
            return await self._capture_facts(resource)
        if kind in ("PAYMENT.CAPTURE.DENIED", "CHECKOUT.ORDER.VOIDED"):
            related = (resource.get("supplementary_data") or {}).get("related_ids") or {}
            return [
                CheckoutClosed(
                    checkout_id=str(related.get("order_id") or resource.get("id")),
                    order_id=_uuid(resource.get("custom_id")),
                )
            ]
        if kind == "PAYMENT.CAPTURE.REFUNDED":
            refund = await self._call("GET", f"/v2/payments/refunds/{resource['id']}")
            capture = _link(refund, "up").rstrip("/").rsplit("/", 1)[-1]
            money = refund["amount"]
            return [
                RefundSettled(
                    payment_id=capture,
                    refund_id=str(refund["id"]),
                    amount=from_decimal_string(money["value"], money["currency_code"]),
                    succeeded=refund.get("status") == "COMPLETED",
                    refund_hint=_uuid(refund.get("custom_id")),
                )
            ]
        if kind == "PAYMENT.SALE.REFUNDED":
            money = resource["amount"]
            return [
                RefundSettled(
                    payment_id=str(resource["sale_id"]),
                    refund_id=str(resource["id"]),
                    amount=from_decimal_string(money["total"], money["currency"]),
                    succeeded=resource.get("state") == "completed",
                )
            ]
        if kind.startswith("BILLING.SUBSCRIPTION."):
            return [SubscriptionChanged(await self.fetch_subscription(str(resource["id"])))]
        if kind == "PAYMENT.SALE.COMPLETED" and resource.get("billing_agreement_id"):
            return await self._sale_facts(resource)
        return []

    async def _capture_facts(self, capture: dict[str, Any]) -> list[Fact]:
        related = (capture.get("supplementary_data") or {}).get("related_ids") or {}
        paypal_order = related.get("order_id")
        if not paypal_order:
            return []
        order = await self._call("GET", f"/v2/checkout/orders/{paypal_order}")
        if order.get("status") != "COMPLETED":
            return []
        unit = (order.get("purchase_units") or [{}])[0]
        captures = (unit.get("payments") or {}).get("captures") or []
        done = [c for c in captures if c.get("status") == "COMPLETED"]
        order_id = _uuid(unit.get("custom_id") or unit.get("reference_id"))
        if not done or order_id is None:
            return []
        paid = done[0]
        money = paid["amount"]
        currency = money["currency_code"]
        breakdown = paid.get("seller_receivable_breakdown") or {}
        fee = breakdown.get("paypal_fee")
        return [
            CheckoutPaid(
                order_id=order_id,
                payment_id=str(paid["id"]),
                amount=from_decimal_string(money["value"], currency),
                fee=from_decimal_string(fee["value"], currency) if fee else None,
            )
        ]

    async def _sale_facts(self, sale: dict[str, Any]) -> list[Fact]:
        snapshot = await self.fetch_subscription(str(sale["billing_agreement_id"]))
        money = sale["amount"]
        currency = money["currency"]
        total = from_decimal_string(money["total"], currency)
        fee = sale.get("transaction_fee")
        return [
            SubscriptionPaid(
                provider_subscription_id=str(sale["billing_agreement_id"]),
                subscription_id=snapshot.subscription_id,
                payment_id=str(sale["id"]),
                currency=currency,
                subtotal=total,
                discount=0,
                total=total,
                fee=from_decimal_string(fee["value"], currency) if fee else None,
                period_start=snapshot.current_period_start,
                period_end=snapshot.current_period_end,
                paid_at=_dt(sale.get("create_time")) or utcnow(),
            ),
            SubscriptionChanged(snapshot),
        ]


def _snapshot(found: dict[str, Any]) -> SubscriptionSnapshot:
    status = str(found.get("status"))
    billing = found.get("billing_info") or {}
    last_payment = billing.get("last_payment") or {}
    changed = _dt(found.get("status_update_time"))
    mapped = {
        "APPROVAL_PENDING": SubscriptionStatus.incomplete,
        "APPROVED": SubscriptionStatus.incomplete,
        "ACTIVE": SubscriptionStatus.active,
        "SUSPENDED": SubscriptionStatus.active,
        "CANCELLED": SubscriptionStatus.canceled,
        "EXPIRED": SubscriptionStatus.canceled,
    }.get(status, SubscriptionStatus.incomplete)
    if mapped is SubscriptionStatus.active and status == "ACTIVE":
        if int(billing.get("failed_payments_count") or 0) > 0:
            mapped = SubscriptionStatus.past_due
        elif not last_payment and any(
            c.get("tenure_type") == "TRIAL" and int(c.get("cycles_remaining") or 0) > 0
            for c in billing.get("cycle_executions") or []
        ):
            mapped = SubscriptionStatus.trialing
    ended = mapped is SubscriptionStatus.canceled
    return SubscriptionSnapshot(
        provider_subscription_id=str(found["id"]),
        subscription_id=_uuid(found.get("custom_id")),
        status=mapped,
        current_period_start=_dt(last_payment.get("time")) or _dt(found.get("start_time")),
        current_period_end=_dt(billing.get("next_billing_time")),
        trial_end=None,
        cancel_at_period_end=False,
        canceled_at=changed if ended else None,
        ended_at=changed if ended else None,
        plan_ref=found.get("plan_id"),
        customer_id=(found.get("subscriber") or {}).get("payer_id"),
        suspended=status == "SUSPENDED",
    )
