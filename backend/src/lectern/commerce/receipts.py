"""Receipts by email: written in the transaction that records the payment, sent by a job
after it commits (so a rolled-back payment mails nothing, and a replayed event, finding the
payment recorded, mails nothing again)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.commerce.money import describe
from lectern.commerce.repository import CommerceRepository
from lectern.config import Settings
from lectern.kit.queue import JobBuffer
from lectern.models import Order, OrderKind, User
from lectern.models.base import utcnow
from lectern.notifications.service import queue_email


async def queue_receipt(
    session: AsyncSession, settings: Settings, jobs: JobBuffer, order_id: uuid.UUID
) -> None:
    repository = CommerceRepository(session)
    order = await session.get(Order, order_id)
    if order is None or order.receipt_sent_at is not None:
        return
    user = await session.get(User, order.user_id)
    if user is None:
        return
    lines = (await repository.lines([order.id]))[order.id]
    money = order.currency
    rows = [f"  {line.description}: {describe(line.unit_amount, money)}" for line in lines]
    if order.discount_amount:
        rows.append(f"  Discount: -{describe(order.discount_amount, money)}")
    rows.append(f"  Total paid: {describe(order.total_amount, money)}")
    if order.kind is OrderKind.subscription and order.period_end is not None:
        rows.append(f"  Covers until: {order.period_end:%-d %B %Y}")
    history = f"{settings.public_url.rstrip('/')}/account/billing"
    when = (order.paid_at or utcnow()).strftime("%-d %B %Y, %H:%M UTC")
    text = "\n".join(
        [
            f"Hello {user.display_name},",
            "",
            "Thank you for your payment. Here is your receipt.",
            "",
            f"Receipt {receipt_number(order)} — {when}",
            *rows,
            f"  Paid with: {_provider_label(order)}",
            "",
            f"Your purchases and subscription: {history}",
            "",
            "— Lectern",
        ]
    )
    order.receipt_sent_at = utcnow()
    await session.flush()
    queue_email(
        jobs,
        to=user.email,
        subject=f"Your Lectern receipt {receipt_number(order)}",
        text=text,
        link=history,
    )


def receipt_number(order: Order) -> str:
    return f"LCT-{order.id.hex[:8].upper()}"


def _provider_label(order: Order) -> str:
    return {
        "stripe": "card (Stripe)",
        "paypal": "PayPal",
        "test": "test payment — no real money",
    }[order.provider.value]
