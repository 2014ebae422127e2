from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.seed import DEMO_ACCOUNTS, seed_demo


@pytest.mark.sqlite
async def test_every_demo_account_signs_in_with_its_printed_password(
    make_client: Callable[[], httpx.AsyncClient], db: AsyncSession
) -> None:
    await seed_demo(db)
    await seed_demo(db)  # running it twice changes nothing
    await db.commit()
    for account in DEMO_ACCOUNTS:
        async with make_client() as browser:
            response = await browser.post(
                "/api/auth/sign-in", json={"email": account.email, "password": account.password}
            )
            assert response.status_code == 200, response.text
            assert response.json()["roles"] == [r.value for r in account.roles]


async def test_reserved_and_malformed_addresses_are_still_refused(
    client: httpx.AsyncClient,
) -> None:
    for bad in ["no-at-sign", "two@@example.com", "user@localhost", "a@b"]:
        response = await client.post(
            "/api/auth/register",
            json={"email": bad, "password": "violet-harbor-lantern-42", "display_name": "X"},
        )
        assert response.status_code == 422, bad
        assert response.json()["details"]["errors"][0]["field"] == "email"
