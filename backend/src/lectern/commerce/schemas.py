"""Request and response shapes of payments. Amounts are integers in minor units."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, model_validator

from lectern.models import (
    BillingInterval,
    CouponDuration,
    CouponTarget,
    DiscountKind,
    OrderKind,
    OrderStatus,
    PaymentProvider,
    PlanScope,
    RefundStatus,
    SubscriptionStatus,
)

Currency = Annotated[str, Field(pattern="^[A-Za-z]{3}$", description="ISO 4217 code")]
CouponCode = Annotated[str, Field(min_length=1, max_length=40)]


class ProviderOption(BaseModel):
    id: PaymentProvider
    label: str
    test_mode: bool = Field(description="No real money moves (the offline test provider)")


class PaymentsConfig(BaseModel):
    providers: list[ProviderOption]


class PlanOut(BaseModel):
    id: uuid.UUID
    name: str
    description: str
    interval: BillingInterval
    amount: int
    currency: str
    trial_days: int
    scope: PlanScope
    course_count: int = Field(description="Courses the plan opens (paid courses, for all-courses)")
    course_ids: list[uuid.UUID] = Field(description="The collection (empty for all-courses)")
    active: bool


class Purchase(BaseModel):
    """What to buy: a course or a plan, with a coupon code perhaps. Never a price: the server
    prices it."""

    course_id: uuid.UUID | None = None
    plan_id: uuid.UUID | None = None
    coupon_code: CouponCode | None = None

    @model_validator(mode="after")
    def _one_thing(self) -> Purchase:
        if (self.course_id is None) == (self.plan_id is None):
            raise ValueError("Give either course_id or plan_id.")
        return self


class CheckoutRequest(Purchase):
    provider: PaymentProvider | None = Field(
        None, description="Which provider to pay through; unset: the first one offered"
    )


class Quote(BaseModel):
    currency: str
    subtotal: int
    discount: int
    total: int = Field(description="What the first payment (or the purchase) costs")
    coupon_code: str | None
    coupon_summary: str | None = Field(description="e.g. '20% off'")
    discount_applies_to: str | None = Field(
        description="Subscriptions: 'the first payment', 'the first 3 months', 'every payment'"
    )
    later_total: int | None = Field(description="Subscriptions: each later payment")
    interval: BillingInterval | None
    trial_days: int


class CheckoutStarted(BaseModel):
    provider: PaymentProvider
    checkout_url: str = Field(description="Send the buyer here")
    order_id: uuid.UUID | None
    subscription_id: uuid.UUID | None


class OrderLineOut(BaseModel):
    description: str
    course_id: uuid.UUID | None
    course_slug: str | None
    plan_id: uuid.UUID | None
    unit_amount: int
    discount_amount: int
    amount: int


class RefundOut(BaseModel):
    id: uuid.UUID
    amount: int
    reason: str
    status: RefundStatus
    created_at: datetime


class OrderOut(BaseModel):
    id: uuid.UUID
    number: str = Field(description="The receipt number")
    kind: OrderKind
    status: OrderStatus
    provider: PaymentProvider
    currency: str
    subtotal_amount: int
    discount_amount: int
    total_amount: int
    refunded_amount: int
    coupon_code: str | None
    period_start: datetime | None
    period_end: datetime | None
    created_at: datetime
    paid_at: datetime | None
    lines: list[OrderLineOut]
    refunds: list[RefundOut]


class AdminOrderOut(OrderOut):
    user_id: uuid.UUID
    user_email: str
    user_name: str
    fee_amount: int | None
    provider_payment_id: str | None
    refundable_amount: int


class AdminOrderPage(BaseModel):
    items: list[AdminOrderOut]
    next_cursor: str | None


class RefundRequest(BaseModel):
    amount: int | None = Field(
        None, ge=1, description="Minor units; unset: everything not refunded yet"
    )
    reason: str = Field("", max_length=300)


class SubscriptionOut(BaseModel):
    id: uuid.UUID
    plan: PlanOut
    provider: PaymentProvider
    status: SubscriptionStatus
    grants_access: bool
    current_period_start: datetime | None
    current_period_end: datetime | None
    trial_end: datetime | None
    cancel_at_period_end: bool
    canceled_at: datetime | None
    ended_at: datetime | None
    grace_ends_at: datetime | None = Field(description="Past due: when access pauses")
    can_manage_at_provider: bool = Field(description="Stripe's customer portal is available")


class AdminSubscriptionOut(SubscriptionOut):
    user_id: uuid.UUID
    user_email: str
    user_name: str


class PlanChange(BaseModel):
    plan_id: uuid.UUID


class PlanChangeResult(BaseModel):
    subscription: SubscriptionOut
    approval_url: str | None = Field(description="PayPal: the buyer approves the change there")


class PortalLink(BaseModel):
    url: str


class PlanWrite(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    description: str = Field("", max_length=300)
    interval: BillingInterval
    amount: int = Field(ge=50, le=100_000_00)
    currency: Currency = "USD"
    trial_days: int = Field(0, ge=0, le=90)
    scope: PlanScope = PlanScope.all_courses
    course_ids: list[uuid.UUID] = Field(default_factory=list, max_length=1000)
    active: bool = True


class PlanPatch(BaseModel):
    name: str | None = Field(None, min_length=1, max_length=80)
    description: str | None = Field(None, max_length=300)
    amount: int | None = Field(None, ge=50, le=100_000_00)
    trial_days: int | None = Field(None, ge=0, le=90)
    scope: PlanScope | None = None
    course_ids: list[uuid.UUID] | None = Field(None, max_length=1000)
    active: bool | None = None


class CouponWrite(BaseModel):
    code: str = Field(min_length=3, max_length=40, pattern="^[A-Za-z0-9_-]+$")
    kind: DiscountKind
    percent_off: int | None = Field(None, ge=1, le=100)
    amount_off: int | None = Field(None, ge=1, le=100_000_00)
    currency: Currency | None = None
    applies_to: CouponTarget = CouponTarget.everything
    course_id: uuid.UUID | None = None
    plan_id: uuid.UUID | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    max_redemptions: int | None = Field(None, ge=1)
    per_user_limit: int | None = Field(1, ge=1)
    duration: CouponDuration = CouponDuration.once
    duration_months: int | None = Field(None, ge=1, le=36)

    @model_validator(mode="after")
    def _consistent(self) -> CouponWrite:
        if self.kind is DiscountKind.percent and self.percent_off is None:
            raise ValueError("A percentage coupon needs percent_off.")
        if self.kind is DiscountKind.amount and (self.amount_off is None or not self.currency):
            raise ValueError("An amount coupon needs amount_off and currency.")
        if self.applies_to is CouponTarget.course and self.course_id is None:
            raise ValueError("A course coupon needs course_id.")
        if self.applies_to is CouponTarget.plan and self.plan_id is None:
            raise ValueError("A plan coupon needs plan_id.")
        if self.duration is CouponDuration.repeating and not self.duration_months:
            raise ValueError("A repeating coupon needs duration_months.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at.")
        return self


class CouponPatch(BaseModel):
    active: bool | None = None
    ends_at: datetime | None = None
    max_redemptions: int | None = Field(None, ge=1)


class CouponOut(BaseModel):
    id: uuid.UUID
    code: str
    kind: DiscountKind
    percent_off: int | None
    amount_off: int | None
    currency: str | None
    summary: str
    applies_to: CouponTarget
    course_id: uuid.UUID | None
    course_title: str | None
    plan_id: uuid.UUID | None
    starts_at: datetime | None
    ends_at: datetime | None
    max_redemptions: int | None
    redeemed_count: int
    per_user_limit: int | None
    duration: CouponDuration
    duration_months: int | None
    active: bool
    created_at: datetime


class TestCheckoutView(BaseModel):
    """The offline test provider's hosted checkout page."""

    id: str
    mode: str
    status: str
    description: str
    currency: str
    amount_total: int
    later_amount: int | None
    interval: BillingInterval | None
    trial_days: int
    coupon_code: str | None
    customer_email: str
    success_url: str
    cancel_url: str


class TestCard(BaseModel):
    card_number: str = Field(min_length=12, max_length=24)


class TestCheckoutResult(BaseModel):
    redirect_url: str
