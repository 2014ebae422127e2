"""What is sold and what was paid: plans, coupons, orders, refunds, subscriptions, and the
payment providers' events. Every amount is an integer in the currency's minor units."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Enum,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow


def _enum(kind: type[enum.Enum]) -> Enum:
    return Enum(kind, native_enum=False, length=20, validate_strings=True)


class PaymentProvider(enum.StrEnum):
    test = "test"  # the offline test provider: no real money
    stripe = "stripe"
    paypal = "paypal"


class BillingInterval(enum.StrEnum):
    month = "month"
    year = "year"


class PlanScope(enum.StrEnum):
    all_courses = "all_courses"
    collection = "collection"


plan_courses = Table(
    "plan_courses",
    Base.metadata,
    Column("plan_id", ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True),
    Column("course_id", ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Plan(IdMixin, CreatedMixin, Base):
    """A site-wide subscription: every course, or a chosen collection of them."""

    __tablename__ = "plans"

    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(String(300), default="")
    interval: Mapped[BillingInterval] = mapped_column(_enum(BillingInterval))
    amount: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    trial_days: Mapped[int] = mapped_column(default=0)
    scope: Mapped[PlanScope] = mapped_column(_enum(PlanScope), default=PlanScope.all_courses)
    active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)
    # The plan as each provider knows it, created on first use.
    stripe_price_id: Mapped[str | None] = mapped_column(String(120))
    paypal_plan_id: Mapped[str | None] = mapped_column(String(120))


class DiscountKind(enum.StrEnum):
    percent = "percent"
    amount = "amount"


class CouponTarget(enum.StrEnum):
    everything = "everything"
    course = "course"
    plan = "plan"


class CouponDuration(enum.StrEnum):
    """How many payments of a subscription the discount applies to."""

    once = "once"
    repeating = "repeating"  # for duration_months
    forever = "forever"


class Coupon(IdMixin, CreatedMixin, Base):
    __tablename__ = "coupons"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[DiscountKind] = mapped_column(_enum(DiscountKind))
    percent_off: Mapped[int | None]
    amount_off: Mapped[int | None]
    currency: Mapped[str | None] = mapped_column(String(3))
    applies_to: Mapped[CouponTarget] = mapped_column(
        _enum(CouponTarget), default=CouponTarget.everything
    )
    course_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    plan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    max_redemptions: Mapped[int | None]
    # Redemptions taken, counting checkouts still open; raised by a conditional UPDATE only.
    redeemed_count: Mapped[int] = mapped_column(default=0)
    per_user_limit: Mapped[int | None] = mapped_column(default=1)
    duration: Mapped[CouponDuration] = mapped_column(
        _enum(CouponDuration), default=CouponDuration.once
    )
    duration_months: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)
    stripe_coupon_id: Mapped[str | None] = mapped_column(String(120))


class RedemptionStatus(enum.StrEnum):
    held = "held"  # a checkout is open
    redeemed = "redeemed"  # paid
    released = "released"  # the checkout expired or failed: the redemption is given back


class CouponRedemption(IdMixin, CreatedMixin, Base):
    __tablename__ = "coupon_redemptions"
    __table_args__ = (Index("ix_coupon_redemptions_coupon_id_user_id", "coupon_id", "user_id"),)

    coupon_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("coupons.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[RedemptionStatus] = mapped_column(_enum(RedemptionStatus))
    order_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("orders.id", ondelete="SET NULL"), index=True
    )
    subscription_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("subscriptions.id", ondelete="SET NULL"), index=True
    )


class OrderKind(enum.StrEnum):
    course = "course"
    subscription = "subscription"  # one payment of a subscription


class OrderStatus(enum.StrEnum):
    pending = "pending"  # checkout open
    paid = "paid"
    partially_refunded = "partially_refunded"
    refunded = "refunded"
    expired = "expired"  # the checkout was abandoned or the payment failed


class Order(IdMixin, CreatedMixin, Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("provider", "provider_payment_id"),
        Index("ix_orders_user_id_created_at", "user_id", "created_at"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    kind: Mapped[OrderKind] = mapped_column(_enum(OrderKind))
    status: Mapped[OrderStatus] = mapped_column(_enum(OrderStatus), default=OrderStatus.pending)
    provider: Mapped[PaymentProvider] = mapped_column(_enum(PaymentProvider))
    currency: Mapped[str] = mapped_column(String(3))
    subtotal_amount: Mapped[int]
    discount_amount: Mapped[int] = mapped_column(default=0)
    total_amount: Mapped[int]
    refunded_amount: Mapped[int] = mapped_column(default=0)
    fee_amount: Mapped[int | None]  # the provider's fee, where it tells us
    coupon_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("coupons.id", ondelete="SET NULL")
    )
    subscription_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("subscriptions.id", ondelete="SET NULL"), index=True
    )
    # The provider's checkout (session, order) and the payment it became (payment intent,
    # capture, invoice): the payment id is unique, so one payment makes one order.
    provider_checkout_id: Mapped[str | None] = mapped_column(String(120), index=True)
    provider_payment_id: Mapped[str | None] = mapped_column(String(120))
    period_start: Mapped[datetime | None]
    period_end: Mapped[datetime | None]
    paid_at: Mapped[datetime | None]
    receipt_sent_at: Mapped[datetime | None]


class OrderLine(IdMixin, Base):
    __tablename__ = "order_lines"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    course_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("courses.id", ondelete="SET NULL"), index=True
    )
    plan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("plans.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(String(200))
    unit_amount: Mapped[int]
    discount_amount: Mapped[int] = mapped_column(default=0)
    amount: Mapped[int]


class RefundStatus(enum.StrEnum):
    pending = "pending"
    succeeded = "succeeded"
    failed = "failed"


class Refund(IdMixin, CreatedMixin, Base):
    __tablename__ = "refunds"
    __table_args__ = (UniqueConstraint("provider", "provider_refund_id"),)

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    provider: Mapped[PaymentProvider] = mapped_column(_enum(PaymentProvider))
    provider_refund_id: Mapped[str | None] = mapped_column(String(120))
    amount: Mapped[int]
    reason: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[RefundStatus] = mapped_column(_enum(RefundStatus))
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    # Set once the refund's effect (order amounts, access) was applied: never twice.
    applied_at: Mapped[datetime | None]


class SubscriptionStatus(enum.StrEnum):
    incomplete = "incomplete"  # checkout open
    trialing = "trialing"
    active = "active"
    past_due = "past_due"  # a payment failed: access continues through the grace period
    paused = "paused"  # past due beyond the grace period: access paused until paid
    canceled = "canceled"  # ended
    expired = "expired"  # the checkout was never completed


class Subscription(IdMixin, CreatedMixin, Base):
    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("provider", "provider_subscription_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), index=True
    )
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"))
    provider: Mapped[PaymentProvider] = mapped_column(_enum(PaymentProvider))
    provider_subscription_id: Mapped[str | None] = mapped_column(String(120))
    provider_checkout_id: Mapped[str | None] = mapped_column(String(120), index=True)
    provider_customer_id: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[SubscriptionStatus] = mapped_column(
        _enum(SubscriptionStatus), default=SubscriptionStatus.incomplete
    )
    current_period_start: Mapped[datetime | None]
    current_period_end: Mapped[datetime | None]
    trial_end: Mapped[datetime | None]
    cancel_at_period_end: Mapped[bool] = mapped_column(default=False)
    canceled_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    past_due_since: Mapped[datetime | None]
    coupon_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("coupons.id", ondelete="SET NULL")
    )
    # Whether the subscription's enrolments are in place (kept in step with the status).
    grants_access: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SubscribedCourse(Base):
    """A course a subscriber started. While a subscription grants access the course has an
    enrolment with source `subscription`; while it doesn't, the enrolment is gone (every reader
    of enrolments stays right) and its place is kept here, to come back on renewal."""

    __tablename__ = "subscribed_courses"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_lesson_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("lessons.id", ondelete="SET NULL")
    )
    last_activity_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]


class PaymentCustomer(Base):
    """The user as a provider knows them (Stripe's customer id)."""

    __tablename__ = "payment_customers"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    provider: Mapped[PaymentProvider] = mapped_column(_enum(PaymentProvider), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(120))


class PaymentEvent(IdMixin, Base):
    """A provider's webhook event, stored when it arrives (its id unique per provider: a
    second delivery is recognised) and marked processed in the transaction of its effect."""

    __tablename__ = "payment_events"
    __table_args__ = (UniqueConstraint("provider", "event_id"),)

    provider: Mapped[PaymentProvider] = mapped_column(_enum(PaymentProvider))
    event_id: Mapped[str] = mapped_column(String(120))
    type: Mapped[str] = mapped_column(String(80))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    occurred_at: Mapped[datetime]
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    processed_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


class TestPaymentObject(Base):
    """The offline test provider's own records (its checkout sessions and subscriptions):
    what a real provider keeps on its servers, so the flow re-reads them the same way."""

    __tablename__ = "test_payment_objects"
    __test__ = False  # not a pytest class

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
