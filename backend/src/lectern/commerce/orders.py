"""Money records: the student's purchase history, the admin's order list, and refunds."""

from __future__ import annotations

import uuid

from lectern.audit.service import audit_service
from lectern.auth.permissions import require_role
from lectern.commerce.context import CommerceContext
from lectern.commerce.fulfilment import apply_refund
from lectern.commerce.money import describe
from lectern.commerce.presenters import present_orders
from lectern.commerce.providers.base import ProviderFailed, ProviderUnavailable
from lectern.commerce.repository import CommerceRepository
from lectern.commerce.schemas import AdminOrderOut, AdminOrderPage, OrderOut, RefundRequest
from lectern.errors import Conflict, Invalid, NotFound
from lectern.kit.pagination import decode_cursor, encode_cursor
from lectern.models import Order, OrderStatus, Refund, RefundStatus, Role, User


class OrderService:
    async def history(self, ctx: CommerceContext, user: User) -> list[OrderOut]:
        """The student's purchases and subscription payments, newest first."""
        repository = CommerceRepository(ctx.session)
        return await present_orders(repository, await repository.orders_of(user.id))

    async def admin_page(
        self,
        ctx: CommerceContext,
        admin: User,
        *,
        status: OrderStatus | None,
        email: str | None,
        cursor: str | None,
        limit: int,
    ) -> AdminOrderPage:
        require_role(admin, Role.admin)
        repository = CommerceRepository(ctx.session)
        before = decode_cursor(cursor)[0] if cursor else None
        rows = await repository.orders_page(
            status=status, email=email, before=before, limit=limit + 1
        )
        more = len(rows) > limit
        rows = rows[:limit]
        items = await self._admin_items(ctx, [order for order, _ in rows])
        last = rows[-1][0] if rows else None
        next_cursor = encode_cursor(last.created_at, last.id) if more and last else None
        return AdminOrderPage(items=items, next_cursor=next_cursor)

    async def admin_order(
        self, ctx: CommerceContext, admin: User, order_id: uuid.UUID
    ) -> AdminOrderOut:
        require_role(admin, Role.admin)
        order = await CommerceRepository(ctx.session).order(order_id)
        if order is None:
            raise NotFound("No such order.")
        return (await self._admin_items(ctx, [order]))[0]

    async def _admin_items(self, ctx: CommerceContext, orders: list[Order]) -> list[AdminOrderOut]:
        repository = CommerceRepository(ctx.session)
        public = await present_orders(repository, orders)
        users = await repository.users([o.user_id for o in orders])
        pending = {o.id: await repository.pending_refund_total(o.id) for o in orders}
        return [
            AdminOrderOut(
                **out.model_dump(),
                user_id=order.user_id,
                user_email=users[order.user_id].email,
                user_name=users[order.user_id].display_name,
                fee_amount=order.fee_amount,
                provider_payment_id=order.provider_payment_id,
                refundable_amount=_refundable(order, pending[order.id]),
            )
            for order, out in zip(orders, public, strict=True)
        ]

    async def refund(
        self, ctx: CommerceContext, admin: User, order_id: uuid.UUID, request: RefundRequest
    ) -> AdminOrderOut:
        """Refund all or part of a paid order through its provider. A course refunded in
        full loses its access; the refund is recorded once, however the provider's webhook
        about it arrives."""
        require_role(admin, Role.admin)
        repository = CommerceRepository(ctx.session)
        order = await repository.order(order_id, lock=True)
        if order is None:
            raise NotFound("No such order.")
        if order.status not in (OrderStatus.paid, OrderStatus.partially_refunded):
            raise Conflict("Only paid orders can be refunded.", code="order_not_refundable")
        refundable = _refundable(order, await repository.pending_refund_total(order.id))
        amount = request.amount if request.amount is not None else refundable
        if amount <= 0 or amount > refundable:
            raise Invalid(
                f"At most {describe(refundable, order.currency)} can be refunded.",
                code="refund_too_large",
                details={"refundable_amount": refundable},
            )
        refund = Refund(
            id=uuid.uuid4(),
            order_id=order.id,
            provider=order.provider,
            amount=amount,
            reason=request.reason.strip(),
            status=RefundStatus.pending,
            created_by_id=admin.id,
        )
        ctx.session.add(refund)
        await ctx.session.flush()
        assert order.provider_payment_id is not None
        try:
            result = await ctx.gateway(order.provider).refund(
                payment_id=order.provider_payment_id,
                amount=amount,
                currency=order.currency,
                refund_id=refund.id,
                kind=order.kind.value,
            )
        except ProviderFailed as error:
            raise ProviderUnavailable(
                f"The payment provider did not accept the refund: {error}. Nothing changed."
            ) from error
        refund.provider_refund_id = result.refund_id
        if result.succeeded:
            refund.status = RefundStatus.succeeded
            if await apply_refund(ctx.session, order, refund):
                ctx.enrollments_changed()
        elif not result.pending:
            refund.status = RefundStatus.failed
        await audit_service.record(
            ctx.session,
            actor=admin,
            action="order.refunded",
            subject_type="order",
            subject_id=order.id,
            subject_label=f"Order {order.id.hex[:8].upper()}",
            reason=refund.reason or None,
            data={"amount": describe(amount, order.currency), "status": refund.status.value},
        )
        await ctx.session.flush()
        return await self.admin_order(ctx, admin, order.id)


def _refundable(order: Order, pending: int) -> int:
    if order.status not in (OrderStatus.paid, OrderStatus.partially_refunded):
        return 0
    return max(0, order.total_amount - order.refunded_amount - pending)


order_service = OrderService()
