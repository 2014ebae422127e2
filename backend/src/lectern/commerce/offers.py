"""What is on sale: subscription plans (public list, admin editing) and coupons (admin)."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError

from lectern.audit.service import audit_service
from lectern.auth.permissions import require_role
from lectern.commerce.context import CommerceContext
from lectern.commerce.presenters import coupon_out, present_plans
from lectern.commerce.repository import CommerceRepository
from lectern.commerce.schemas import (
    CouponOut,
    CouponPatch,
    CouponWrite,
    PlanOut,
    PlanPatch,
    PlanWrite,
)
from lectern.errors import Conflict, Invalid, NotFound
from lectern.models import Coupon, CouponTarget, Plan, PlanScope, Role, User


class OfferService:
    # --- plans --------------------------------------------------------------------------

    async def public_plans(self, ctx: CommerceContext) -> list[PlanOut]:
        repository = CommerceRepository(ctx.session)
        return await present_plans(repository, await repository.plans(active_only=True))

    async def all_plans(self, ctx: CommerceContext, admin: User) -> list[PlanOut]:
        require_role(admin, Role.admin)
        repository = CommerceRepository(ctx.session)
        return await present_plans(repository, await repository.plans(active_only=False))

    async def create_plan(self, ctx: CommerceContext, admin: User, body: PlanWrite) -> PlanOut:
        require_role(admin, Role.admin)
        repository = CommerceRepository(ctx.session)
        courses = await self._collection(repository, body.scope, body.course_ids)
        plan = Plan(
            name=body.name.strip(),
            description=body.description.strip(),
            interval=body.interval,
            amount=body.amount,
            currency=body.currency.upper(),
            trial_days=body.trial_days,
            scope=body.scope,
            active=body.active,
            position=len(await repository.plans(active_only=False)),
        )
        ctx.session.add(plan)
        await ctx.session.flush()
        await repository.set_plan_courses(plan.id, courses)
        await self._audit(ctx, admin, plan, "plan.created")
        return (await present_plans(repository, [plan]))[0]

    async def update_plan(
        self, ctx: CommerceContext, admin: User, plan_id: uuid.UUID, body: PlanPatch
    ) -> PlanOut:
        """Edit a plan. A new price applies to new subscribers (the providers' prices are
        made anew); subscribers keep the price they signed up at."""
        require_role(admin, Role.admin)
        repository = CommerceRepository(ctx.session)
        plan = await repository.plan(plan_id)
        if plan is None:
            raise NotFound("No such plan.")
        fields = body.model_dump(exclude_unset=True)
        if "amount" in fields and fields["amount"] != plan.amount:
            plan.amount = fields["amount"]
            plan.stripe_price_id = None
            plan.paypal_plan_id = None
        if "trial_days" in fields and fields["trial_days"] != plan.trial_days:
            plan.trial_days = fields["trial_days"]
            plan.paypal_plan_id = None  # PayPal keeps the trial in the plan
        for name in ("name", "description"):
            if fields.get(name) is not None:
                setattr(plan, name, fields[name].strip())
        if fields.get("active") is not None:
            plan.active = fields["active"]
        if fields.get("scope") is not None:
            plan.scope = fields["scope"]
        if fields.get("scope") is not None or fields.get("course_ids") is not None:
            current = (await repository.plan_course_ids([plan.id]))[plan.id]
            ids = fields["course_ids"] if fields.get("course_ids") is not None else current
            courses = await self._collection(repository, plan.scope, ids)
            await repository.set_plan_courses(plan.id, courses)
            # Subscribers' access follows the new collection.
            await self._resync_subscribers(ctx, plan)
        await ctx.session.flush()
        await self._audit(ctx, admin, plan, "plan.updated")
        return (await present_plans(repository, [plan]))[0]

    async def _resync_subscribers(self, ctx: CommerceContext, plan: Plan) -> None:
        from sqlalchemy import select

        from lectern.learning.paid_enrollments import sync_subscriber
        from lectern.models import Subscription

        users = await ctx.session.scalars(
            select(Subscription.user_id).where(
                Subscription.plan_id == plan.id, Subscription.grants_access.is_(True)
            )
        )
        for user_id in set(users):
            await sync_subscriber(ctx.session, user_id)
        ctx.enrollments_changed()

    async def _collection(
        self, repository: CommerceRepository, scope: PlanScope, course_ids: list[uuid.UUID]
    ) -> list[uuid.UUID]:
        if scope is PlanScope.all_courses:
            return []
        if not course_ids:
            raise Invalid("A collection plan needs at least one course.", code="empty_collection")
        found = await repository.existing_course_ids(course_ids)
        missing = set(course_ids) - found
        if missing:
            raise Invalid("Some of those courses don't exist.", code="unknown_course")
        return list(found)

    # --- coupons ------------------------------------------------------------------------

    async def coupons(self, ctx: CommerceContext, admin: User) -> list[CouponOut]:
        require_role(admin, Role.admin)
        repository = CommerceRepository(ctx.session)
        found = await repository.coupons()
        titles = await repository.course_titles([c.course_id for c in found if c.course_id])
        return [
            coupon_out(c, titles[c.course_id][0] if c.course_id in titles else None) for c in found
        ]

    async def create_coupon(
        self, ctx: CommerceContext, admin: User, body: CouponWrite
    ) -> CouponOut:
        require_role(admin, Role.admin)
        repository = CommerceRepository(ctx.session)
        if await repository.coupon_by_code(body.code) is not None:
            raise Conflict("A coupon with that code exists.", code="coupon_code_taken")
        title = None
        if body.applies_to is CouponTarget.course:
            assert body.course_id is not None
            titles = await repository.course_titles([body.course_id])
            if body.course_id not in titles:
                raise NotFound("No such course.")
            title = titles[body.course_id][0]
        if body.applies_to is CouponTarget.plan and await repository.plan(body.plan_id) is None:  # type: ignore[arg-type]
            raise NotFound("No such plan.")
        coupon = Coupon(
            code=body.code.upper(),
            kind=body.kind,
            percent_off=body.percent_off if body.kind.value == "percent" else None,
            amount_off=body.amount_off if body.kind.value == "amount" else None,
            currency=body.currency.upper() if body.currency else None,
            applies_to=body.applies_to,
            course_id=body.course_id if body.applies_to is CouponTarget.course else None,
            plan_id=body.plan_id if body.applies_to is CouponTarget.plan else None,
            starts_at=body.starts_at,
            ends_at=body.ends_at,
            max_redemptions=body.max_redemptions,
            per_user_limit=body.per_user_limit,
            duration=body.duration,
            duration_months=body.duration_months,
        )
        ctx.session.add(coupon)
        try:
            await ctx.session.flush()
        except IntegrityError as error:  # the same code created at the same moment
            raise Conflict("A coupon with that code exists.", code="coupon_code_taken") from error
        await audit_service.record(
            ctx.session,
            actor=admin,
            action="coupon.created",
            subject_type="coupon",
            subject_id=coupon.id,
            subject_label=coupon.code,
        )
        return coupon_out(coupon, title)

    async def update_coupon(
        self, ctx: CommerceContext, admin: User, coupon_id: uuid.UUID, body: CouponPatch
    ) -> CouponOut:
        require_role(admin, Role.admin)
        coupon = await ctx.session.get(Coupon, coupon_id, with_for_update=True)
        if coupon is None:
            raise NotFound("No such coupon.")
        fields = body.model_dump(exclude_unset=True)
        if "active" in fields and fields["active"] is not None:
            coupon.active = fields["active"]
        if "ends_at" in fields:
            coupon.ends_at = fields["ends_at"]
        if "max_redemptions" in fields:
            limit = fields["max_redemptions"]
            if limit is not None and limit < coupon.redeemed_count:
                raise Invalid(
                    f"{coupon.redeemed_count} redemptions are taken already.",
                    code="limit_below_redeemed",
                )
            coupon.max_redemptions = limit
        await ctx.session.flush()
        await audit_service.record(
            ctx.session,
            actor=admin,
            action="coupon.updated",
            subject_type="coupon",
            subject_id=coupon.id,
            subject_label=coupon.code,
        )
        titles = await CommerceRepository(ctx.session).course_titles(
            [coupon.course_id] if coupon.course_id else []
        )
        return coupon_out(
            coupon, titles[coupon.course_id][0] if coupon.course_id in titles else None
        )

    async def _audit(self, ctx: CommerceContext, admin: User, plan: Plan, action: str) -> None:
        await audit_service.record(
            ctx.session,
            actor=admin,
            action=action,
            subject_type="plan",
            subject_id=plan.id,
            subject_label=plan.name,
        )


offer_service = OfferService()
