"""Checkout: price what the buyer asked for on the server (course or plan, coupon checked and
one redemption taken under a row lock), record the order or subscription, and send the buyer
to the provider's page. Nothing here grants access: the provider's webhook does."""

from __future__ import annotations

import uuid

from lectern.catalog.access import PUBLIC_STATUSES
from lectern.catalog.repository import CourseRepository
from lectern.commerce.context import CommerceContext
from lectern.commerce.fulfilment import mark_order_paid
from lectern.commerce.presenters import present_orders
from lectern.commerce.pricing import (
    CouponRefused,
    Priced,
    describe_duration,
    price_with,
    usable_coupon,
)
from lectern.commerce.providers import enabled_providers
from lectern.commerce.providers.base import (
    Buyer,
    CheckoutPaid,
    CourseCheckout,
    Discount,
    PlanRef,
    SubscriptionCheckout,
)
from lectern.commerce.repository import CommerceRepository
from lectern.commerce.schemas import (
    CheckoutRequest,
    CheckoutStarted,
    OrderOut,
    PaymentsConfig,
    ProviderOption,
    Purchase,
    Quote,
)
from lectern.errors import Conflict, NotFound
from lectern.learning.repository import LearningRepository
from lectern.models import (
    Coupon,
    CouponRedemption,
    Course,
    EnrollmentSource,
    Order,
    OrderKind,
    OrderLine,
    OrderStatus,
    PaymentProvider,
    Plan,
    RedemptionStatus,
    Subscription,
    SubscriptionStatus,
    User,
)

LABELS = {
    PaymentProvider.stripe: "Card",
    PaymentProvider.paypal: "PayPal",
    PaymentProvider.test: "Test payment",
}


def plan_ref(plan: Plan) -> PlanRef:
    return PlanRef(
        plan_id=plan.id,
        name=plan.name,
        amount=plan.amount,
        currency=plan.currency,
        interval=plan.interval,
        trial_days=plan.trial_days,
        stripe_price_id=plan.stripe_price_id,
        paypal_plan_id=plan.paypal_plan_id,
    )


