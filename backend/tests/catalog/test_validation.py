"""Bad input gets a clear 4xx with a machine-readable code, and nothing is lost."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from PIL import Image
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Role
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import build_course, publish

Clients = Callable[[], httpx.AsyncClient]


def png(width: int, height: int, *, noise: bool = False) -> bytes:
    image = Image.new("RGB", (width, height), (40, 90, 160))
    if noise:
        image = Image.frombytes(
            "RGB", (width, height), __import__("os").urandom(width * height * 3)
        )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


async def test_a_taken_slug_is_a_conflict_and_titles_get_free_slugs(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    await sign_in(client, teacher.email)
    first = (await client.post("/api/studio/courses", json={"title": "Café Latte Art"})).json()
    second = (await client.post("/api/studio/courses", json={"title": "Café latte art!"})).json()
    assert first["slug"] == "cafe-latte-art"
    assert second["slug"] == "cafe-latte-art-2"
    clash = await client.patch(
        f"/api/studio/courses/{second['id']}", json={"slug": "cafe-latte-art", "subtitle": "Hi"}
    )
    assert clash.status_code == 409
    assert clash.json()["code"] == "slug_taken"
    assert clash.json()["details"]["errors"][0]["field"] == "slug"
    # The whole change was refused: the subtitle didn't sneak in.
    assert (await client.get(f"/api/studio/courses/{second['id']}")).json()["subtitle"] == ""
    bad = await client.patch(f"/api/studio/courses/{second['id']}", json={"slug": "Not a slug"})
    assert bad.status_code == 422
    assert bad.json()["details"]["errors"][0]["field"] == "slug"


async def test_empty_titles_and_unknown_values_are_refused_by_field(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    await sign_in(client, teacher.email)
    empty = await client.post("/api/studio/courses", json={"title": "   "})
    assert empty.status_code == 422
    assert empty.json()["code"] == "invalid_request"
    assert empty.json()["details"]["errors"][0]["field"] == "title"
    course = await build_course(client)
    cid = course["id"]
    for body, field in [
        ({"title": ""}, "title"),
        ({"title": None}, "title"),
        ({"language": "xx"}, "language"),
        ({"currency": "DOGE"}, "currency"),
        ({"price_amount": -5}, "price_amount"),
        ({"level": "expert"}, "level"),
        ({"topic_ids": [str(uuid.uuid4())]}, "topic_ids"),
    ]:
        response = await client.patch(f"/api/studio/courses/{cid}", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["details"]["errors"][0]["field"] == field, body
    section_id = course["sections"][0]["id"]
    no_kind = await client.post(
        f"/api/studio/sections/{section_id}/lessons", json={"title": "X", "kind": "podcast"}
    )
    assert no_kind.status_code == 422
    after = (await client.get(f"/api/studio/courses/{cid}")).json()
    assert after["title"] == course["title"]
    assert after["language"] == "en"


async def test_covers_are_checked_for_size_and_type_and_cropped_to_16_9(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    await sign_in(client, teacher.email)
    course = await build_course(client)
    url = f"/api/studio/courses/{course['id']}/cover"
    huge = png(2600, 2600, noise=True)
    assert len(huge) > 6 * 1024 * 1024
    too_big = await client.put(url, files={"file": ("big.png", huge, "image/png")})
    assert too_big.status_code == 413
    assert too_big.json()["code"] == "payload_too_large"
    not_image = await client.put(url, files={"file": ("notes.png", b"%PDF-1.7 hello", "image/png")})
    assert not_image.status_code == 415
    ok = await client.put(url, files={"file": ("cover.png", png(1000, 1000), "image/png")})
    assert ok.status_code == 200
    cover = await client.get(ok.json()["cover_url"])
    assert cover.headers["content-type"] == "image/webp"
    assert Image.open(io.BytesIO(cover.content)).size == (1280, 720)


async def test_the_topic_tree_refuses_cycles_and_topics_in_use(
    make_client: Clients, db: AsyncSession
) -> None:
    admin = await create_user(db, roles=(Role.admin, Role.instructor))
    async with make_client() as a:
        await sign_in(a, admin.email)
        dev = (await a.post("/api/admin/topics", json={"name": "Development"})).json()
        web = (
            await a.post("/api/admin/topics", json={"name": "Web", "parent_id": dev["id"]})
        ).json()
        css = (
            await a.post("/api/admin/topics", json={"name": "CSS", "parent_id": web["id"]})
        ).json()
        assert dev["slug"] == "development"
        for target, parent in [(dev, css), (dev, dev), (web, css)]:
            response = await a.patch(
                f"/api/admin/topics/{target['id']}", json={"parent_id": parent["id"]}
            )
            assert response.status_code == 422, (target["name"], parent["name"])
            assert response.json()["code"] == "topic_cycle"
        moved = await a.patch(f"/api/admin/topics/{css['id']}", json={"parent_id": None})
        assert moved.json()["parent_id"] is None
        assert (await a.delete(f"/api/admin/topics/{dev['id']}")).json()["code"] == (
            "topic_has_children"
        )
        course = await build_course(a, topic_ids=[web["id"]])
        in_use = await a.delete(f"/api/admin/topics/{web['id']}")
        assert in_use.status_code == 409
        assert in_use.json()["code"] == "topic_in_use"
        await publish(a, a, course["id"])
        tree = (await a.get("/api/catalog/topics")).json()
        counts = {t["name"]: t["course_count"] for t in tree}
        assert counts == {"Development": 1, "Web": 1, "CSS": 0}
        log = (await a.get("/api/admin/audit", params={"action": "topic."})).json()
        assert {e["action"] for e in log["items"]} == {"topic.created", "topic.updated"}


async def test_a_published_course_cannot_be_deleted_and_a_draft_can(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    async with make_client() as t, make_client() as a:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        live = await build_course(t, "Live course")
        await publish(t, a, live["id"])
        refused = await t.delete(f"/api/studio/courses/{live['id']}")
        assert refused.status_code == 409
        assert refused.json()["code"] == "course_was_published"
        archived = await t.put(
            f"/api/studio/courses/{live['id']}/visibility", json={"status": "archived"}
        )
        assert archived.json()["status"] == "archived"
        assert (await t.delete(f"/api/studio/courses/{live['id']}")).status_code == 409

        draft = await build_course(t, "Just an idea")
        assert (await t.delete(f"/api/studio/courses/{draft['id']}")).status_code == 204
        assert (await t.get(f"/api/studio/courses/{draft['id']}")).status_code == 404


async def test_submitting_needs_content_and_cursors_must_be_ours(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    await sign_in(client, teacher.email)
    empty = (await client.post("/api/studio/courses", json={"title": "Empty"})).json()
    response = await client.post(f"/api/studio/courses/{empty['id']}/submit")
    assert response.status_code == 422
    assert response.json()["code"] == "course_incomplete"
    assert "description" in response.json()["message"]
    bad = await client.get("/api/catalog/courses", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_cursor"
    assert (await client.get("/api/catalog/courses", params={"topic": "nope"})).status_code == 404


async def test_a_moved_topic_takes_its_subtopics_into_the_depth_limit(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    admin = await create_user(db, roles=(Role.admin,))
    await sign_in(client, admin.email)

    async def topic(name: str, parent: dict[str, Any] | None = None) -> dict[str, Any]:
        body = {"name": name, "parent_id": parent["id"] if parent else None}
        response = await client.post("/api/admin/topics", json=body)
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created

    a = await topic("Arts")
    b = await topic("Painting", a)
    c = await topic("Oil", b)
    d = await topic("Techniques")
    await topic("Glazing", d)
    fits = await client.patch(f"/api/admin/topics/{d['id']}", json={"parent_id": b["id"]})
    assert fits.status_code == 200
    too_deep = await client.patch(f"/api/admin/topics/{d['id']}", json={"parent_id": c["id"]})
    assert too_deep.status_code == 422
    assert too_deep.json()["code"] == "topic_too_deep"
