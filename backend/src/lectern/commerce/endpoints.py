from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from lectern.auth.dependencies import CurrentUser, OptionalPrincipal
from lectern.commerce.checkout import checkout_service
from lectern.commerce.context import CommerceCtx
from lectern.commerce.offers import offer_service
from lectern.commerce.orders import order_service
from lectern.commerce.schemas import (
    AdminOrderOut,
    AdminOrderPage,
    AdminSubscriptionOut,
    CheckoutRequest,
    CheckoutStarted,
    CouponOut,
    CouponPatch,
    CouponWrite,
    OrderOut,
    PaymentsConfig,
    PlanChange,
    PlanChangeResult,
    PlanOut,
    PlanPatch,
    PlanWrite,
    PortalLink,
    Purchase,
    Quote,
    RefundRequest,
    SubscriptionOut,
    TestCard,
    TestCheckoutResult,
    TestCheckoutView,
)
from lectern.commerce.subscriptions import subscription_service
from lectern.commerce.test_checkout import test_checkout_service
from lectern.commerce.webhooks import receive_webhook
from lectern.models import OrderStatus, PaymentProvider

router = APIRouter(tags=["payments"])
admin_router = APIRouter(prefix="/admin", tags=["admin"])
webhook_router = APIRouter(prefix="/payments/webhooks", tags=["payments"])


# --- buying ---------------------------------------------------------------------------------


@router.get("/payments/config", operation_id="payments:config", response_model=PaymentsConfig)
async def payments_config(ctx: CommerceCtx) -> PaymentsConfig:
    """The payment providers a buyer can choose from (the test provider says so)."""
    return checkout_service.config(ctx)


@router.get("/plans", operation_id="payments:plans", response_model=list[PlanOut])
async def list_plans(ctx: CommerceCtx) -> list[PlanOut]:
    """The subscription plans on sale."""
    return await offer_service.public_plans(ctx)


@router.post("/payments/quote", operation_id="payments:quote", response_model=Quote)
async def quote(body: Purchase, ctx: CommerceCtx, principal: OptionalPrincipal) -> Quote:
    """The price of a course or plan with a coupon, as checkout will charge it; a coupon that
    can't be used is 409 with its reason (coupon_expired, coupon_exhausted, ...)."""
    return await checkout_service.quote(ctx, principal.user if principal else None, body)


@router.post(
    "/payments/checkout",
    operation_id="payments:checkout",
    response_model=CheckoutStarted,
    status_code=status.HTTP_201_CREATED,
)
async def start_checkout(
    body: CheckoutRequest, ctx: CommerceCtx, user: CurrentUser
) -> CheckoutStarted:
    """Start paying for a course or a plan: the server prices it (a price sent by the client
    is ignored) and answers where to send the buyer. Access follows the provider's webhook."""
    return await checkout_service.start(ctx, user, body)


@router.get("/payments/orders/{order_id}", operation_id="payments:order", response_model=OrderOut)
async def get_order(order_id: uuid.UUID, ctx: CommerceCtx, user: CurrentUser) -> OrderOut:
    """One of the buyer's orders (the return page polls it until it is paid)."""
    return await checkout_service.order(ctx, user, order_id)


@router.post(
    "/payments/orders/{order_id}/return", operation_id="payments:returned", response_model=OrderOut
)
async def returned(order_id: uuid.UUID, ctx: CommerceCtx, user: CurrentUser) -> OrderOut:
    """The buyer is back from the provider's page (PayPal's payment is captured here)."""
    return await checkout_service.returned(ctx, user, order_id)


# --- the student's own ----------------------------------------------------------------------


@router.get("/me/orders", operation_id="payments:myOrders", response_model=list[OrderOut])
async def my_orders(ctx: CommerceCtx, user: CurrentUser) -> list[OrderOut]:
    """Purchase history: courses bought and subscription payments, newest first."""
    return await order_service.history(ctx, user)


@router.get(
    "/me/subscriptions",
    operation_id="payments:mySubscriptions",
    response_model=list[SubscriptionOut],
)
async def my_subscriptions(ctx: CommerceCtx, user: CurrentUser) -> list[SubscriptionOut]:
    return await subscription_service.mine(ctx, user)


@router.get(
    "/me/subscriptions/{subscription_id}",
    operation_id="payments:mySubscription",
    response_model=SubscriptionOut,
)
async def my_subscription(
    subscription_id: uuid.UUID, ctx: CommerceCtx, user: CurrentUser
) -> SubscriptionOut:
    return await subscription_service.one(ctx, user, subscription_id)


