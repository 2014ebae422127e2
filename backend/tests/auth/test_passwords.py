from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import ActionToken, TokenPurpose
from lectern.models.base import utcnow
from tests.fixtures.accounts import PASSWORD, create_user, sign_in, unique_email
from tests.fixtures.outbox import Outbox

NEW_PASSWORD = "amber-orchard-tunnel-58"


@pytest.mark.sqlite
async def test_forgotten_password_is_reset_by_mail_and_every_session_ends(
    make_client: Callable[[], httpx.AsyncClient], db: AsyncSession, outbox: Outbox
) -> None:
    user = await create_user(db)
    async with make_client() as signed_in, make_client() as visitor:
        await sign_in(signed_in, user.email)
        asked = await visitor.post("/api/auth/forgot-password", json={"email": user.email})
        assert asked.status_code == 202
        token = outbox.last(user.email, "Reset").token("/reset-password")

        reset = await visitor.post(
            "/api/auth/reset-password", json={"token": token, "password": NEW_PASSWORD}
        )
        assert reset.status_code == 200, reset.text
        assert (await signed_in.get("/api/me")).status_code == 401
        old = await visitor.post(
            "/api/auth/sign-in", json={"email": user.email, "password": PASSWORD}
        )
        assert old.status_code == 401
        await sign_in(visitor, user.email, NEW_PASSWORD)
        assert "password was changed" in outbox.last(user.email).subject

        reused = await visitor.post(
            "/api/auth/reset-password", json={"token": token, "password": "yet-another-pass-77"}
        )
        assert (reused.status_code, reused.json()["code"]) == (400, "token_used")


async def test_forgot_password_answers_the_same_for_unknown_addresses(
    client: httpx.AsyncClient, db: AsyncSession, outbox: Outbox
) -> None:
    known = await create_user(db)
    unknown = unique_email()
    a = await client.post("/api/auth/forgot-password", json={"email": known.email})
    b = await client.post("/api/auth/forgot-password", json={"email": unknown})
    assert a.status_code == b.status_code == 202
    assert a.json() == b.json()
    assert outbox.to(unknown) == []


async def test_expired_reset_link_is_refused(
    client: httpx.AsyncClient, db: AsyncSession, outbox: Outbox
) -> None:
    user = await create_user(db)
    await client.post("/api/auth/forgot-password", json={"email": user.email})
    token = outbox.last(user.email, "Reset").token("/reset-password")
    await db.execute(
        update(ActionToken)
        .where(ActionToken.user_id == user.id, ActionToken.purpose == TokenPurpose.reset_password)
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    response = await client.post(
        "/api/auth/reset-password", json={"token": token, "password": NEW_PASSWORD}
    )
    assert (response.status_code, response.json()["code"]) == (400, "token_expired")
    # Nothing changed: the old password still works.
    await sign_in(client, user.email, PASSWORD)


async def test_a_weak_new_password_keeps_the_link_usable(
    client: httpx.AsyncClient, db: AsyncSession, outbox: Outbox
) -> None:
    user = await create_user(db)
    await client.post("/api/auth/forgot-password", json={"email": user.email})
    token = outbox.last(user.email, "Reset").token("/reset-password")
    weak = await client.post(
        "/api/auth/reset-password", json={"token": token, "password": "qwertyuiop"}
    )
    assert weak.json()["code"] == "weak_password"
    ok = await client.post(
        "/api/auth/reset-password", json={"token": token, "password": NEW_PASSWORD}
    )
    assert ok.status_code == 200


async def test_password_reset_requests_are_rate_limited_per_account(
    client: httpx.AsyncClient, db: AsyncSession, outbox: Outbox
) -> None:
    user = await create_user(db)
    codes = [
        (await client.post("/api/auth/forgot-password", json={"email": user.email})).status_code
        for _ in range(6)
    ]
    assert codes == [202] * 5 + [429]
    assert len(outbox.to(user.email)) == 5


async def test_changing_the_password_ends_the_other_sessions_only(
    make_client: Callable[[], httpx.AsyncClient], db: AsyncSession
) -> None:
    user = await create_user(db)
    async with make_client() as here, make_client() as there:
        await sign_in(here, user.email)
        await sign_in(there, user.email)
        wrong = await here.post(
            "/api/auth/change-password",
            json={"current_password": "not-my-password", "new_password": NEW_PASSWORD},
        )
        assert (wrong.status_code, wrong.json()["code"]) == (422, "wrong_password")
        changed = await here.post(
            "/api/auth/change-password",
            json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        )
        assert changed.status_code == 200
        assert (await here.get("/api/me")).status_code == 200
        assert (await there.get("/api/me")).status_code == 401


async def test_changing_the_email_needs_the_new_address_confirmed(
    client: httpx.AsyncClient, db: AsyncSession, outbox: Outbox
) -> None:
    user = await create_user(db)
    old_email = user.email
    await sign_in(client, old_email)
    new_email = unique_email("moved")
    asked = await client.post(
        "/api/auth/change-email", json={"password": PASSWORD, "new_email": new_email}
    )
    assert asked.status_code == 202
    me = (await client.get("/api/me")).json()
    assert (me["email"], me["pending_email"]) == (old_email, new_email)

    token = outbox.last(new_email, "new email").token("/verify-email")
    assert (await client.post("/api/auth/verify-email", json={"token": token})).status_code == 200
    me = (await client.get("/api/me")).json()
    assert (me["email"], me["pending_email"]) == (new_email, None)
    assert "was changed" in outbox.last(old_email).subject
    await client.post("/api/auth/sign-out")
    await sign_in(client, new_email)


async def test_changing_to_a_taken_email_is_a_conflict(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    user, other = await create_user(db), await create_user(db)
    await sign_in(client, user.email)
    response = await client.post(
        "/api/auth/change-email", json={"password": PASSWORD, "new_email": other.email}
    )
    assert (response.status_code, response.json()["code"]) == (409, "email_taken")
