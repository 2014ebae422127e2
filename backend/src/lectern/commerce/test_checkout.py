"""The offline test provider's hosted page and test clock, as the API serves them. Only when
the test provider is on; a checkout is shown and paid only by the buyer who started it."""

from __future__ import annotations

import uuid
from typing import Any

from lectern.commerce.context import CommerceContext
from lectern.commerce.providers.test_provider import TestProviderActions
from lectern.commerce.repository import CommerceRepository
from lectern.commerce.schemas import TestCheckoutResult, TestCheckoutView
from lectern.errors import Conflict, NotFound
from lectern.models import BillingInterval, PaymentProvider, Role, User


class TestCheckoutService:
    __test__ = False

    def _actions(self, ctx: CommerceContext) -> TestProviderActions:
        if not ctx.settings.test_payments_enabled:
            raise NotFound("Test payments are off on this site.", code="test_payments_off")
        return TestProviderActions(ctx.settings, ctx.session, ctx.jobs)

    async def _checkout(self, ctx: CommerceContext, user: User, checkout_id: str) -> dict[str, Any]:
        checkout = await self._actions(ctx).checkout(checkout_id)
        if checkout["customer"] != str(user.id):
            raise NotFound("No such test checkout.")
        return checkout

    async def view(self, ctx: CommerceContext, user: User, checkout_id: str) -> TestCheckoutView:
        checkout = await self._checkout(ctx, user, checkout_id)
        discount = checkout.get("discount") or {}
        return TestCheckoutView(
            id=checkout["id"],
            mode=checkout["mode"],
            status=checkout["status"],
            description=checkout["description"],
            currency=checkout["currency"],
            amount_total=checkout["amount_total"],
            later_amount=discount.get("later_amount", checkout.get("plan_amount"))
            if checkout["mode"] == "subscription"
            else None,
            interval=BillingInterval(checkout["interval"]) if checkout.get("interval") else None,
            trial_days=int(checkout.get("trial_days") or 0),
            coupon_code=discount.get("code"),
            customer_email=checkout["customer_email"],
            success_url=checkout["success_url"],
            cancel_url=checkout["cancel_url"],
        )

    async def pay(
        self, ctx: CommerceContext, user: User, checkout_id: str, card_number: str
    ) -> TestCheckoutResult:
        await self._checkout(ctx, user, checkout_id)
        checkout = await self._actions(ctx).pay(checkout_id, card_number)
        return TestCheckoutResult(redirect_url=checkout["success_url"])

    async def abandon(
        self, ctx: CommerceContext, user: User, checkout_id: str
    ) -> TestCheckoutResult:
        await self._checkout(ctx, user, checkout_id)
        checkout = await self._actions(ctx).abandon(checkout_id)
        return TestCheckoutResult(redirect_url=checkout["cancel_url"])

    async def _test_subscription(
        self, ctx: CommerceContext, user: User, subscription_id: uuid.UUID
    ) -> str:
        subscription = await CommerceRepository(ctx.session).subscription(subscription_id)
        if subscription is None or (
            subscription.user_id != user.id and not user.has_role(Role.admin)
        ):
            raise NotFound("No such subscription.")
        if subscription.provider is not PaymentProvider.test:
            raise Conflict("Only test subscriptions have a test clock.", code="not_a_test")
        if not subscription.provider_subscription_id:
            raise Conflict("This subscription has not started.", code="subscription_not_active")
        return subscription.provider_subscription_id

    async def end_period(
        self, ctx: CommerceContext, user: User, subscription_id: uuid.UUID
    ) -> None:
        """The test clock: jump to the end of the current period (renew, fail or end)."""
        provider_id = await self._test_subscription(ctx, user, subscription_id)
        await self._actions(ctx).end_period_now(provider_id)

    async def pay_overdue(
        self, ctx: CommerceContext, user: User, subscription_id: uuid.UUID
    ) -> None:
        provider_id = await self._test_subscription(ctx, user, subscription_id)
        await self._actions(ctx).pay_overdue(provider_id)


test_checkout_service = TestCheckoutService()
