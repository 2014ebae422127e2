"""Our records as the API shows them."""

from __future__ import annotations

import uuid

from lectern.commerce.fulfilment import grants_access
from lectern.commerce.pricing import describe_coupon
from lectern.commerce.receipts import receipt_number
from lectern.commerce.repository import CommerceRepository
from lectern.commerce.schemas import (
    CouponOut,
    OrderLineOut,
    OrderOut,
    PlanOut,
    RefundOut,
    SubscriptionOut,
)
from lectern.config import Settings
from lectern.models import (
    Coupon,
    Order,
    OrderLine,
    PaymentProvider,
    Plan,
    PlanScope,
    Refund,
    Subscription,
    SubscriptionStatus,
)
from lectern.models.base import utcnow


async def present_plans(repository: CommerceRepository, plans: list[Plan]) -> list[PlanOut]:
    collections = await repository.plan_course_ids([p.id for p in plans])
    everything = await repository.paid_course_count() if plans else 0
    return [
        PlanOut(
            id=plan.id,
            name=plan.name,
            description=plan.description,
            interval=plan.interval,
            amount=plan.amount,
            currency=plan.currency,
            trial_days=plan.trial_days,
            scope=plan.scope,
            course_count=everything
            if plan.scope is PlanScope.all_courses
            else len(collections[plan.id]),
            course_ids=collections[plan.id] if plan.scope is PlanScope.collection else [],
            active=plan.active,
        )
        for plan in plans
    ]


async def present_orders(repository: CommerceRepository, orders: list[Order]) -> list[OrderOut]:
    ids = [o.id for o in orders]
    lines = await repository.lines(ids)
    refunds = await repository.refunds(ids)
    courses = await repository.course_titles(
        [line.course_id for ls in lines.values() for line in ls if line.course_id]
    )
    codes = await _coupon_codes(repository, [o.coupon_id for o in orders if o.coupon_id])
    return [
        order_out(order, lines[order.id], refunds[order.id], courses, codes) for order in orders
    ]


async def _coupon_codes(
    repository: CommerceRepository, coupon_ids: list[uuid.UUID]
) -> dict[uuid.UUID, str]:
    if not coupon_ids:
        return {}
    wanted = set(coupon_ids)
    return {c.id: c.code for c in await repository.coupons() if c.id in wanted}


def order_out(
    order: Order,
    lines: list[OrderLine],
    refunds: list[Refund],
    courses: dict[uuid.UUID, tuple[str, str]],
    codes: dict[uuid.UUID, str],
) -> OrderOut:
    return OrderOut(
        id=order.id,
        number=receipt_number(order),
        kind=order.kind,
        status=order.status,
        provider=order.provider,
        currency=order.currency,
        subtotal_amount=order.subtotal_amount,
        discount_amount=order.discount_amount,
        total_amount=order.total_amount,
        refunded_amount=order.refunded_amount,
        coupon_code=codes.get(order.coupon_id) if order.coupon_id else None,
        period_start=order.period_start,
        period_end=order.period_end,
        created_at=order.created_at,
        paid_at=order.paid_at,
        lines=[
            OrderLineOut(
                description=line.description,
                course_id=line.course_id,
                course_slug=courses[line.course_id][1] if line.course_id in courses else None,
                plan_id=line.plan_id,
                unit_amount=line.unit_amount,
                discount_amount=line.discount_amount,
                amount=line.amount,
            )
            for line in lines
        ],
        refunds=[
            RefundOut(
                id=r.id, amount=r.amount, reason=r.reason, status=r.status, created_at=r.created_at
            )
            for r in refunds
        ],
    )


def subscription_out(
    subscription: Subscription, plan: PlanOut, settings: Settings
) -> SubscriptionOut:
    grace_ends = None
    if subscription.status == SubscriptionStatus.past_due and subscription.past_due_since:
        grace_ends = subscription.past_due_since + settings.payments_grace_period
    return SubscriptionOut(
        id=subscription.id,
        plan=plan,
        provider=subscription.provider,
        status=subscription.status,
        grants_access=grants_access(subscription, settings, utcnow()),
        current_period_start=subscription.current_period_start,
        current_period_end=subscription.current_period_end,
        trial_end=subscription.trial_end,
        cancel_at_period_end=subscription.cancel_at_period_end,
        canceled_at=subscription.canceled_at,
        ended_at=subscription.ended_at,
        grace_ends_at=grace_ends,
        can_manage_at_provider=subscription.provider is PaymentProvider.stripe
        and subscription.provider_customer_id is not None,
    )


def coupon_out(coupon: Coupon, course_title: str | None) -> CouponOut:
    return CouponOut(
        id=coupon.id,
        code=coupon.code,
        kind=coupon.kind,
        percent_off=coupon.percent_off,
        amount_off=coupon.amount_off,
        currency=coupon.currency,
        summary=describe_coupon(coupon),
        applies_to=coupon.applies_to,
        course_id=coupon.course_id,
        course_title=course_title,
        plan_id=coupon.plan_id,
        starts_at=coupon.starts_at,
        ends_at=coupon.ends_at,
        max_redemptions=coupon.max_redemptions,
        redeemed_count=coupon.redeemed_count,
        per_user_limit=coupon.per_user_limit,
        duration=coupon.duration,
        duration_months=coupon.duration_months,
        active=coupon.active,
        created_at=coupon.created_at,
    )
