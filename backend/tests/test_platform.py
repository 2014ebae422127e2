"""The API's behaviour for every route: error shape, CSRF, limits, headers, health."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.fixtures.accounts import create_user, sign_in


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code
    assert isinstance(body["message"], str)
    assert body["message"]
    assert "details" in body


@pytest.mark.sqlite
async def test_unknown_route_and_wrong_method_get_json_errors(client: httpx.AsyncClient) -> None:
    assert_error(await client.get("/api/no-such-thing"), 404, "not_found")
    assert_error(await client.delete("/api/auth/sign-in"), 405, "method_not_allowed")


@pytest.mark.sqlite
async def test_malformed_and_mistyped_bodies_are_4xx_with_the_field(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    broken = await client.post(
        "/api/auth/sign-in", content=b'{"email": ', headers={"Content-Type": "application/json"}
    )
    assert_error(broken, 400, "malformed_json")

    mistyped = await client.post("/api/auth/sign-in", json={"email": 42, "password": ["x"]})
    assert_error(mistyped, 422, "invalid_request")
    fields = {e["field"] for e in mistyped.json()["details"]["errors"]}
    assert fields == {"email", "password"}

    not_email = await client.post(
        "/api/auth/register", json={"email": "nope", "password": "x" * 12, "display_name": "A"}
    )
    assert_error(not_email, 422, "invalid_request")

    assert_error(await client.post("/api/auth/sign-in", json=[1, 2]), 422, "invalid_request")
    await sign_in(client, (await create_user(db)).email)
    assert_error(
        await client.post("/api/auth/tokens", json={"name": "x", "expires_in_days": "soon"}),
        422,
        "invalid_request",
    )
    assert_error(await client.delete("/api/auth/tokens/not-a-uuid"), 422, "invalid_request")


async def test_oversize_bodies_are_refused_before_they_are_read(client: httpx.AsyncClient) -> None:
    huge = b"x" * (8 * 1024 * 1024 + 1)
    declared = await client.post(
        "/api/auth/sign-in", content=huge, headers={"Content-Type": "application/json"}
    )
    assert_error(declared, 413, "payload_too_large")

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(9):
            yield b"y" * (1024 * 1024)

    streamed = await client.post(
        "/api/auth/sign-in", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert_error(streamed, 413, "payload_too_large")


@pytest.mark.sqlite
async def test_cookie_writes_need_our_origin(client: httpx.AsyncClient, db: AsyncSession) -> None:
    user = await create_user(db)
    await sign_in(client, user.email)
    no_origin = await client.patch("/api/me", json={"bio": "x"}, headers={"Origin": ""})
    assert_error(no_origin, 403, "csrf_failed")
    foreign = await client.patch(
        "/api/me", json={"bio": "x"}, headers={"Origin": "https://evil.example"}
    )
    assert_error(foreign, 403, "csrf_failed")
    by_referer = await client.patch(
        "/api/me",
        json={"bio": "from referer"},
        headers={"Origin": "", "Referer": "http://localhost:3000/account"},
    )
    assert by_referer.status_code == 200
    assert (await client.get("/api/me")).json()["bio"] == "from referer"


async def test_request_id_and_security_headers(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"X-Request-ID": "trace-abc.123"})
    assert response.headers["x-request-id"] == "trace-abc.123"
    generated = await client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
    assert len(generated.headers["x-request-id"]) == 32
    for header, value in {
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
        "x-frame-options": "DENY",
    }.items():
        assert response.headers[header] == value
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "strict-transport-security" not in response.headers  # plain http here


@pytest.mark.sqlite
async def test_health_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok", "checks": {}}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "cache": "ok"}


async def test_readiness_fails_when_redis_is_gone(client: httpx.AsyncClient) -> None:
    from lectern.kit.cache import RedisCache

    transport = client._transport
    assert isinstance(transport, httpx.ASGITransport)
    state = transport.app.state  # type: ignore[attr-defined]
    working = state.cache
    state.cache = RedisCache("redis://127.0.0.1:1/0", "x:")
    try:
        response = await client.get("/readyz")
    finally:
        await state.cache.close()
        state.cache = working
    assert response.status_code == 503
    assert response.json()["checks"]["cache"].startswith("error")
