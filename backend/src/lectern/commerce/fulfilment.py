"""What a provider's facts do to our records: orders paid or closed, subscriptions brought in
step with the provider, refunds applied, access granted and taken. Each step is safe to run
again (an order already paid stays paid; a refund already applied is not applied twice), so a
replayed or reordered event changes nothing."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.commerce.providers.base import (
    CheckoutClosed,
    CheckoutPaid,
    Fact,
    PaymentGateway,
    RefundSettled,
    SubscriptionChanged,
    SubscriptionPaid,
    SubscriptionSnapshot,
)
from lectern.commerce.receipts import queue_receipt
from lectern.commerce.repository import CommerceRepository
from lectern.config import Settings
from lectern.kit.queue import JobBuffer
from lectern.learning.paid_enrollments import enroll_buyer, sync_subscriber, take_back_purchase
from lectern.models import (
    Order,
    OrderKind,
    OrderLine,
    OrderStatus,
    PaymentProvider,
    Plan,
    RedemptionStatus,
    Refund,
    RefundStatus,
    Subscription,
    SubscriptionStatus,
)
from lectern.models.base import utcnow

log = logging.getLogger("lectern.payments")

PAID_STATUSES = (OrderStatus.paid, OrderStatus.partially_refunded, OrderStatus.refunded)
GRANTING = (SubscriptionStatus.trialing, SubscriptionStatus.active, SubscriptionStatus.past_due)


async def apply_fact(
    session: AsyncSession,
    settings: Settings,
    jobs: JobBuffer,
    gateway: PaymentGateway,
    fact: Fact,
) -> None:
    provider = gateway.name
    if isinstance(fact, CheckoutPaid):
        await mark_order_paid(session, settings, jobs, provider, fact)
    elif isinstance(fact, CheckoutClosed):
        await close_checkout(session, provider, fact)
    elif isinstance(fact, SubscriptionChanged):
        await apply_snapshot(session, settings, provider, fact.snapshot, fact.checkout_id)
    elif isinstance(fact, SubscriptionPaid):
        await record_subscription_payment(session, settings, jobs, provider, fact)
    else:
        await settle_refund(session, provider, fact, jobs=jobs)


# --- one-time purchases ---------------------------------------------------------------------


async def mark_order_paid(
    session: AsyncSession,
    settings: Settings,
    jobs: JobBuffer,
    provider: PaymentProvider,
    fact: CheckoutPaid,
) -> None:
    repository = CommerceRepository(session)
    order = await repository.order(fact.order_id, lock=True)
    if order is None or order.provider != provider:
        log.warning("payment for an unknown order", extra={"order": str(fact.order_id)})
        return
    if order.status in PAID_STATUSES:
        return  # the same payment told twice
    if fact.amount != order.total_amount:
        log.warning(
            "paid amount differs from the order",
            extra={"order": str(order.id), "paid": fact.amount, "total": order.total_amount},
        )
    order.status = OrderStatus.paid
    order.provider_payment_id = fact.payment_id
    order.fee_amount = fact.fee
    order.paid_at = utcnow()
    await session.flush()
    if fact.customer_id:
        await repository.remember_customer(order.user_id, provider, fact.customer_id)
    redemption = await repository.redemption_for(order_id=order.id)
    if redemption is not None:
        await repository.confirm_redemption(redemption)
    await grant_order(session, order)
    await queue_receipt(session, settings, jobs, order.id)


async def grant_order(session: AsyncSession, order: Order) -> None:
    lines = (await CommerceRepository(session).lines([order.id]))[order.id]
    for line in lines:
        if line.course_id is not None:
            await enroll_buyer(session, order.user_id, line.course_id)


async def close_checkout(
    session: AsyncSession, provider: PaymentProvider, fact: CheckoutClosed
) -> None:
    repository = CommerceRepository(session)
    order = (
        await repository.order(fact.order_id, lock=True)
        if fact.order_id
        else await repository.order_by_checkout(provider, fact.checkout_id)
    )
    if order is not None and order.status == OrderStatus.pending:
        order.status = OrderStatus.expired
        redemption = await repository.redemption_for(order_id=order.id)
        if redemption is not None:
            await repository.release_redemption(redemption)
    subscription = (
        await repository.subscription(fact.subscription_id, lock=True)
        if fact.subscription_id
        else await repository.subscription_by_checkout(provider, fact.checkout_id)
    )
    if subscription is not None and subscription.status == SubscriptionStatus.incomplete:
        subscription.status = SubscriptionStatus.expired
        redemption = await repository.redemption_for(subscription_id=subscription.id)
        if redemption is not None:
            await repository.release_redemption(redemption)
    await session.flush()


# --- subscriptions --------------------------------------------------------------------------


async def _find_subscription(
    repository: CommerceRepository,
    provider: PaymentProvider,
    provider_subscription_id: str,
    ours: uuid.UUID | None,
) -> Subscription | None:
    found = await repository.subscription_by_provider_id(provider, provider_subscription_id)
    if found is None and ours is not None:
        found = await repository.subscription(ours, lock=True)
        if found is not None and found.provider != provider:
            return None
    return found


async def apply_snapshot(
    session: AsyncSession,
    settings: Settings,
    provider: PaymentProvider,
    snapshot: SubscriptionSnapshot,
    checkout_id: str | None = None,
) -> Subscription | None:
    """Bring our subscription in step with the provider's, then its access."""
    repository = CommerceRepository(session)
    subscription = await _find_subscription(
        repository, provider, snapshot.provider_subscription_id, snapshot.subscription_id
    )
    if subscription is None:
        log.warning(
            "an unknown subscription",
            extra={"provider": provider.value, "subscription": snapshot.provider_subscription_id},
        )
        return None
    now = utcnow()
    subscription.provider_subscription_id = snapshot.provider_subscription_id
    if snapshot.customer_id:
        subscription.provider_customer_id = snapshot.customer_id
        await repository.remember_customer(subscription.user_id, provider, snapshot.customer_id)
    subscription.current_period_start = snapshot.current_period_start
    subscription.current_period_end = snapshot.current_period_end
    subscription.trial_end = snapshot.trial_end
    subscription.canceled_at = snapshot.canceled_at
    subscription.ended_at = snapshot.ended_at
    status = snapshot.status
    if snapshot.suspended:
        # PayPal: suspended at our request until the period ends, or for failed payments.
        status = (
            SubscriptionStatus.active
            if subscription.cancel_at_period_end
            else (SubscriptionStatus.paused)
        )
    else:
        subscription.cancel_at_period_end = snapshot.cancel_at_period_end
    if (
        status == SubscriptionStatus.incomplete
        and subscription.status != SubscriptionStatus.incomplete
    ):
        status = subscription.status  # a stale snapshot from before the checkout completed
    if status in (SubscriptionStatus.past_due, SubscriptionStatus.paused):
        subscription.past_due_since = subscription.past_due_since or now
    else:
        subscription.past_due_since = None
    subscription.status = status
    if snapshot.plan_ref:
        plan = await _plan_of(repository, provider, snapshot.plan_ref)
        if plan is not None:
            subscription.plan_id = plan.id
    if status in GRANTING:
        redemption = await repository.redemption_for(subscription_id=subscription.id)
        if redemption is not None and redemption.status != RedemptionStatus.redeemed:
            await repository.confirm_redemption(redemption)
    await session.flush()
    await refresh_access(session, settings, subscription, now)
    return subscription


