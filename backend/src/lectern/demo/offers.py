"""The demo school's subscription plans and coupons, so `make run` shows them (paid through
the offline test provider). Idempotent: found by name and code."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import (
    BillingInterval,
    Coupon,
    CouponDuration,
    CouponTarget,
    DiscountKind,
    Plan,
    PlanScope,
)

PLANS: tuple[dict[str, object], ...] = (
    {
        "name": "Monthly",
        "description": "Every course in the school, billed each month. Cancel any time.",
        "interval": BillingInterval.month,
        "amount": 2000,
        "currency": "USD",
        "trial_days": 0,
        "scope": PlanScope.all_courses,
        "position": 0,
    },
    {
        "name": "Yearly",
        "description": "Every course for a year: two months free, and 14 days to try it first.",
        "interval": BillingInterval.year,
        "amount": 20000,
        "currency": "USD",
        "trial_days": 14,
        "scope": PlanScope.all_courses,
        "position": 1,
    },
)

COUPONS: tuple[dict[str, object], ...] = (
    {
        "code": "WELCOME20",
        "kind": DiscountKind.percent,
        "percent_off": 20,
        "applies_to": CouponTarget.everything,
        "per_user_limit": 1,
        "duration": CouponDuration.once,
    },
    {
        "code": "FIRST3",
        "kind": DiscountKind.amount,
        "amount_off": 1000,
        "currency": "USD",
        "applies_to": CouponTarget.everything,
        "max_redemptions": 100,
        "per_user_limit": 1,
        "duration": CouponDuration.repeating,
        "duration_months": 3,
    },
)


async def seed_offers(session: AsyncSession) -> tuple[int, int]:
    """Add the demo plans and coupons that are missing; returns how many of each were added."""
    names = set(await session.scalars(select(Plan.name)))
    codes = set(await session.scalars(select(Coupon.code)))
    plans = [Plan(**fields) for fields in PLANS if fields["name"] not in names]
    coupons = [Coupon(**fields) for fields in COUPONS if fields["code"] not in codes]
    session.add_all([*plans, *coupons])
    await session.flush()
    return len(plans), len(coupons)