class CheckoutService:
    def config(self, ctx: CommerceContext) -> PaymentsConfig:
        return PaymentsConfig(
            providers=[
                ProviderOption(id=p, label=LABELS[p], test_mode=p is PaymentProvider.test)
                for p in enabled_providers(ctx.settings)
            ]
        )

    async def quote(self, ctx: CommerceContext, user: User | None, purchase: Purchase) -> Quote:
        """The price the buyer would pay now, coupon included: what checkout will charge."""
        if purchase.course_id is not None:
            course = await self._sellable_course(ctx, purchase.course_id)
            priced = await self._price_course(ctx, user, course, purchase.coupon_code)
            return _quote(priced, None, 0)
        assert purchase.plan_id is not None
        plan = await self._plan(ctx, purchase.plan_id)
        priced = await self._price_plan(ctx, user, plan, purchase.coupon_code)
        return _quote(priced, plan, plan.trial_days)

    async def start(
        self, ctx: CommerceContext, user: User, request: CheckoutRequest
    ) -> CheckoutStarted:
        offered = enabled_providers(ctx.settings)
        if not offered:
            raise Conflict("Payments are not set up on this site.", code="payments_off")
        provider = request.provider or offered[0]
        if provider not in offered:
            raise Conflict(
                f"Paying with {provider.value} is not offered here.", code="provider_off"
            )
        if request.course_id is not None:
            return await self._start_course(
                ctx, user, request.course_id, request.coupon_code, provider
            )
        assert request.plan_id is not None
        return await self._start_plan(ctx, user, request.plan_id, request.coupon_code, provider)

    # --- a course -----------------------------------------------------------------------

    async def _sellable_course(self, ctx: CommerceContext, course_id: uuid.UUID) -> Course:
        course = await CourseRepository(ctx.session).with_team(course_id)
        if course is None or course.status not in PUBLIC_STATUSES:
            raise NotFound("No such course.")
        if course.is_free:
            raise Conflict("This course is free: enrol instead.", code="course_free")
        return course

    async def _price_course(
        self, ctx: CommerceContext, user: User | None, course: Course, code: str | None
    ) -> Priced:
        assert course.price_amount is not None
        coupon = None
        if code:
            coupon = await usable_coupon(
                CommerceRepository(ctx.session),
                code,
                user_id=user.id if user else None,
                currency=course.currency,
                course_id=course.id,
            )
        return price_with(course.price_amount, course.currency, coupon)

    async def _start_course(
        self,
        ctx: CommerceContext,
        user: User,
        course_id: uuid.UUID,
        code: str | None,
        provider: PaymentProvider,
    ) -> CheckoutStarted:
        course = await self._sellable_course(ctx, course_id)
        if course.is_taught_by(user.id):
            raise Conflict("You teach this course.", code="course_team")
        enrollment = await LearningRepository(ctx.session).enrollment(user.id, course.id)
        if enrollment is not None and enrollment.source in (
            EnrollmentSource.purchase,
            EnrollmentSource.grant,
        ):
            raise Conflict("You already have this course.", code="already_owned")
        priced = await self._price_course(ctx, user, course, code)
        order = Order(
            id=uuid.uuid4(),
            user_id=user.id,
            kind=OrderKind.course,
            status=OrderStatus.pending,
            provider=provider,
            currency=priced.currency,
            subtotal_amount=priced.subtotal,
            discount_amount=priced.discount,
            total_amount=priced.total,
            coupon_id=priced.coupon.id if priced.coupon else None,
        )
        ctx.session.add(order)
        ctx.session.add(
            OrderLine(
                order_id=order.id,
                course_id=course.id,
                description=course.title,
                unit_amount=priced.subtotal,
                discount_amount=priced.discount,
                amount=priced.total,
            )
        )
        await ctx.session.flush()
        if priced.coupon is not None:
            await self._redeem(ctx, priced.coupon, user, order_id=order.id)
        public = ctx.settings.public_url.rstrip("/")
        success = f"{public}/checkout/complete?order={order.id}"
        if priced.total == 0:
            # Fully discounted: nothing to pay, nothing for a provider to confirm.
            gateway = ctx.gateway(provider)
            fact = CheckoutPaid(order.id, f"free_{order.id.hex}", 0, 0)
            await mark_order_paid(ctx.session, ctx.settings, ctx.jobs, gateway.name, fact)
            ctx.enrollments_changed()
            return CheckoutStarted(
                provider=provider, checkout_url=success, order_id=order.id, subscription_id=None
            )
        repository = CommerceRepository(ctx.session)
        redirect = await ctx.gateway(provider).start_course_checkout(
            CourseCheckout(
                order_id=order.id,
                buyer=Buyer(
                    user.id,
                    user.email,
                    user.display_name,
                    await repository.customer_id(user.id, provider),
                ),
                description=course.title,
                currency=priced.currency,
                amount=priced.total,
                success_url=success,
                cancel_url=f"{public}/courses/{course.slug}?checkout=cancelled",
            )
        )
        order.provider_checkout_id = redirect.checkout_id
        if redirect.customer_id:
            await repository.remember_customer(user.id, provider, redirect.customer_id)
        await ctx.session.flush()
        return CheckoutStarted(
            provider=provider, checkout_url=redirect.url, order_id=order.id, subscription_id=None
        )

    # --- a plan -------------------------------------------------------------------------

    async def _plan(self, ctx: CommerceContext, plan_id: uuid.UUID) -> Plan:
        plan = await CommerceRepository(ctx.session).plan(plan_id)
        if plan is None or not plan.active:
            raise NotFound("No such plan.")
        return plan

    async def _price_plan(
        self, ctx: CommerceContext, user: User | None, plan: Plan, code: str | None
    ) -> Priced:
        coupon = None
        if code:
            coupon = await usable_coupon(
                CommerceRepository(ctx.session),
                code,
                user_id=user.id if user else None,
                currency=plan.currency,
                plan_id=plan.id,
            )
        return price_with(plan.amount, plan.currency, coupon, recurring=True)

    async def _start_plan(
        self,
        ctx: CommerceContext,
        user: User,
        plan_id: uuid.UUID,
        code: str | None,
        provider: PaymentProvider,
    ) -> CheckoutStarted:
        plan = await self._plan(ctx, plan_id)
        repository = CommerceRepository(ctx.session)
        if await repository.live_subscription(user.id) is not None:
            raise Conflict(
                "You already have a subscription: change its plan from your account.",
                code="already_subscribed",
            )
        priced = await self._price_plan(ctx, user, plan, code)
        subscription = Subscription(
            id=uuid.uuid4(),
            user_id=user.id,
            plan_id=plan.id,
            provider=provider,
            status=SubscriptionStatus.incomplete,
            coupon_id=priced.coupon.id if priced.coupon else None,
        )
        ctx.session.add(subscription)
        await ctx.session.flush()
        discount = None
        if priced.coupon is not None:
            await self._redeem(ctx, priced.coupon, user, subscription_id=subscription.id)
            coupon = priced.coupon
            discount = Discount(
                coupon_id=coupon.id,
                code=coupon.code,
                percent_off=coupon.percent_off,
                amount_off=coupon.amount_off,
                duration=coupon.duration,
                duration_months=coupon.duration_months,
                first_amount=priced.total,
                later_amount=priced.later_total if priced.later_total is not None else plan.amount,
            )
        public = ctx.settings.public_url.rstrip("/")
        redirect = await ctx.gateway(provider).start_subscription_checkout(
            SubscriptionCheckout(
                subscription_id=subscription.id,
                buyer=Buyer(
                    user.id,
                    user.email,
                    user.display_name,
                    await repository.customer_id(user.id, provider),
                ),
                plan=plan_ref(plan),
                discount=discount,
                success_url=f"{public}/checkout/complete?subscription={subscription.id}",
                cancel_url=f"{public}/pricing?checkout=cancelled",
            )
        )
        subscription.provider_checkout_id = redirect.checkout_id
        if redirect.customer_id:
            subscription.provider_customer_id = redirect.customer_id
            await repository.remember_customer(user.id, provider, redirect.customer_id)
        if redirect.plan_ref:
            if provider is PaymentProvider.stripe and discount is None:
                plan.stripe_price_id = redirect.plan_ref
            elif provider is PaymentProvider.paypal and discount is None:
                plan.paypal_plan_id = redirect.plan_ref
        await ctx.session.flush()
        return CheckoutStarted(
            provider=provider,
            checkout_url=redirect.url,
            order_id=None,
            subscription_id=subscription.id,
        )

    async def _redeem(
        self,
        ctx: CommerceContext,
        coupon: Coupon,
        user: User,
        *,
        order_id: uuid.UUID | None = None,
        subscription_id: uuid.UUID | None = None,
    ) -> None:
        """Take one redemption for this checkout; the last one can't be taken twice."""
        repository = CommerceRepository(ctx.session)
        if not await repository.take_redemption(coupon.id):
            raise CouponRefused("This coupon has been used up.", code="coupon_exhausted")
        # The coupon's row is locked now: this buyer's other checkouts wait here.
        if (
            coupon.per_user_limit is not None
            and await repository.user_redemptions(coupon.id, user.id) >= coupon.per_user_limit
        ):
            raise CouponRefused("You have already used this coupon.", code="coupon_already_used")
        ctx.session.add(
            CouponRedemption(
                coupon_id=coupon.id,
                user_id=user.id,
                status=RedemptionStatus.held,
                order_id=order_id,
                subscription_id=subscription_id,
            )
        )
        await ctx.session.flush()

    # --- after the provider's page ------------------------------------------------------

    async def order(self, ctx: CommerceContext, user: User, order_id: uuid.UUID) -> OrderOut:
        found = await CommerceRepository(ctx.session).order(order_id)
        if found is None or found.user_id != user.id:
            raise NotFound("No such order.")
        return (await present_orders(CommerceRepository(ctx.session), [found]))[0]

    async def returned(self, ctx: CommerceContext, user: User, order_id: uuid.UUID) -> OrderOut:
        """The buyer is back from the provider's page: let the provider finish what needs the
        buyer's approval (PayPal's capture). The order turns paid when the webhook says so."""
        found = await CommerceRepository(ctx.session).order(order_id)
        if found is None or found.user_id != user.id:
            raise NotFound("No such order.")
        if found.status == OrderStatus.pending and found.provider_checkout_id:
            await ctx.gateway(found.provider).confirm_return(found.provider_checkout_id)
        return await self.order(ctx, user, order_id)


def _quote(priced: Priced, plan: Plan | None, trial_days: int) -> Quote:
    return Quote(
        currency=priced.currency,
        subtotal=priced.subtotal,
        discount=priced.discount,
        total=priced.total,
        coupon_code=priced.coupon.code if priced.coupon else None,
        coupon_summary=priced.coupon_summary,
        discount_applies_to=describe_duration(priced.coupon)
        if priced.coupon is not None and plan is not None
        else None,
        later_total=priced.later_total,
        interval=plan.interval if plan else None,
        trial_days=trial_days,
    )


checkout_service = CheckoutService()