async def _plan_of(
    repository: CommerceRepository, provider: PaymentProvider, ref: str
) -> Plan | None:
    if provider is PaymentProvider.test:
        from lectern.commerce.providers.test_provider import plan_ref

        for plan in await repository.plans(active_only=False):
            if plan_ref(plan.id) == ref:
                return plan
        return None
    return await repository.plan_by_provider_ref(provider, ref)


def grants_access(subscription: Subscription, settings: Settings, now: datetime) -> bool:
    """Trialing and active subscriptions grant access until their period ends; a past-due one
    through the grace period."""
    status = subscription.status
    if status not in GRANTING:
        return False
    end = subscription.current_period_end
    if subscription.cancel_at_period_end and end is not None and end <= now:
        return False
    if status == SubscriptionStatus.past_due:
        since = subscription.past_due_since or now
        return now < since + settings.payments_grace_period
    return True


async def refresh_access(
    session: AsyncSession, settings: Settings, subscription: Subscription, now: datetime
) -> None:
    """Pause a subscription past its grace period, end one past its cancelled period, and put
    the subscriber's enrolments in step with what it grants."""
    if subscription.status == SubscriptionStatus.past_due and not grants_access(
        subscription, settings, now
    ):
        subscription.status = SubscriptionStatus.paused
    end = subscription.current_period_end
    if (
        subscription.cancel_at_period_end
        and end is not None
        and end <= now
        and subscription.status in GRANTING
    ):
        subscription.status = SubscriptionStatus.canceled
        subscription.ended_at = subscription.ended_at or end
    granting = grants_access(subscription, settings, now)
    if granting != subscription.grants_access:
        subscription.grants_access = granting
        await session.flush()
    await sync_subscriber(session, subscription.user_id)


