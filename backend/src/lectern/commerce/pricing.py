"""What a buyer pays: the price from the database, less a coupon the server checked. The
browser's idea of the price never counts; it is shown the same computation before checkout."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from lectern.commerce.repository import CommerceRepository
from lectern.errors import Conflict, NotFound
from lectern.models import Coupon, CouponDuration, CouponTarget, DiscountKind
from lectern.models.base import utcnow


class CouponRefused(Conflict):
    """A coupon that can't be used here, with the reason in ``code``."""

    code = "coupon_refused"


@dataclass(frozen=True)
class Priced:
    currency: str
    subtotal: int
    discount: int
    total: int
    coupon: Coupon | None
    # Subscriptions: what later payments cost once a limited discount is over.
    later_total: int | None = None

    @property
    def coupon_summary(self) -> str | None:
        return describe_coupon(self.coupon) if self.coupon else None


def discount_of(coupon: Coupon, amount: int) -> int:
    if coupon.kind is DiscountKind.percent:
        # Rounded to the nearest minor unit, never more than the amount.
        return min(amount, (amount * (coupon.percent_off or 0) + 50) // 100)
    return min(amount, coupon.amount_off or 0)


def describe_coupon(coupon: Coupon) -> str:
    if coupon.kind is DiscountKind.percent:
        off = f"{coupon.percent_off}% off"
    else:
        from lectern.commerce.money import describe

        off = f"{describe(coupon.amount_off or 0, coupon.currency or 'USD')} off"
    return off


def describe_duration(coupon: Coupon) -> str:
    if coupon.duration is CouponDuration.forever:
        return "every payment"
    if coupon.duration is CouponDuration.repeating and coupon.duration_months:
        months = coupon.duration_months
        return f"the first {months} month{'s' if months != 1 else ''}"
    return "the first payment"


def _date(moment: datetime) -> str:
    return moment.strftime("%-d %B %Y")


async def usable_coupon(
    repository: CommerceRepository,
    code: str,
    *,
    user_id: uuid.UUID | None,
    currency: str,
    course_id: uuid.UUID | None = None,
    plan_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> Coupon:
    """The coupon behind ``code`` if this buyer may use it on this course or plan now;
    otherwise CouponRefused with a message a buyer understands."""
    now = now or utcnow()
    coupon = await repository.coupon_by_code(code)
    if coupon is None or not coupon.active:
        raise CouponRefused("There is no coupon with that code.", code="coupon_not_found")
    if coupon.starts_at is not None and coupon.starts_at > now:
        raise CouponRefused(
            f"This coupon can be used from {_date(coupon.starts_at)}.", code="coupon_not_started"
        )
    if coupon.ends_at is not None and coupon.ends_at <= now:
        raise CouponRefused(
            f"This coupon expired on {_date(coupon.ends_at)}.", code="coupon_expired"
        )
    fits = (
        coupon.applies_to is CouponTarget.everything
        or (
            coupon.applies_to is CouponTarget.course and course_id and coupon.course_id == course_id
        )
        or (coupon.applies_to is CouponTarget.plan and plan_id and coupon.plan_id == plan_id)
    )
    if not fits:
        what = "this course" if course_id else "this plan"
        raise CouponRefused(f"This coupon can't be used for {what}.", code="coupon_not_applicable")
    if coupon.kind is DiscountKind.amount and (coupon.currency or "").upper() != currency.upper():
        raise CouponRefused(
            f"This coupon is for prices in {coupon.currency}.", code="coupon_not_applicable"
        )
    if coupon.max_redemptions is not None and coupon.redeemed_count >= coupon.max_redemptions:
        raise CouponRefused("This coupon has been used up.", code="coupon_exhausted")
    if (
        user_id is not None
        and coupon.per_user_limit is not None
        and await repository.user_redemptions(coupon.id, user_id) >= coupon.per_user_limit
    ):
        raise CouponRefused("You have already used this coupon.", code="coupon_already_used")
    return coupon


def price_with(
    amount: int, currency: str, coupon: Coupon | None, *, recurring: bool = False
) -> Priced:
    if coupon is None:
        return Priced(currency, amount, 0, amount, None, amount if recurring else None)
    discount = discount_of(coupon, amount)
    later = None
    if recurring:
        later = amount - discount if coupon.duration is CouponDuration.forever else amount
    return Priced(currency, amount, discount, amount - discount, coupon, later)


def require(found: object, what: str) -> None:
    if found is None:
        raise NotFound(f"No such {what}.")
