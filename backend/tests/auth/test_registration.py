from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import ActionToken
from lectern.models.base import utcnow
from tests.fixtures.accounts import PASSWORD, create_user, unique_email
from tests.fixtures.outbox import Outbox


async def register(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD
) -> httpx.Response:
    return await client.post(
        "/api/auth/register",
        json={"email": email, "password": password, "display_name": "Nora Newcomer"},
    )


@pytest.mark.sqlite
async def test_new_user_registers_verifies_by_mail_and_signs_in(
    client: httpx.AsyncClient, outbox: Outbox
) -> None:
    email = unique_email("nora")
    response = await register(client, email.upper())
    assert response.status_code == 202
    assert "inbox" in response.json()["message"]

    refused = await client.post("/api/auth/sign-in", json={"email": email, "password": PASSWORD})
    assert refused.status_code == 403
    assert refused.json()["code"] == "email_not_verified"

    mail = outbox.last(email, "Confirm your email")
    verified = await client.post(
        "/api/auth/verify-email", json={"token": mail.token("/verify-email")}
    )
    assert verified.status_code == 200, verified.text

    signed_in = await client.post("/api/auth/sign-in", json={"email": email, "password": PASSWORD})
    assert signed_in.status_code == 200
    me = (await client.get("/api/me")).json()
    assert me["email"] == email
    assert me["email_verified"] is True
    assert me["roles"] == ["student"]


async def test_registering_a_taken_email_answers_the_same_and_mails_the_owner(
    client: httpx.AsyncClient, db: AsyncSession, outbox: Outbox
) -> None:
    taken = (await create_user(db)).email
    fresh = await register(client, unique_email())
    again = await register(client, taken, "another-long-passphrase-93")
    assert again.status_code == fresh.status_code == 202
    assert again.json() == fresh.json()
    assert "already have" in outbox.last(taken).subject
    # The existing password still works: registering again changed nothing.
    ok = await client.post("/api/auth/sign-in", json={"email": taken, "password": PASSWORD})
    assert ok.status_code == 200


@pytest.mark.parametrize(
    ("password", "reason"),
    [("short1!", "at least 10"), ("password123", "most common"), ("aaaaaaaaaaaa", "guess")],
)
async def test_weak_passwords_are_refused_with_a_reason(
    client: httpx.AsyncClient, password: str, reason: str
) -> None:
    response = await register(client, unique_email(), password)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "weak_password"
    assert reason in body["message"]


async def test_verification_link_is_single_use_and_expires(
    client: httpx.AsyncClient, db: AsyncSession, outbox: Outbox
) -> None:
    email = unique_email()
    await register(client, email)
    token = outbox.last(email).token("/verify-email")
    assert (await client.post("/api/auth/verify-email", json={"token": token})).status_code == 200
    reused = await client.post("/api/auth/verify-email", json={"token": token})
    assert (reused.status_code, reused.json()["code"]) == (400, "token_used")

    other = unique_email()
    await register(client, other)
    stale = outbox.last(other).token("/verify-email")
    await db.execute(
        update(ActionToken)
        .where(ActionToken.email == other)
        .values(expires_at=utcnow() - timedelta(minutes=1))
    )
    expired = await client.post("/api/auth/verify-email", json={"token": stale})
    assert (expired.status_code, expired.json()["code"]) == (400, "token_expired")

    unknown = await client.post("/api/auth/verify-email", json={"token": "not-a-real-token"})
    assert (unknown.status_code, unknown.json()["code"]) == (400, "token_invalid")


async def test_resending_replaces_the_earlier_link(
    client: httpx.AsyncClient, outbox: Outbox
) -> None:
    email = unique_email()
    await register(client, email)
    first = outbox.last(email).token("/verify-email")
    resent = await client.post("/api/auth/resend-verification", json={"email": email})
    assert resent.status_code == 202
    second = outbox.last(email).token("/verify-email")
    assert first != second
    old = await client.post("/api/auth/verify-email", json={"token": first})
    assert old.json()["code"] == "token_expired"
    assert (await client.post("/api/auth/verify-email", json={"token": second})).status_code == 200