async def record_subscription_payment(
    session: AsyncSession,
    settings: Settings,
    jobs: JobBuffer,
    provider: PaymentProvider,
    fact: SubscriptionPaid,
) -> None:
    """One order per paid invoice (its id is unique); free trial invoices make none."""
    if fact.total <= 0:
        return
    repository = CommerceRepository(session)
    subscription = await _find_subscription(
        repository, provider, fact.provider_subscription_id, fact.subscription_id
    )
    if subscription is None:
        log.warning("a payment for an unknown subscription", extra={"payment": fact.payment_id})
        return
    plan = await repository.plan(subscription.plan_id)
    assert plan is not None
    order_id = await repository.add_subscription_order(
        {
            "id": uuid.uuid4(),
            "user_id": subscription.user_id,
            "kind": OrderKind.subscription,
            "status": OrderStatus.paid,
            "provider": provider,
            "currency": fact.currency.upper(),
            "subtotal_amount": fact.subtotal,
            "discount_amount": fact.discount,
            "total_amount": fact.total,
            "refunded_amount": 0,
            "fee_amount": fact.fee,
            "coupon_id": subscription.coupon_id if fact.discount else None,
            "subscription_id": subscription.id,
            "provider_checkout_id": subscription.provider_checkout_id,
            "provider_payment_id": fact.payment_id,
            "period_start": fact.period_start,
            "period_end": fact.period_end,
            "paid_at": fact.paid_at,
            "created_at": fact.paid_at,
        }
    )
    if order_id is None:
        return  # this payment was recorded before
    session.add(
        OrderLine(
            order_id=order_id,
            plan_id=plan.id,
            description=f"{plan.name} ({plan.interval.value}ly)",
            unit_amount=fact.subtotal,
            discount_amount=fact.discount,
            amount=fact.total,
        )
    )
    await session.flush()
    await queue_receipt(session, settings, jobs, order_id)


# --- refunds --------------------------------------------------------------------------------


async def settle_refund(
    session: AsyncSession, provider: PaymentProvider, fact: RefundSettled, *, jobs: JobBuffer
) -> None:
    """Record a refund the provider reports (ours, or one made in its dashboard) and, once it
    succeeded, apply it once."""
    repository = CommerceRepository(session)
    refund = await repository.refund_by_provider_id(provider, fact.refund_id)
    if refund is None and fact.refund_hint is not None:
        refund = await session.get(Refund, fact.refund_hint, with_for_update=True)
    order = await repository.order_by_payment(provider, fact.payment_id)
    if order is None:
        log.warning("a refund of an unknown payment", extra={"payment": fact.payment_id})
        return
    if refund is None:
        refund = Refund(
            order_id=order.id,
            provider=provider,
            provider_refund_id=fact.refund_id,
            amount=fact.amount,
            reason="Refunded at the payment provider",
            status=RefundStatus.pending,
        )
        session.add(refund)
        await session.flush()
    refund.provider_refund_id = fact.refund_id
    if not fact.succeeded:
        if refund.applied_at is None:
            refund.status = RefundStatus.failed
        await session.flush()
        return
    refund.status = RefundStatus.succeeded
    await apply_refund(session, order, refund)


async def apply_refund(session: AsyncSession, order: Order, refund: Refund) -> bool:
    """Take a succeeded refund off the order, once; a course fully refunded loses its
    access. True if the buyer lost access to something."""
    if refund.applied_at is not None:
        return False
    refund.applied_at = utcnow()
    order.refunded_amount = min(order.total_amount, order.refunded_amount + refund.amount)
    fully = order.refunded_amount >= order.total_amount
    order.status = OrderStatus.refunded if fully else OrderStatus.partially_refunded
    await session.flush()
    lost = False
    if fully and order.kind == OrderKind.course:
        lines = (await CommerceRepository(session).lines([order.id]))[order.id]
        for line in lines:
            if line.course_id is not None and not await _bought_again(session, order, line):
                lost = await take_back_purchase(session, order.user_id, line.course_id) or lost
    return lost


async def _bought_again(session: AsyncSession, order: Order, line: OrderLine) -> bool:
    """Another paid order of the same course (bought again after a refund)."""
    other = await session.scalar(
        select(Order.id)
        .join(OrderLine, OrderLine.order_id == Order.id)
        .where(
            Order.user_id == order.user_id,
            Order.id != order.id,
            Order.status.in_((OrderStatus.paid, OrderStatus.partially_refunded)),
            OrderLine.course_id == line.course_id,
        )
    )
    return other is not None
