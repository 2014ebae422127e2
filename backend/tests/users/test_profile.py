from __future__ import annotations

import io

import httpx
import pytest
from PIL import Image
from sqlalchemy.ext.asyncio import AsyncSession

from tests.fixtures.accounts import create_user, sign_in


def picture(fmt: str = "PNG", size: tuple[int, int] = (640, 400)) -> bytes:
    image = Image.new("RGB", size, (30, 120, 200))
    for x in range(0, size[0], 40):  # some detail so the encoder has work to do
        image.paste((240, 200, 40), (x, 0, x + 20, size[1]))
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


@pytest.mark.sqlite
async def test_profile_edit_and_avatar_upload(client: httpx.AsyncClient, db: AsyncSession) -> None:
    user = await create_user(db)
    await sign_in(client, user.email)
    updated = await client.patch(
        "/api/me",
        json={
            "display_name": "  Rosa Park  ",
            "bio": "I teach mosaics.",
            "timezone": "Europe/Paris",
            "language": "fr",
        },
    )
    assert updated.status_code == 200
    me = updated.json()
    assert (me["display_name"], me["timezone"], me["language"]) == (
        "Rosa Park",
        "Europe/Paris",
        "fr",
    )

    uploaded = await client.put(
        "/api/me/avatar", files={"file": ("me.png", picture(), "image/png")}
    )
    assert uploaded.status_code == 200, uploaded.text
    url = uploaded.json()["avatar_url"]
    assert url.startswith(f"/api/avatars/{user.id}/")
    assert url.endswith(".webp")
    served = await client.get(url)
    assert served.headers["content-type"] == "image/webp"
    assert "immutable" in served.headers["cache-control"]
    with Image.open(io.BytesIO(served.content)) as avatar:
        assert avatar.size == (256, 256)

    replaced = (
        await client.put(
            "/api/me/avatar", files={"file": ("b.jpg", picture("JPEG", (300, 900)), "image/jpeg")}
        )
    ).json()
    assert replaced["avatar_url"] != url
    assert (await client.get(url)).status_code == 404  # the old picture is gone
    removed = await client.delete("/api/me/avatar")
    assert removed.json()["avatar_url"] is None


async def test_bad_profile_values_are_refused(client: httpx.AsyncClient, db: AsyncSession) -> None:
    user = await create_user(db)
    await sign_in(client, user.email)
    bad_zone = await client.patch("/api/me", json={"timezone": "Mars/Olympus"})
    assert bad_zone.status_code == 422
    assert bad_zone.json()["details"]["errors"][0]["field"] == "timezone"
    empty_name = await client.patch("/api/me", json={"display_name": "   "})
    assert empty_name.status_code == 422
    unknown_field = await client.patch("/api/me", json={"roles": ["admin"]})
    assert unknown_field.status_code == 422
    assert (await client.get("/api/me")).json()["roles"] == ["student"]


async def test_avatar_must_be_a_small_real_picture(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    user = await create_user(db)
    await sign_in(client, user.email)
    text = await client.put(
        "/api/me/avatar", files={"file": ("x.png", b"not a picture at all", "image/png")}
    )
    assert (text.status_code, text.json()["code"]) == (415, "unsupported_media_type")
    bmp = await client.put(
        "/api/me/avatar", files={"file": ("x.bmp", picture("BMP", (50, 50)), "image/bmp")}
    )
    assert bmp.status_code == 415
    noise = io.BytesIO()
    import os

    Image.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3)).save(noise, format="PNG")
    assert noise.tell() > 5 * 1024 * 1024
    too_big = await client.put(
        "/api/me/avatar", files={"file": ("big.png", noise.getvalue(), "image/png")}
    )
    assert (too_big.status_code, too_big.json()["code"]) == (413, "payload_too_large")
    assert (await client.get("/api/me")).json()["avatar_url"] is None


async def test_signed_out_visitors_get_401_on_account_routes(client: httpx.AsyncClient) -> None:
    for method, path in [
        ("GET", "/api/me"),
        ("PATCH", "/api/me"),
        ("GET", "/api/auth/sessions"),
        ("GET", "/api/auth/tokens"),
    ]:
        response = await client.request(method, path, json={} if method == "PATCH" else None)
        assert response.status_code == 401, path
        assert response.json()["code"] == "unauthenticated"
