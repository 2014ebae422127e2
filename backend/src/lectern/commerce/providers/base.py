"""The one interface every payment provider implements, and the provider-neutral facts its
webhook events become.

A provider turns an event into facts only after re-reading, from the provider, the objects
whose order matters (a subscription, a checkout): the facts then describe the provider's
current state, so events arriving late, twice or out of order lead to the same result.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from lectern.errors import BadRequest, LecternError
from lectern.models import BillingInterval, CouponDuration, PaymentProvider, SubscriptionStatus


class WebhookRefused(BadRequest):
    """A webhook that is not provably from the provider: 400, nothing stored."""

    code = "webhook_refused"


class ProviderFailed(Exception):
    """The provider answered with an error or could not be reached."""


class ProviderUnavailable(LecternError):
    """What the API answers when a provider call on the user's behalf failed."""

    status = 502
    code = "provider_unavailable"


# --- what we ask a provider for -------------------------------------------------------------


@dataclass(frozen=True)
class Buyer:
    user_id: uuid.UUID
    email: str
    name: str
    customer_id: str | None  # the provider's customer, when we already have one


@dataclass(frozen=True)
class Discount:
    """A coupon as a provider needs it to discount a subscription's payments."""

    coupon_id: uuid.UUID
    code: str
    percent_off: int | None
    amount_off: int | None
    duration: CouponDuration
    duration_months: int | None
    first_amount: int  # the first payment after the discount
    later_amount: int  # payments once the discount is over (or the same when forever)


@dataclass(frozen=True)
class CourseCheckout:
    order_id: uuid.UUID
    buyer: Buyer
    description: str
    currency: str
    amount: int  # what the buyer pays, discount taken off: computed on the server
    success_url: str
    cancel_url: str


@dataclass(frozen=True)
class PlanRef:
    plan_id: uuid.UUID
    name: str
    amount: int
    currency: str
    interval: BillingInterval
    trial_days: int
    stripe_price_id: str | None
    paypal_plan_id: str | None


@dataclass(frozen=True)
class SubscriptionCheckout:
    subscription_id: uuid.UUID
    buyer: Buyer
    plan: PlanRef
    discount: Discount | None
    success_url: str
    cancel_url: str


@dataclass(frozen=True)
class Redirect:
    url: str
    checkout_id: str
    customer_id: str | None = None
    # Provider ids learned on the way (a Stripe price or PayPal plan made for the plan).
    plan_ref: str | None = None


# --- what webhook events become -------------------------------------------------------------


@dataclass(frozen=True)
class InboundEvent:
    event_id: str
    type: str
    occurred_at: datetime
    payload: dict[str, Any]


@dataclass(frozen=True)
class SubscriptionSnapshot:
    """A subscription as the provider has it now."""

    provider_subscription_id: str
    subscription_id: uuid.UUID | None  # ours, from the metadata we gave the provider
    status: SubscriptionStatus
    current_period_start: datetime | None
    current_period_end: datetime | None
    trial_end: datetime | None
    cancel_at_period_end: bool
    canceled_at: datetime | None
    ended_at: datetime | None
    plan_ref: str | None  # the provider's price/plan id
    customer_id: str | None = None
    # PayPal suspends both when asked to stop at period end and after failed payments.
    suspended: bool = False


@dataclass(frozen=True)
class CheckoutPaid:
    order_id: uuid.UUID
    payment_id: str
    amount: int
    fee: int | None
    customer_id: str | None = None


@dataclass(frozen=True)
class CheckoutClosed:
    """A checkout that will never be paid (expired, declined, abandoned)."""

    checkout_id: str
    order_id: uuid.UUID | None = None
    subscription_id: uuid.UUID | None = None


@dataclass(frozen=True)
class SubscriptionChanged:
    snapshot: SubscriptionSnapshot
    checkout_id: str | None = None


@dataclass(frozen=True)
class SubscriptionPaid:
    """One paid invoice (or sale) of a subscription: becomes one order."""

    provider_subscription_id: str
    subscription_id: uuid.UUID | None
    payment_id: str
    currency: str
    subtotal: int
    discount: int
    total: int
    fee: int | None
    period_start: datetime | None
    period_end: datetime | None
    paid_at: datetime


@dataclass(frozen=True)
class RefundSettled:
    payment_id: str  # the payment refunded (payment intent, capture, sale)
    refund_id: str
    amount: int
    succeeded: bool
    refund_hint: uuid.UUID | None = None  # our refund, when we made it


Fact = CheckoutPaid | CheckoutClosed | SubscriptionChanged | SubscriptionPaid | RefundSettled


@dataclass(frozen=True)
class RefundResult:
    refund_id: str
    succeeded: bool
    pending: bool = False


class PaymentGateway(Protocol):
    """What Lectern asks of a payment provider."""

    name: PaymentProvider

    async def start_course_checkout(self, checkout: CourseCheckout) -> Redirect: ...

    async def start_subscription_checkout(self, checkout: SubscriptionCheckout) -> Redirect: ...

    async def confirm_return(self, checkout_id: str) -> None:
        """The buyer came back from the provider's page: finish what needs the buyer's
        approval (PayPal's capture). Grants nothing: access follows the webhook."""
        ...

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> InboundEvent:
        """The event, if the body is signed by the provider (else WebhookRefused)."""
        ...

    async def verify_webhook_remotely(
        self, headers: Mapping[str, str], event: InboundEvent
    ) -> None:
        """A second, remote check some providers need (PayPal's verify call)."""
        ...

    async def facts_of(self, event: InboundEvent) -> list[Fact]: ...

    async def fetch_subscription(self, provider_subscription_id: str) -> SubscriptionSnapshot: ...

    async def refund(
        self, *, payment_id: str, amount: int, currency: str, refund_id: uuid.UUID, kind: str
    ) -> RefundResult: ...

    async def set_cancel_at_period_end(
        self, provider_subscription_id: str, cancel: bool
    ) -> SubscriptionSnapshot: ...

    async def cancel_now(self, provider_subscription_id: str) -> SubscriptionSnapshot: ...

    async def change_plan(
        self, provider_subscription_id: str, plan: PlanRef, return_url: str
    ) -> tuple[SubscriptionSnapshot | None, Redirect | None]: ...

    async def portal_url(self, customer_id: str, return_url: str) -> str | None: ...