@router.post(
    "/me/subscriptions/{subscription_id}/cancel",
    operation_id="payments:cancelSubscription",
    response_model=SubscriptionOut,
)
async def cancel_subscription(
    subscription_id: uuid.UUID, ctx: CommerceCtx, user: CurrentUser
) -> SubscriptionOut:
    """Cancel at the end of the current period (or trial): access lasts until then."""
    return await subscription_service.cancel(ctx, user, subscription_id)


@router.post(
    "/me/subscriptions/{subscription_id}/resume",
    operation_id="payments:resumeSubscription",
    response_model=SubscriptionOut,
)
async def resume_subscription(
    subscription_id: uuid.UUID, ctx: CommerceCtx, user: CurrentUser
) -> SubscriptionOut:
    """Keep a cancelled subscription renewing, before its period ends."""
    return await subscription_service.resume(ctx, user, subscription_id)


@router.post(
    "/me/subscriptions/{subscription_id}/plan",
    operation_id="payments:changePlan",
    response_model=PlanChangeResult,
)
async def change_plan(
    subscription_id: uuid.UUID, body: PlanChange, ctx: CommerceCtx, user: CurrentUser
) -> PlanChangeResult:
    return await subscription_service.change_plan(ctx, user, subscription_id, body.plan_id)


@router.post(
    "/me/subscriptions/{subscription_id}/portal",
    operation_id="payments:portal",
    response_model=PortalLink,
)
async def portal(subscription_id: uuid.UUID, ctx: CommerceCtx, user: CurrentUser) -> PortalLink:
    """A link to Stripe's customer portal (payment method, invoices)."""
    return await subscription_service.portal(ctx, user, subscription_id)


# --- the offline test provider --------------------------------------------------------------


@router.get(
    "/payments/test/checkouts/{checkout_id}",
    operation_id="payments:testCheckout",
    response_model=TestCheckoutView,
)
async def test_checkout(checkout_id: str, ctx: CommerceCtx, user: CurrentUser) -> TestCheckoutView:
    """The test provider's hosted checkout (no real money)."""
    return await test_checkout_service.view(ctx, user, checkout_id)


@router.post(
    "/payments/test/checkouts/{checkout_id}/pay",
    operation_id="payments:testPay",
    response_model=TestCheckoutResult,
)
async def test_pay(
    checkout_id: str, body: TestCard, ctx: CommerceCtx, user: CurrentUser
) -> TestCheckoutResult:
    """Pay with a test card: the provider then sends its signed webhook events."""
    return await test_checkout_service.pay(ctx, user, checkout_id, body.card_number)


@router.post(
    "/payments/test/checkouts/{checkout_id}/cancel",
    operation_id="payments:testAbandon",
    response_model=TestCheckoutResult,
)
async def test_abandon(checkout_id: str, ctx: CommerceCtx, user: CurrentUser) -> TestCheckoutResult:
    return await test_checkout_service.abandon(ctx, user, checkout_id)


