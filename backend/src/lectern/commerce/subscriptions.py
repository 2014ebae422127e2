"""The subscriber's own subscription (cancel at period end, resume, change plan, the
provider's portal), the admin's list, and the sweep the worker's beat runs: subscriptions
ended at their period end, paused after the grace period, checkouts never finished."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from lectern.auth.permissions import require_role
from lectern.commerce.checkout import plan_ref
from lectern.commerce.context import CommerceContext
from lectern.commerce.fulfilment import GRANTING, apply_snapshot, close_checkout, refresh_access
from lectern.commerce.presenters import present_plans, subscription_out
from lectern.commerce.providers import provider_for
from lectern.commerce.providers.base import (
    CheckoutClosed,
    ProviderFailed,
    ProviderUnavailable,
    SubscriptionSnapshot,
)
from lectern.commerce.repository import CommerceRepository
from lectern.commerce.schemas import (
    AdminSubscriptionOut,
    PlanChangeResult,
    PortalLink,
    SubscriptionOut,
)
from lectern.config import Settings
from lectern.errors import Conflict, NotFound
from lectern.kit.queue import JobBuffer
from lectern.models import PaymentProvider, Plan, Role, Subscription, SubscriptionStatus, User
from lectern.models.base import utcnow

log = logging.getLogger("lectern.payments")
T = TypeVar("T")


class SubscriptionService:
    async def mine(self, ctx: CommerceContext, user: User) -> list[SubscriptionOut]:
        """The student's subscriptions, the live one first."""
        repository = CommerceRepository(ctx.session)
        rows = await repository.subscriptions_of(user.id)
        rows = [(s, p) for s, p in rows if s.status != SubscriptionStatus.incomplete]
        plans = {
            p.id: p
            for p in await present_plans(repository, list({p.id: p for _, p in rows}.values()))
        }
        return [subscription_out(s, plans[p.id], ctx.settings) for s, p in rows]

    async def one(
        self, ctx: CommerceContext, user: User, subscription_id: uuid.UUID
    ) -> SubscriptionOut:
        subscription, plan = await self._own(ctx, user, subscription_id)
        return await self._out(ctx, subscription, plan)

    async def _own(
        self, ctx: CommerceContext, user: User, subscription_id: uuid.UUID
    ) -> tuple[Subscription, Plan]:
        repository = CommerceRepository(ctx.session)
        subscription = await repository.subscription(subscription_id, lock=True)
        if subscription is None or subscription.user_id != user.id:
            raise NotFound("No such subscription.")
        plan = await repository.plan(subscription.plan_id)
        assert plan is not None
        return subscription, plan

    async def _out(
        self, ctx: CommerceContext, subscription: Subscription, plan: Plan
    ) -> SubscriptionOut:
        presented = await present_plans(CommerceRepository(ctx.session), [plan])
        return subscription_out(subscription, presented[0], ctx.settings)

    def _live_provider_id(self, subscription: Subscription) -> str:
        if subscription.status not in GRANTING or not subscription.provider_subscription_id:
            raise Conflict("This subscription is not active.", code="subscription_not_active")
        return subscription.provider_subscription_id

    async def _apply(
        self, ctx: CommerceContext, subscription: Subscription, snapshot: SubscriptionSnapshot
    ) -> Subscription:
        applied = await apply_snapshot(ctx.session, ctx.settings, subscription.provider, snapshot)
        ctx.enrollments_changed()
        return applied or subscription

    async def cancel(
        self, ctx: CommerceContext, user: User, subscription_id: uuid.UUID
    ) -> SubscriptionOut:
        """Stop renewing: access goes on until the period (or trial) ends."""
        subscription, plan = await self._own(ctx, user, subscription_id)
        provider_id = self._live_provider_id(subscription)
        if subscription.cancel_at_period_end:
            return await self._out(ctx, subscription, plan)
        gateway = ctx.gateway(subscription.provider)
        snapshot = await _call(gateway.set_cancel_at_period_end(provider_id, True))
        subscription.cancel_at_period_end = True
        subscription = await self._apply(ctx, subscription, snapshot)
        return await self._out(ctx, subscription, plan)

    async def resume(
        self, ctx: CommerceContext, user: User, subscription_id: uuid.UUID
    ) -> SubscriptionOut:
        """Take back a cancellation before the period ends."""
        subscription, plan = await self._own(ctx, user, subscription_id)
        provider_id = self._live_provider_id(subscription)
        if not subscription.cancel_at_period_end:
            return await self._out(ctx, subscription, plan)
        end = subscription.current_period_end
        if end is not None and end <= utcnow():
            raise Conflict(
                "This subscription has ended: subscribe again.", code="subscription_ended"
            )
        gateway = ctx.gateway(subscription.provider)
        snapshot = await _call(gateway.set_cancel_at_period_end(provider_id, False))
        subscription.cancel_at_period_end = False
        subscription = await self._apply(ctx, subscription, snapshot)
        return await self._out(ctx, subscription, plan)

    async def change_plan(
        self, ctx: CommerceContext, user: User, subscription_id: uuid.UUID, plan_id: uuid.UUID
    ) -> PlanChangeResult:
        """Move to another plan; the provider prorates (PayPal asks the buyer to approve)."""
        subscription, _ = await self._own(ctx, user, subscription_id)
        provider_id = self._live_provider_id(subscription)
        repository = CommerceRepository(ctx.session)
        new_plan = await repository.plan(plan_id)
        if new_plan is None or not new_plan.active:
            raise NotFound("No such plan.")
        if new_plan.id == subscription.plan_id:
            raise Conflict("You are on this plan already.", code="same_plan")
        gateway = ctx.gateway(subscription.provider)
        public = ctx.settings.public_url.rstrip("/")
        snapshot, redirect = await _call(
            gateway.change_plan(provider_id, plan_ref(new_plan), f"{public}/account/billing")
        )
        if snapshot is not None:
            if snapshot.plan_ref and subscription.provider is PaymentProvider.stripe:
                new_plan.stripe_price_id = new_plan.stripe_price_id or snapshot.plan_ref
                await ctx.session.flush()
            subscription = await self._apply(ctx, subscription, snapshot)
        plan = await repository.plan(subscription.plan_id)
        assert plan is not None
        return PlanChangeResult(
            subscription=await self._out(ctx, subscription, plan),
            approval_url=redirect.url if redirect else None,
        )

    async def portal(
        self, ctx: CommerceContext, user: User, subscription_id: uuid.UUID
    ) -> PortalLink:
        """Stripe's customer portal (payment methods, invoices), back to the account page."""
        subscription, _ = await self._own(ctx, user, subscription_id)
        if not subscription.provider_customer_id:
            raise Conflict("This subscription has no customer at its provider.", code="no_portal")
        public = ctx.settings.public_url.rstrip("/")
        url = await _call(
            ctx.gateway(subscription.provider).portal_url(
                subscription.provider_customer_id, f"{public}/account/billing"
            )
        )
        if url is None:
            raise Conflict("This payment provider has no customer portal.", code="no_portal")
        return PortalLink(url=url)

    async def admin_list(self, ctx: CommerceContext, admin: User) -> list[AdminSubscriptionOut]:
        require_role(admin, Role.admin)
        repository = CommerceRepository(ctx.session)
        rows = await repository.subscriptions_page(200)
        rows = [(s, p, u) for s, p, u in rows if s.status != SubscriptionStatus.incomplete]
        plans = {
            p.id: p
            for p in await present_plans(repository, list({p.id: p for _, p, _ in rows}.values()))
        }
        return [
            AdminSubscriptionOut(
                **subscription_out(s, plans[p.id], ctx.settings).model_dump(),
                user_id=u.id,
                user_email=u.email,
                user_name=u.display_name,
            )
            for s, p, u in rows
        ]


