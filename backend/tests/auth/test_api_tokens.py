from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import httpx
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import ApiToken
from lectern.models.base import utcnow
from tests.fixtures.accounts import create_user, sign_in


async def test_personal_api_token_works_for_scripts_until_revoked(
    client: httpx.AsyncClient, make_client: Callable[[], httpx.AsyncClient], db: AsyncSession
) -> None:
    user = await create_user(db)
    await sign_in(client, user.email)
    created = await client.post("/api/auth/tokens", json={"name": "backup script"})
    assert created.status_code == 201
    body = created.json()
    secret = body["token"]
    assert secret.startswith("lct_")
    assert body["prefix"] == secret[:8]
    listed = (await client.get("/api/auth/tokens")).json()
    assert [t["name"] for t in listed] == ["backup script"]
    assert "token" not in listed[0]  # the secret is shown once only

    async with make_client() as script:
        script.headers.pop("Origin")  # scripts send no Origin; a bearer token needs none
        script.headers["Authorization"] = f"Bearer {secret}"
        assert (await script.get("/api/me")).json()["email"] == user.email
        patched = await script.patch("/api/me", json={"bio": "Set from a script."})
        assert patched.status_code == 200

        assert (await client.delete(f"/api/auth/tokens/{body['id']}")).status_code == 204
        refused = await script.get("/api/me")
        assert (refused.status_code, refused.json()["code"]) == (401, "unauthenticated")


async def test_expired_api_token_is_refused(
    client: httpx.AsyncClient, make_client: Callable[[], httpx.AsyncClient], db: AsyncSession
) -> None:
    user = await create_user(db)
    await sign_in(client, user.email)
    secret = (
        await client.post("/api/auth/tokens", json={"name": "short", "expires_in_days": 1})
    ).json()["token"]
    await db.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user.id)
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    async with make_client() as script:
        response = await script.get("/api/me", headers={"Authorization": f"Bearer {secret}"})
        assert response.status_code == 401


async def test_tokens_of_others_can_not_be_revoked(
    make_client: Callable[[], httpx.AsyncClient], db: AsyncSession
) -> None:
    alice, bob = await create_user(db), await create_user(db)
    async with make_client() as a, make_client() as b:
        await sign_in(a, alice.email)
        await sign_in(b, bob.email)
        token_id = (await b.post("/api/auth/tokens", json={"name": "bob's"})).json()["id"]
        assert (await a.delete(f"/api/auth/tokens/{token_id}")).status_code == 404
        assert len((await b.get("/api/auth/tokens")).json()) == 1
