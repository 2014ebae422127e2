"""The last redemption of a coupon can't be taken twice: 20 checkouts at once, each in its own
database session (committed data, real concurrency on PostgreSQL), redeem it once."""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy import delete, select

from lectern.commerce.checkout import checkout_service
from lectern.commerce.context import CommerceContext
from lectern.commerce.pricing import CouponRefused
from lectern.commerce.schemas import CheckoutRequest
from lectern.config import Settings
from lectern.kit.cache import MemoryCache
from lectern.kit.db import create_engine, create_sessionmaker
from lectern.kit.queue import JobBuffer
from lectern.models import (
    Coupon,
    CouponRedemption,
    Course,
    CourseStatus,
    DiscountKind,
    Order,
    OrderLine,
    TestPaymentObject,
    User,
)
from lectern.models.base import utcnow
from lectern.seed import ensure_account


async def test_twenty_concurrent_checkouts_take_the_last_redemption_once(
    settings: Settings,
) -> None:
    engine = create_engine(settings.effective_database_url, pool_size=25)
    maker = create_sessionmaker(engine)
    tag = uuid.uuid4().hex[:8]
    async with maker() as session:
        owner, _ = await ensure_account(
            session,
            email=f"owner-{tag}@example.com",
            password="quiet-meadow-copper-71",
            display_name="Owner",
            roles=(),
        )
        buyers = [
            (
                await ensure_account(
                    session,
                    email=f"buyer{i}-{tag}@example.com",
                    password="quiet-meadow-copper-71",
                    display_name=f"Buyer {i}",
                    roles=(),
                )
            )[0]
            for i in range(20)
        ]
        course = Course(
            slug=f"race-{tag}",
            title="Race",
            owner_id=owner.id,
            # Unlisted: sold like a published course, but no other test's listing sees it.
            status=CourseStatus.unlisted,
            price_amount=1000,
            published_at=utcnow(),
        )
        coupon = Coupon(
            code=f"LAST{tag}".upper(),
            kind=DiscountKind.percent,
            percent_off=50,
            max_redemptions=5,
            redeemed_count=4,
            per_user_limit=1,
        )
        session.add_all([course, coupon])
        await session.commit()
        buyer_ids = [b.id for b in buyers]
        course_id, coupon_id = course.id, coupon.id
    code = f"LAST{tag}".upper()

    async def checkout(buyer_id: uuid.UUID) -> str:
        async with maker() as session:
            buyer = await session.scalar(
                select(User).where(User.id == buyer_id).execution_options(populate_existing=True)
            )
            assert buyer is not None
            ctx = CommerceContext(session, settings, MemoryCache(), JobBuffer())
            request = CheckoutRequest(course_id=course_id, coupon_code=code)
            try:
                await checkout_service.start(ctx, buyer, request)
                await session.commit()
                return "redeemed"
            except CouponRefused as refused:
                await session.rollback()
                return refused.code

    try:
        outcomes = await asyncio.gather(*(checkout(b) for b in buyer_ids))
        assert outcomes.count("redeemed") == 1, outcomes
        assert set(outcomes) == {"redeemed", "coupon_exhausted"}
        async with maker() as session:
            taken = await session.get(Coupon, coupon_id)
            assert taken is not None
            assert taken.redeemed_count == 5
            held = await session.scalars(
                select(CouponRedemption).where(CouponRedemption.coupon_id == coupon_id)
            )
            assert len(held.all()) == 1
    finally:
        async with maker() as session:
            orders = select(Order.id).where(Order.user_id.in_(buyer_ids))
            await session.execute(
                delete(CouponRedemption).where(CouponRedemption.coupon_id == coupon_id)
            )
            await session.execute(delete(OrderLine).where(OrderLine.order_id.in_(orders)))
            await session.execute(delete(Order).where(Order.user_id.in_(buyer_ids)))
            await session.execute(
                delete(TestPaymentObject).where(
                    TestPaymentObject.data["order_id"].as_string().is_not(None)
                )
            )
            await session.execute(delete(Coupon).where(Coupon.id == coupon_id))
            await session.execute(delete(Course).where(Course.id == course_id))
            await session.execute(delete(User).where(User.id.in_([*buyer_ids, owner.id])))
            await session.commit()
        await engine.dispose()