async def _call(pending: Awaitable[T]) -> T:
    """A provider call on a student's behalf: a provider that fails is a 502, nothing saved."""
    try:
        return await pending
    except ProviderFailed as error:
        raise ProviderUnavailable(
            f"The payment provider did not answer as expected ({error}). Nothing changed."
        ) from error


subscription_service = SubscriptionService()


# --- the beat's sweep -----------------------------------------------------------------------


async def sweep(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings
) -> dict[str, int]:
    """End, pause and close what time has run out on; run the test provider's clock."""
    now = utcnow()
    done = {"subscriptions": 0, "checkouts": 0, "test_clock": 0}
    async with sessionmaker() as session:
        due = await CommerceRepository(session).subscriptions_due(
            now, now - settings.payments_grace_period
        )
    for subscription_id in due:
        async with sessionmaker() as session:
            if await _settle_due(session, settings, subscription_id):
                done["subscriptions"] += 1
            await session.commit()
    async with sessionmaker() as session:
        done["checkouts"] = await _close_stale_checkouts(session, settings)
        await session.commit()
    if settings.test_payments_enabled:
        from lectern.commerce.providers.test_provider import TestProviderActions

        jobs = JobBuffer()
        async with sessionmaker() as session:
            done["test_clock"] = await TestProviderActions(settings, session, jobs).run_clock()
            await session.commit()
        await jobs.dispatch()
    return done


async def _settle_due(
    session: AsyncSession, settings: Settings, subscription_id: uuid.UUID
) -> bool:
    subscription = await CommerceRepository(session).subscription(subscription_id, lock=True)
    if subscription is None:
        return False
    now = utcnow()
    before = (subscription.status, subscription.grants_access)
    provider_id = subscription.provider_subscription_id
    ended = subscription.current_period_end is not None and subscription.current_period_end <= now
    if provider_id and ended:
        gateway = provider_for(settings, subscription.provider, session)
        try:
            if (
                subscription.cancel_at_period_end
                and subscription.provider is PaymentProvider.paypal
            ):
                # PayPal was only suspended until the period's end: now it ends for good.
                snapshot = await gateway.cancel_now(provider_id)
            else:
                # A renewal (or an end) whose webhook has not arrived: ask the provider.
                snapshot = await gateway.fetch_subscription(provider_id)
            await apply_snapshot(session, settings, subscription.provider, snapshot)
        except ProviderFailed:
            log.warning("could not re-read a subscription", extra={"subscription": provider_id})
    await refresh_access(session, settings, subscription, now)
    return (subscription.status, subscription.grants_access) != before


async def _close_stale_checkouts(session: AsyncSession, settings: Settings) -> int:
    repository = CommerceRepository(session)
    older_than = utcnow() - settings.payments_checkout_hold
    closed = 0
    for order in await repository.stale_orders(older_than):
        await close_checkout(
            session,
            order.provider,
            CheckoutClosed(order.provider_checkout_id or "", order_id=order.id),
        )
        closed += 1
    for subscription in await repository.stale_checkouts(older_than):
        await close_checkout(
            session,
            subscription.provider,
            CheckoutClosed(
                subscription.provider_checkout_id or "", subscription_id=subscription.id
            ),
        )
        closed += 1
    return closed
