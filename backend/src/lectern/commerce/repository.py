"""Every SQL statement of the commerce domain."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from lectern.models import (
    Coupon,
    CouponRedemption,
    Course,
    Order,
    OrderLine,
    OrderStatus,
    PaymentCustomer,
    PaymentEvent,
    PaymentProvider,
    Plan,
    RedemptionStatus,
    Refund,
    RefundStatus,
    Subscription,
    SubscriptionStatus,
    User,
    plan_courses,
)
from lectern.models.base import utcnow
from lectern.progress.flusher import dialect_insert

# Subscriptions that may still bill or grant: a user holds at most one of these.
LIVE_STATUSES = (
    SubscriptionStatus.trialing,
    SubscriptionStatus.active,
    SubscriptionStatus.past_due,
    SubscriptionStatus.paused,
)


class CommerceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- plans ------------------------------------------------------------------------

    async def plans(self, *, active_only: bool) -> list[Plan]:
        statement = select(Plan).order_by(Plan.position, Plan.amount, Plan.created_at)
        if active_only:
            statement = statement.where(Plan.active.is_(True))
        return list(await self.session.scalars(statement))

    async def plan(self, plan_id: uuid.UUID) -> Plan | None:
        return await self.session.get(Plan, plan_id)

    async def plan_by_provider_ref(self, provider: PaymentProvider, ref: str) -> Plan | None:
        column = Plan.paypal_plan_id if provider is PaymentProvider.paypal else Plan.stripe_price_id
        found: Plan | None = await self.session.scalar(select(Plan).where(column == ref))
        return found

    async def plan_course_ids(
        self, plan_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[uuid.UUID]]:
        if not plan_ids:
            return {}
        rows = await self.session.execute(
            select(plan_courses.c.plan_id, plan_courses.c.course_id).where(
                plan_courses.c.plan_id.in_(list(plan_ids))
            )
        )
        found: dict[uuid.UUID, list[uuid.UUID]] = {plan_id: [] for plan_id in plan_ids}
        for plan_id, course_id in rows:
            found[plan_id].append(course_id)
        return found

    async def set_plan_courses(self, plan_id: uuid.UUID, course_ids: Sequence[uuid.UUID]) -> None:
        await self.session.execute(delete(plan_courses).where(plan_courses.c.plan_id == plan_id))
        if course_ids:
            await self.session.execute(
                insert(plan_courses),
                [{"plan_id": plan_id, "course_id": course_id} for course_id in set(course_ids)],
            )

    async def existing_course_ids(self, course_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        if not course_ids:
            return set()
        return set(await self.session.scalars(select(Course.id).where(Course.id.in_(course_ids))))

    async def paid_course_count(self) -> int:
        return int(
            await self.session.scalar(select(func.count()).where(Course.price_amount > 0)) or 0
        )

    # --- coupons ----------------------------------------------------------------------

    async def coupon_by_code(self, code: str) -> Coupon | None:
        found: Coupon | None = await self.session.scalar(
            select(Coupon).where(func.upper(Coupon.code) == code.strip().upper())
        )
        return found

    async def coupons(self) -> list[Coupon]:
        return list(await self.session.scalars(select(Coupon).order_by(Coupon.created_at.desc())))

    async def take_redemption(self, coupon_id: uuid.UUID) -> bool:
        """One more redemption of the coupon, if one is left: a conditional UPDATE, so the
        database decides between concurrent checkouts (the row lock it takes also holds
        other checkouts of this coupon until this transaction ends)."""
        taken = await self.session.execute(
            update(Coupon)
            .where(
                Coupon.id == coupon_id,
                (Coupon.max_redemptions.is_(None))
                | (Coupon.redeemed_count < Coupon.max_redemptions),
            )
            .values(redeemed_count=Coupon.redeemed_count + 1)
            .returning(Coupon.id)
        )
        return taken.first() is not None

    async def user_redemptions(self, coupon_id: uuid.UUID, user_id: uuid.UUID) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).where(
                    CouponRedemption.coupon_id == coupon_id,
                    CouponRedemption.user_id == user_id,
                    CouponRedemption.status != RedemptionStatus.released,
                )
            )
            or 0
        )

    async def redemption_for(
        self, *, order_id: uuid.UUID | None = None, subscription_id: uuid.UUID | None = None
    ) -> CouponRedemption | None:
        statement = select(CouponRedemption)
        if order_id is not None:
            statement = statement.where(CouponRedemption.order_id == order_id)
        else:
            statement = statement.where(CouponRedemption.subscription_id == subscription_id)
        found: CouponRedemption | None = await self.session.scalar(statement)
        return found

    async def release_redemption(self, redemption: CouponRedemption) -> None:
        """Give a held redemption back, once, even if two closings race."""
        released = await self.session.execute(
            update(CouponRedemption)
            .where(
                CouponRedemption.id == redemption.id,
                CouponRedemption.status == RedemptionStatus.held,
            )
            .values(status=RedemptionStatus.released)
            .returning(CouponRedemption.id)
            .execution_options(synchronize_session=False)
        )
        if released.first() is None:
            return
        await self.session.execute(
            update(Coupon)
            .where(Coupon.id == redemption.coupon_id, Coupon.redeemed_count > 0)
            .values(redeemed_count=Coupon.redeemed_count - 1)
        )
        await self.session.refresh(redemption)

    async def confirm_redemption(self, redemption: CouponRedemption) -> None:
        """A paid checkout keeps its redemption; one given back meanwhile is taken again
        (the money was taken: the buyer keeps the discount)."""
        if redemption.status == RedemptionStatus.released:
            await self.session.execute(
                update(Coupon)
                .where(Coupon.id == redemption.coupon_id)
                .values(redeemed_count=Coupon.redeemed_count + 1)
            )
        redemption.status = RedemptionStatus.redeemed
        await self.session.flush()

    # --- orders -----------------------------------------------------------------------

    async def order(self, order_id: uuid.UUID, *, lock: bool = False) -> Order | None:
        statement = select(Order).where(Order.id == order_id)
        if lock:
            statement = statement.with_for_update()
        found: Order | None = await self.session.scalar(statement)
        return found

    async def order_by_payment(self, provider: PaymentProvider, payment_id: str) -> Order | None:
        found: Order | None = await self.session.scalar(
            select(Order)
            .where(Order.provider == provider, Order.provider_payment_id == payment_id)
            .with_for_update()
        )
        return found

    async def order_by_checkout(self, provider: PaymentProvider, checkout_id: str) -> Order | None:
        found: Order | None = await self.session.scalar(
            select(Order).where(
                Order.provider == provider, Order.provider_checkout_id == checkout_id
            )
        )
        return found

    async def add_subscription_order(self, values: dict[str, object]) -> uuid.UUID | None:
        """The order of one subscription payment, once per payment id (None: already there)."""
        inserted: uuid.UUID | None = await self.session.scalar(
            dialect_insert(self.session)(Order)
            .values(values)
            .on_conflict_do_nothing(index_elements=["provider", "provider_payment_id"])
            .returning(Order.id)
        )
        return inserted

    async def lines(self, order_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[OrderLine]]:
        found: dict[uuid.UUID, list[OrderLine]] = {order_id: [] for order_id in order_ids}
        if not order_ids:
            return found
        for line in await self.session.scalars(
            select(OrderLine).where(OrderLine.order_id.in_(list(order_ids))).order_by(OrderLine.id)
        ):
            found[line.order_id].append(line)
        return found

    async def refunds(self, order_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Refund]]:
        found: dict[uuid.UUID, list[Refund]] = {order_id: [] for order_id in order_ids}
        if not order_ids:
            return found
        for refund in await self.session.scalars(
            select(Refund).where(Refund.order_id.in_(list(order_ids))).order_by(Refund.created_at)
        ):
            found[refund.order_id].append(refund)
        return found

    async def orders_of(self, user_id: uuid.UUID) -> list[Order]:
        return list(
            await self.session.scalars(
                select(Order)
                .where(Order.user_id == user_id, Order.status != OrderStatus.expired)
                .order_by(Order.created_at.desc())
            )
        )

    async def orders_page(
        self, *, status: OrderStatus | None, email: str | None, before: datetime | None, limit: int
    ) -> list[tuple[Order, User]]:
        statement = (
            select(Order, User)
            .join(User, User.id == Order.user_id)
            .order_by(Order.created_at.desc(), Order.id)
            .limit(limit)
        )
        if status is not None:
            statement = statement.where(Order.status == status)
        if email:
            statement = statement.where(func.lower(User.email).contains(email.strip().lower()))
        if before is not None:
            statement = statement.where(Order.created_at < before)
        rows = await self.session.execute(statement)
        return [(order, user) for order, user in rows]

    async def stale_orders(self, older_than: datetime) -> list[Order]:
        return list(
            await self.session.scalars(
                select(Order).where(
                    Order.status == OrderStatus.pending, Order.created_at < older_than
                )
            )
        )

    async def pending_refund_total(self, order_id: uuid.UUID) -> int:
        return int(
            await self.session.scalar(
                select(func.coalesce(func.sum(Refund.amount), 0)).where(
                    Refund.order_id == order_id, Refund.status == RefundStatus.pending
                )
            )
            or 0
        )

    async def refund_by_provider_id(
        self, provider: PaymentProvider, refund_id: str
    ) -> Refund | None:
        found: Refund | None = await self.session.scalar(
            select(Refund)
            .where(Refund.provider == provider, Refund.provider_refund_id == refund_id)
            .with_for_update()
        )
        return found

    # --- subscriptions ----------------------------------------------------------------

    async def subscription(
        self, subscription_id: uuid.UUID, *, lock: bool = False
    ) -> Subscription | None:
        statement = select(Subscription).where(Subscription.id == subscription_id)
        if lock:
            statement = statement.with_for_update()
        found: Subscription | None = await self.session.scalar(statement)
        return found

    async def subscription_by_provider_id(
        self, provider: PaymentProvider, provider_subscription_id: str
    ) -> Subscription | None:
        found: Subscription | None = await self.session.scalar(
            select(Subscription)
            .where(
                Subscription.provider == provider,
                Subscription.provider_subscription_id == provider_subscription_id,
            )
            .with_for_update()
        )
        return found

    async def subscription_by_checkout(
        self, provider: PaymentProvider, checkout_id: str
    ) -> Subscription | None:
        found: Subscription | None = await self.session.scalar(
            select(Subscription).where(
                Subscription.provider == provider,
                Subscription.provider_checkout_id == checkout_id,
            )
        )
        return found

    async def subscriptions_of(self, user_id: uuid.UUID) -> list[tuple[Subscription, Plan]]:
        rows = await self.session.execute(
            select(Subscription, Plan)
            .join(Plan, Plan.id == Subscription.plan_id)
            .where(
                Subscription.user_id == user_id,
                Subscription.status != SubscriptionStatus.expired,
            )
            .order_by(Subscription.created_at.desc())
        )
        return [(subscription, plan) for subscription, plan in rows]

    async def live_subscription(self, user_id: uuid.UUID) -> Subscription | None:
        found: Subscription | None = await self.session.scalar(
            select(Subscription).where(
                Subscription.user_id == user_id, Subscription.status.in_(LIVE_STATUSES)
            )
        )
        return found

    async def subscriptions_page(self, limit: int) -> list[tuple[Subscription, Plan, User]]:
        rows = await self.session.execute(
            select(Subscription, Plan, User)
            .join(Plan, Plan.id == Subscription.plan_id)
            .join(User, User.id == Subscription.user_id)
            .where(Subscription.status != SubscriptionStatus.expired)
            .order_by(Subscription.created_at.desc())
            .limit(limit)
        )
        return [(s, p, u) for s, p, u in rows]

    async def subscriptions_due(self, now: datetime, grace_start: datetime) -> list[uuid.UUID]:
        """Subscriptions whose access may have to change now: at or past their period end,
        past due beyond the grace period, or checkouts never finished."""
        ended = (Subscription.current_period_end <= now) & Subscription.status.in_(
            (SubscriptionStatus.trialing, SubscriptionStatus.active, SubscriptionStatus.past_due)
        )
        overdue = (Subscription.status == SubscriptionStatus.past_due) & (
            Subscription.past_due_since <= grace_start
        )
        found = await self.session.scalars(select(Subscription.id).where(ended | overdue))
        return list(found)

    async def stale_checkouts(self, older_than: datetime) -> list[Subscription]:
        return list(
            await self.session.scalars(
                select(Subscription).where(
                    Subscription.status == SubscriptionStatus.incomplete,
                    Subscription.created_at < older_than,
                )
            )
        )

    # --- customers and events ---------------------------------------------------------

    async def customer_id(self, user_id: uuid.UUID, provider: PaymentProvider) -> str | None:
        found = await self.session.get(PaymentCustomer, (user_id, provider))
        return found.customer_id if found else None

    async def remember_customer(
        self, user_id: uuid.UUID, provider: PaymentProvider, customer_id: str
    ) -> None:
        await self.session.execute(
            dialect_insert(self.session)(PaymentCustomer)
            .values(user_id=user_id, provider=provider, customer_id=customer_id)
            .on_conflict_do_nothing(index_elements=["user_id", "provider"])
        )

    async def store_event(
        self,
        provider: PaymentProvider,
        event_id: str,
        type_: str,
        payload: dict[str, object],
        occurred_at: datetime,
    ) -> tuple[uuid.UUID, bool]:
        """The event's row id and whether this delivery stored it (False: seen before)."""
        new_id = uuid.uuid4()
        inserted = await self.session.scalar(
            dialect_insert(self.session)(PaymentEvent)
            .values(
                id=new_id,
                provider=provider,
                event_id=event_id,
                type=type_,
                payload=payload,
                occurred_at=occurred_at,
                received_at=utcnow(),
                attempts=0,
            )
            .on_conflict_do_nothing(index_elements=["provider", "event_id"])
            .returning(PaymentEvent.id)
        )
        if inserted is not None:
            return inserted, True
        existing = await self.session.scalar(
            select(PaymentEvent.id).where(
                PaymentEvent.provider == provider, PaymentEvent.event_id == event_id
            )
        )
        assert existing is not None
        return existing, False

    async def event_processed(self, event_row_id: uuid.UUID) -> bool:
        processed = await self.session.scalar(
            select(PaymentEvent.processed_at).where(PaymentEvent.id == event_row_id)
        )
        return processed is not None

    async def claim_event(self, event_row_id: uuid.UUID) -> bool:
        """Mark the event processed in the transaction of its effect: of two workers, the
        second waits on the row and then finds it taken."""
        claimed = await self.session.execute(
            update(PaymentEvent)
            .where(PaymentEvent.id == event_row_id, PaymentEvent.processed_at.is_(None))
            .values(processed_at=utcnow(), attempts=PaymentEvent.attempts + 1)
            .returning(PaymentEvent.id)
            .execution_options(synchronize_session=False)
        )
        return claimed.first() is not None

    async def note_event_failure(self, event_row_id: uuid.UUID, error: str) -> None:
        await self.session.execute(
            update(PaymentEvent)
            .where(PaymentEvent.id == event_row_id)
            .values(attempts=PaymentEvent.attempts + 1, last_error=error[:2000])
        )

    async def unprocessed_events(self, older_than: datetime) -> list[uuid.UUID]:
        found = await self.session.scalars(
            select(PaymentEvent.id)
            .where(PaymentEvent.processed_at.is_(None), PaymentEvent.received_at < older_than)
            .order_by(PaymentEvent.received_at)
            .limit(200)
        )
        return list(found)

    async def users(self, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, User]:
        if not user_ids:
            return {}
        found = await self.session.scalars(
            select(User).where(User.id.in_(list(user_ids))).options(selectinload(User.roles))
        )
        return {user.id: user for user in found}

    async def course_titles(
        self, course_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[str, str]]:
        if not course_ids:
            return {}
        rows = await self.session.execute(
            select(Course.id, Course.title, Course.slug).where(Course.id.in_(list(course_ids)))
        )
        return {course_id: (title, slug) for course_id, title, slug in rows}
