"""The public catalog: filters, sorting, paging, search and its cache, as a visitor sees them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Role
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import build_course, publish

Clients = Callable[[], httpx.AsyncClient]


async def _school(t: httpx.AsyncClient, a: httpx.AsyncClient) -> dict[str, dict[str, Any]]:
    """Four published courses across two topics, levels, languages and prices."""
    craft = (await a.post("/api/admin/topics", json={"name": "Crafts"})).json()
    wood = (
        await a.post("/api/admin/topics", json={"name": "Woodwork", "parent_id": craft["id"]})
    ).json()
    music = (await a.post("/api/admin/topics", json={"name": "Music"})).json()
    specs: dict[str, dict[str, Any]] = {
        "spoons": {
            "title": "Carving wooden spoons",
            "description": "Green wood, a sloyd knife and patience: carve a spoon in a weekend.",
            "level": "beginner",
            "topic_ids": [wood["id"]],
            "tags": ["woodwork", "hand tools"],
        },
        "cabinet": {
            "title": "Cabinet making with hand tools",
            "description": "Dovetails, mortises and a carcass that stays square. No machines.",
            "level": "advanced",
            "topic_ids": [wood["id"]],
            "price_amount": 8900,
        },
        "ukulele": {
            "title": "Ukulele in ten evenings",
            "description": "Strum four chords, then play songs with friends around a fire.",
            "level": "beginner",
            "topic_ids": [music["id"]],
            "price_amount": 1900,
            "language": "es",
        },
        "harmony": {
            "title": "Jazz harmony explained",
            "description": "Voice leading, extensions and substitutions for any instrument.",
            "level": "intermediate",
            "topic_ids": [music["id"]],
            "price_amount": 4900,
        },
    }
    courses = {}
    for key, spec in specs.items():
        title = spec.pop("title")
        course = await build_course(t, str(title), **spec)
        await publish(t, a, course["id"])
        courses[key] = course
    return courses


async def _slugs(client: httpx.AsyncClient, **params: Any) -> list[str]:
    response = await client.get("/api/catalog/courses", params=params)
    assert response.status_code == 200, response.text
    return [c["slug"] for c in response.json()["items"]]


@pytest.mark.sqlite
async def test_filters_sorts_and_pages_like_a_shop(make_client: Clients, db: AsyncSession) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    async with make_client() as t, make_client() as a, make_client() as v:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        c = await _school(t, a)
        slug = {k: v["slug"] for k, v in c.items()}

        sitemap = (await v.get("/api/catalog/sitemap")).json()
        assert {e["slug"] for e in sitemap} >= set(slug.values())
        newest = await _slugs(v)
        assert newest[:4] == [slug["harmony"], slug["ukulele"], slug["cabinet"], slug["spoons"]]
        assert set(await _slugs(v, topic="crafts")) >= {slug["spoons"], slug["cabinet"]}
        assert slug["ukulele"] not in await _slugs(v, topic="crafts")
        assert await _slugs(v, topic="music", level="beginner") == [slug["ukulele"]]
        both = await _slugs(v, topic="music", level=["beginner", "intermediate"])
        assert set(both) == {slug["ukulele"], slug["harmony"]}
        assert await _slugs(v, topic="music", language="es") == [slug["ukulele"]]
        assert slug["spoons"] in await _slugs(v, price="free")
        assert slug["spoons"] not in await _slugs(v, price="paid")
        assert slug["spoons"] in await _slugs(v, duration="under_1h")
        assert slug["spoons"] not in await _slugs(v, duration="1_3h")
        # Ratings arrive with reviews: until then nothing claims four stars.
        assert await _slugs(v, min_rating=4) == []
        cheap_first = await _slugs(v, price="paid", sort="price_low")
        assert [s for s in cheap_first if s in slug.values()] == [
            slug["ukulele"],
            slug["harmony"],
            slug["cabinet"],
        ]
        dear_first = await _slugs(v, price="paid", sort="price_high")
        assert next(s for s in dear_first if s in slug.values()) == slug["cabinet"]

        seen: list[str] = []
        cursor = None
        while True:
            params: dict[str, Any] = {"limit": 1, "sort": "price_high"}
            if cursor:
                params["cursor"] = cursor
            page = (await v.get("/api/catalog/courses", params=params)).json()
            seen += [item["slug"] for item in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert len(seen) == len(set(seen))
        assert set(seen) >= set(slug.values())
        wrong_sort = await v.get(
            "/api/catalog/courses", params={"cursor": cursor or "", "sort": "newest"}
        )
        assert wrong_sort.status_code == 200  # an empty cursor is no cursor


@pytest.mark.sqlite
async def test_search_ranks_highlights_and_forgives_typos(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    async with make_client() as t, make_client() as a, make_client() as v:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        c = await _school(t, a)

        # (The SQLite smoke run keeps earlier tests' courses: look for ours among the results.)
        found = (await v.get("/api/catalog/courses", params={"q": "dovetails"})).json()
        ours = next(i for i in found["items"] if i["slug"] == c["cabinet"]["slug"])
        assert {i["title"] for i in found["items"]} == {"Cabinet making with hand tools"}
        marked = [f["text"] for f in ours["highlight"]["snippet"] if f["match"]]
        assert [m.lower() for m in marked] == ["dovetails"]
        assert found["corrected_query"] is None

        # Lesson titles and tags are searched too.
        by_lesson = await _slugs(v, q="scoring")
        assert set(by_lesson) >= {c["spoons"]["slug"], c["harmony"]["slug"]}
        assert c["spoons"]["slug"] in await _slugs(v, q="hand tools")

        title = (await v.get("/api/catalog/courses", params={"q": "ukulele"})).json()
        assert next(f for f in title["items"][0]["highlight"]["title"] if f["match"])["text"] == (
            "Ukulele"
        )

        typo = (await v.get("/api/catalog/courses", params={"q": "ukelele"})).json()
        assert typo["corrected_query"] == "ukulele"
        assert c["ukulele"]["slug"] in [i["slug"] for i in typo["items"]]
        nothing = (await v.get("/api/catalog/courses", params={"q": "xylophone"})).json()
        assert nothing == {"items": [], "next_cursor": None, "corrected_query": None}


async def test_edits_to_a_live_course_reach_the_cached_catalog_at_once(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    async with make_client() as t, make_client() as a, make_client() as v:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        course = await build_course(t, "Pottery on the wheel")
        await publish(t, a, course["id"])
        before = (await v.get("/api/catalog/courses")).json()
        assert before["items"][0]["title"] == "Pottery on the wheel"
        landing = (await v.get(f"/api/catalog/courses/{course['slug']}")).json()
        assert landing["subtitle"] == ""

        await t.patch(
            f"/api/studio/courses/{course['id']}",
            json={"title": "Pottery on the wheel, 2nd edition", "subtitle": "Now with glazes"},
        )
        after = (await v.get("/api/catalog/courses")).json()
        assert after["items"][0]["title"] == "Pottery on the wheel, 2nd edition"
        landing = (await v.get(f"/api/catalog/courses/{course['slug']}")).json()
        assert landing["subtitle"] == "Now with glazes"
        assert [
            i["slug"]
            for i in (await v.get("/api/catalog/courses", params={"q": "glazes"})).json()["items"]
        ] == [course["slug"]]

        # Unlisted: off the listing, still at its address. Archived: gone from both.
        await t.put(f"/api/studio/courses/{course['id']}/visibility", json={"status": "unlisted"})
        assert course["slug"] not in await _slugs(v)
        assert (await v.get(f"/api/catalog/courses/{course['slug']}")).status_code == 200
        await t.put(f"/api/studio/courses/{course['id']}/visibility", json={"status": "archived"})
        assert (await v.get(f"/api/catalog/courses/{course['slug']}")).status_code == 404
        await t.put(f"/api/studio/courses/{course['id']}/visibility", json={"status": "published"})
        assert course["slug"] in await _slugs(v)

        # An admin takes it down with a reason; the team is told.
        down = await a.post(
            f"/api/admin/courses/{course['id']}/unpublish",
            json={"reason": "The glaze recipe uses a toxic lead frit."},
        )
        assert down.json()["status"] == "draft"
        assert down.json()["review_reason"] == "The glaze recipe uses a toxic lead frit."
        assert course["slug"] not in await _slugs(v)
        assert (await v.get(f"/api/catalog/courses/{course['slug']}")).status_code == 404


async def test_reordering_moves_lessons_between_sections(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    await sign_in(client, teacher.email)
    course = await build_course(client)
    first, second = course["sections"]
    a, b = first["lessons"]
    c, d = second["lessons"]
    order = {
        "sections": [
            {"id": second["id"], "lesson_ids": [d["id"], a["id"], c["id"]]},
            {"id": first["id"], "lesson_ids": [b["id"]]},
        ]
    }
    moved = await client.put(f"/api/studio/courses/{course['id']}/curriculum", json=order)
    assert moved.status_code == 200, moved.text
    titles = [[lesson["title"] for lesson in s["lessons"]] for s in moved.json()["sections"]]
    assert titles == [
        ["Shaping and scoring", "Feeding a starter", "Mixing and folding"],
        ["Reading the bubbles"],
    ]
    stale = {"sections": [{"id": first["id"], "lesson_ids": [a["id"], b["id"]]}]}
    conflict = await client.put(f"/api/studio/courses/{course['id']}/curriculum", json=stale)
    assert conflict.status_code == 409
    assert conflict.json()["code"] == "curriculum_changed"

    copy = (await client.post(f"/api/studio/courses/{course['id']}/duplicate")).json()
    assert copy["status"] == "draft"
    assert copy["slug"] == f"{course['slug']}-copy"
    assert [[lesson["title"] for lesson in s["lessons"]] for s in copy["sections"]] == titles
    assert copy["lesson_count"] == 4
