from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import UserSession
from lectern.models.base import utcnow
from tests.fixtures.accounts import PASSWORD, create_user, sign_in, unique_email


async def test_wrong_password_and_unknown_email_get_the_same_answer(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    user = await create_user(db)
    wrong = await client.post(
        "/api/auth/sign-in", json={"email": user.email, "password": "nope-nope-nope"}
    )
    unknown = await client.post(
        "/api/auth/sign-in", json={"email": unique_email(), "password": PASSWORD}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["code"] == "invalid_credentials"
    assert "set-cookie" not in wrong.headers


@pytest.mark.sqlite
async def test_session_cookie_is_httponly_lax_and_signs_out(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    user = await create_user(db)
    response = await client.post(
        "/api/auth/sign-in", json={"email": user.email, "password": PASSWORD}
    )
    cookie = response.headers["set-cookie"]
    assert "lectern_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    token = cookie.split("lectern_session=", 1)[1].split(";", 1)[0]
    assert len(token) >= 22  # at least 128 bits, URL-safe base64
    assert (await client.get("/api/me")).status_code == 200

    assert (await client.post("/api/auth/sign-out")).status_code == 204
    client.cookies.set("lectern_session", token)  # replaying the old cookie does not work
    after = await client.get("/api/me")
    assert (after.status_code, after.json()["code"]) == (401, "unauthenticated")


async def test_a_burst_of_sign_in_attempts_is_rate_limited(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    user = await create_user(db)
    statuses = []
    for _ in range(12):
        response = await client.post(
            "/api/auth/sign-in", json={"email": user.email, "password": "wrong-password-xyz"}
        )
        statuses.append(response.status_code)
    assert statuses[:10] == [401] * 10
    assert statuses[10:] == [429, 429]
    limited = response.json()
    assert limited["code"] == "rate_limited"
    assert int(response.headers["Retry-After"]) > 0
    # Even the right password waits now: the account is protected, not just the guesses.
    right = await client.post("/api/auth/sign-in", json={"email": user.email, "password": PASSWORD})
    assert right.status_code == 429


async def test_sign_in_is_rate_limited_per_ip_across_accounts(
    client: httpx.AsyncClient,
) -> None:
    headers = {"X-Forwarded-For": "203.0.113.9"}
    codes = [
        (
            await client.post(
                "/api/auth/sign-in",
                json={"email": unique_email(), "password": "whatever-1234"},
                headers=headers,
            )
        ).status_code
        for _ in range(31)
    ]
    assert codes[:30] == [401] * 30
    assert codes[30] == 429
    elsewhere = await client.post(
        "/api/auth/sign-in",
        json={"email": unique_email(), "password": "whatever-1234"},
        headers={"X-Forwarded-For": "198.51.100.7"},
    )
    assert elsewhere.status_code == 401


async def test_sign_in_rotates_the_session(client: httpx.AsyncClient, db: AsyncSession) -> None:
    user = await create_user(db)
    await sign_in(client, user.email)
    first = client.cookies["lectern_session"]
    await sign_in(client, user.email)
    second = client.cookies["lectern_session"]
    assert first != second
    sessions = (await client.get("/api/auth/sessions")).json()
    assert len(sessions) == 1
    assert sessions[0]["current"] is True


async def test_sessions_are_listed_and_can_be_ended_one_by_one_or_all(
    make_client: Callable[[], httpx.AsyncClient], db: AsyncSession
) -> None:
    user = await create_user(db)
    async with make_client() as laptop, make_client() as phone:
        await sign_in(laptop, user.email)
        await sign_in(phone, user.email)
        listed = (await laptop.get("/api/auth/sessions")).json()
        assert len(listed) == 2
        phone_session = next(s for s in listed if not s["current"])
        ended = await laptop.delete(f"/api/auth/sessions/{phone_session['id']}")
        assert ended.status_code == 204
        assert (await phone.get("/api/me")).status_code == 401
        assert (await laptop.get("/api/me")).status_code == 200

        await sign_in(phone, user.email)
        assert (await phone.post("/api/auth/sign-out-everywhere")).status_code == 204
        assert (await laptop.get("/api/me")).status_code == 401
        assert (await phone.get("/api/me")).status_code == 401


async def test_someone_elses_session_can_not_be_ended(
    make_client: Callable[[], httpx.AsyncClient], db: AsyncSession
) -> None:
    alice, bob = await create_user(db), await create_user(db)
    async with make_client() as a, make_client() as b:
        await sign_in(a, alice.email)
        await sign_in(b, bob.email)
        bob_session = (await b.get("/api/auth/sessions")).json()[0]["id"]
        response = await a.delete(f"/api/auth/sessions/{bob_session}")
        assert response.status_code == 404
        assert (await b.get("/api/me")).status_code == 200


async def test_idle_and_absolute_timeouts_end_a_session(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    user = await create_user(db)
    await sign_in(client, user.email)
    # Idle: untouched for longer than the idle timeout (7 days).
    await db.execute(
        update(UserSession)
        .where(UserSession.user_id == user.id)
        .values(last_seen_at=utcnow() - timedelta(days=8))
    )
    await _forget_session_cache(client)
    assert (await client.get("/api/me")).status_code == 401

    await sign_in(client, user.email)
    await db.execute(
        update(UserSession)
        .where(UserSession.user_id == user.id)
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    await _forget_session_cache(client)
    assert (await client.get("/api/me")).status_code == 401


async def _forget_session_cache(client: httpx.AsyncClient) -> None:
    """The DB was edited behind the API's back; drop its cached copy of the session."""
    from lectern.kit.security import token_hash

    transport = client._transport
    assert isinstance(transport, httpx.ASGITransport)
    cache = transport.app.state.cache  # type: ignore[attr-defined]
    await cache.delete(f"session:{token_hash(client.cookies['lectern_session'])}")


async def test_cookie_is_secure_and_hsts_sent_behind_https(
    app_instance: FastAPI, settings: object, db: AsyncSession
) -> None:
    from lectern.app import create_app
    from lectern.config import Settings

    assert isinstance(settings, Settings)
    https = settings.model_copy(update={"public_url": "https://school.example"})
    app = create_app(https, configure_logs=False)
    app.state.sessionmaker = app_instance.state.sessionmaker
    app.state.cache = app_instance.state.cache
    user = await create_user(db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="https://school.example",
        headers={"Origin": "https://school.example"},
    ) as browser:
        response = await browser.post(
            "/api/auth/sign-in", json={"email": user.email, "password": PASSWORD}
        )
    assert response.status_code == 200
    assert "Secure" in response.headers["set-cookie"]
    assert response.headers["strict-transport-security"].startswith("max-age=")
    await app.state.engine.dispose()