@router.post(
    "/payments/test/subscriptions/{subscription_id}/end-period",
    operation_id="payments:testEndPeriod",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def test_end_period(subscription_id: uuid.UUID, ctx: CommerceCtx, user: CurrentUser) -> None:
    """The test clock: the current period ends now (renewal, failed payment or the end)."""
    await test_checkout_service.end_period(ctx, user, subscription_id)


@router.post(
    "/payments/test/subscriptions/{subscription_id}/pay-overdue",
    operation_id="payments:testPayOverdue",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def test_pay_overdue(subscription_id: uuid.UUID, ctx: CommerceCtx, user: CurrentUser) -> None:
    """Pay a past-due test subscription with a working card."""
    await test_checkout_service.pay_overdue(ctx, user, subscription_id)


# --- webhooks -------------------------------------------------------------------------------


async def _webhook(request: Request, ctx: CommerceCtx, provider: PaymentProvider) -> Response:
    body = await request.body()  # the raw bytes: signatures are over them
    headers = {k.lower(): v for k, v in request.headers.items()}
    await receive_webhook(ctx.session, ctx.settings, ctx.jobs, provider, headers, body)
    return Response(
        status_code=status.HTTP_200_OK, content=b'{"received":true}', media_type="application/json"
    )


_WEBHOOK_RESPONSES: dict[int | str, dict[str, str]] = {
    200: {"description": "Stored (or seen before); processed in the background"},
    400: {"description": "Bad or stale signature (code webhook_refused); nothing stored"},
}


@webhook_router.post("/stripe", operation_id="payments:stripeWebhook", responses=_WEBHOOK_RESPONSES)
async def stripe_webhook(request: Request, ctx: CommerceCtx) -> Response:
    return await _webhook(request, ctx, PaymentProvider.stripe)


@webhook_router.post("/paypal", operation_id="payments:paypalWebhook", responses=_WEBHOOK_RESPONSES)
async def paypal_webhook(request: Request, ctx: CommerceCtx) -> Response:
    return await _webhook(request, ctx, PaymentProvider.paypal)


@webhook_router.post("/test", operation_id="payments:testWebhook", responses=_WEBHOOK_RESPONSES)
async def test_webhook(request: Request, ctx: CommerceCtx) -> Response:
    return await _webhook(request, ctx, PaymentProvider.test)


# --- an admin's -----------------------------------------------------------------------------


@admin_router.get("/plans", operation_id="admin:plans", response_model=list[PlanOut])
async def admin_plans(ctx: CommerceCtx, user: CurrentUser) -> list[PlanOut]:
    return await offer_service.all_plans(ctx, user)


@admin_router.post(
    "/plans", operation_id="admin:createPlan", response_model=PlanOut, status_code=201
)
async def create_plan(body: PlanWrite, ctx: CommerceCtx, user: CurrentUser) -> PlanOut:
    return await offer_service.create_plan(ctx, user, body)


@admin_router.patch("/plans/{plan_id}", operation_id="admin:updatePlan", response_model=PlanOut)
async def update_plan(
    plan_id: uuid.UUID, body: PlanPatch, ctx: CommerceCtx, user: CurrentUser
) -> PlanOut:
    return await offer_service.update_plan(ctx, user, plan_id, body)


@admin_router.get("/coupons", operation_id="admin:coupons", response_model=list[CouponOut])
async def admin_coupons(ctx: CommerceCtx, user: CurrentUser) -> list[CouponOut]:
    return await offer_service.coupons(ctx, user)


@admin_router.post(
    "/coupons", operation_id="admin:createCoupon", response_model=CouponOut, status_code=201
)
async def create_coupon(body: CouponWrite, ctx: CommerceCtx, user: CurrentUser) -> CouponOut:
    return await offer_service.create_coupon(ctx, user, body)


@admin_router.patch(
    "/coupons/{coupon_id}", operation_id="admin:updateCoupon", response_model=CouponOut
)
async def update_coupon(
    coupon_id: uuid.UUID, body: CouponPatch, ctx: CommerceCtx, user: CurrentUser
) -> CouponOut:
    return await offer_service.update_coupon(ctx, user, coupon_id, body)


@admin_router.get("/orders", operation_id="admin:orders", response_model=AdminOrderPage)
async def admin_orders(
    ctx: CommerceCtx,
    user: CurrentUser,
    status_filter: Annotated[OrderStatus | None, Query(alias="status")] = None,
    email: Annotated[str | None, Query(max_length=200)] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> AdminOrderPage:
    return await order_service.admin_page(
        ctx, user, status=status_filter, email=email, cursor=cursor, limit=limit
    )


@admin_router.get("/orders/{order_id}", operation_id="admin:order", response_model=AdminOrderOut)
async def admin_order(order_id: uuid.UUID, ctx: CommerceCtx, user: CurrentUser) -> AdminOrderOut:
    return await order_service.admin_order(ctx, user, order_id)


@admin_router.post(
    "/orders/{order_id}/refunds",
    operation_id="admin:refundOrder",
    response_model=AdminOrderOut,
    status_code=201,
)
async def refund_order(
    order_id: uuid.UUID, body: RefundRequest, ctx: CommerceCtx, user: CurrentUser
) -> AdminOrderOut:
    """Refund all or part of a paid order; a course refunded in full loses its access."""
    return await order_service.refund(ctx, user, order_id, body)


@admin_router.get(
    "/subscriptions", operation_id="admin:subscriptions", response_model=list[AdminSubscriptionOut]
)
async def admin_subscriptions(ctx: CommerceCtx, user: CurrentUser) -> list[AdminSubscriptionOut]:
    return await subscription_service.admin_list(ctx, user)
