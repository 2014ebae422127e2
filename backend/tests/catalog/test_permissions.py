"""Who may do what with a course: every studio and moderation endpoint, tried by others."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Role
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import build_course, publish

Clients = Callable[[], httpx.AsyncClient]


def studio_calls(course: dict[str, Any]) -> list[tuple[str, str, dict[str, Any] | None]]:
    """Every studio endpoint that touches one course, with a plausible body."""
    cid = course["id"]
    sections = course["sections"]
    assert isinstance(sections, list)
    section_id = sections[0]["id"]
    lesson_id = sections[0]["lessons"][0]["id"]
    order = {
        "sections": [
            {"id": s["id"], "lesson_ids": [lesson["id"] for lesson in s["lessons"]]}
            for s in sections
        ]
    }
    return [
        ("GET", f"/api/studio/courses/{cid}", None),
        ("PATCH", f"/api/studio/courses/{cid}", {"title": "Taken over"}),
        ("POST", f"/api/studio/courses/{cid}/duplicate", None),
        ("GET", f"/api/studio/courses/{cid}/preview", None),
        ("GET", f"/api/studio/courses/{cid}/history", None),
        ("DELETE", f"/api/studio/courses/{cid}/cover", None),
        ("POST", f"/api/studio/courses/{cid}/instructors", {"email": "x@example.com"}),
        ("POST", f"/api/studio/courses/{cid}/sections", {"title": "Mine now"}),
        ("PATCH", f"/api/studio/sections/{section_id}", {"title": "Mine now"}),
        ("POST", f"/api/studio/sections/{section_id}/lessons", {"title": "X", "kind": "article"}),
        ("PATCH", f"/api/studio/lessons/{lesson_id}", {"is_preview": True}),
        ("PUT", f"/api/studio/courses/{cid}/curriculum", order),
        ("POST", f"/api/studio/courses/{cid}/submit", None),
        ("POST", f"/api/studio/courses/{cid}/withdraw", None),
        ("PUT", f"/api/studio/courses/{cid}/visibility", {"status": "archived"}),
        ("DELETE", f"/api/studio/lessons/{lesson_id}", None),
        ("DELETE", f"/api/studio/sections/{section_id}", None),
        ("DELETE", f"/api/studio/courses/{cid}", None),
    ]


async def test_instructor_a_cannot_read_or_change_instructor_bs_course(
    make_client: Clients, db: AsyncSession
) -> None:
    owner = await create_user(db, roles=(Role.instructor,))
    other = await create_user(db, roles=(Role.instructor,))
    async with make_client() as b, make_client() as a:
        await sign_in(b, owner.email)
        await sign_in(a, other.email)
        course = await build_course(b)
        for method, path, body in studio_calls(course):
            response = await a.request(method, path, json=body)
            # 404, not 403: someone else's draft is not even acknowledged.
            assert response.status_code == 404, (method, path, response.text)
            assert response.json()["code"] == "not_found"
        mine = (await a.get("/api/studio/courses")).json()
        assert mine == []
        # Nothing changed.
        after = (await b.get(f"/api/studio/courses/{course['id']}")).json()
        assert after["title"] == course["title"]
        assert after["lesson_count"] == 4


async def test_a_student_cannot_create_courses_or_reach_the_studio(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    student = await create_user(db)
    await sign_in(client, student.email)
    response = await client.post("/api/studio/courses", json={"title": "My course"})
    assert response.status_code == 403
    assert response.json()["code"] == "not_instructor"
    assert (await client.get("/api/studio/courses")).status_code == 403


async def test_signed_out_visitors_get_401_from_the_studio(client: httpx.AsyncClient) -> None:
    for method, path in [
        ("GET", "/api/studio/courses"),
        ("POST", "/api/studio/courses"),
        ("GET", f"/api/studio/courses/{uuid.uuid4()}"),
    ]:
        response = await client.request(method, path, json={"title": "x"})
        assert response.status_code == 401, path


async def test_only_admins_moderate(make_client: Clients, db: AsyncSession) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    async with make_client() as t:
        await sign_in(t, teacher.email)
        course = await build_course(t)
        assert (await t.post(f"/api/studio/courses/{course['id']}/submit")).status_code == 200
        cid = course["id"]
        reason = {"reason": "Approving my own course, surely fine."}
        for method, path, body in [
            ("GET", "/api/admin/reviews", None),
            ("GET", "/api/admin/courses", None),
            ("POST", f"/api/admin/courses/{cid}/approve", None),
            ("POST", f"/api/admin/courses/{cid}/reject", reason),
            ("POST", f"/api/admin/courses/{cid}/unpublish", reason),
            ("POST", "/api/admin/topics", {"name": "Mine"}),
            ("PATCH", f"/api/admin/topics/{uuid.uuid4()}", {"name": "Mine"}),
            ("DELETE", f"/api/admin/topics/{uuid.uuid4()}", None),
            ("GET", "/api/admin/audit", None),
        ]:
            response = await t.request(method, path, json=body)
            assert response.status_code == 403, (method, path, response.text)
        studio = (await t.get(f"/api/studio/courses/{cid}")).json()
        assert studio["status"] == "in_review"


async def test_drafts_and_reviews_stay_invisible_to_students(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    async with make_client() as t, make_client() as s:
        await sign_in(t, teacher.email)
        await sign_in(s, student.email)
        draft = await build_course(t, "Knife skills for cooks")
        lesson_id = draft["sections"][0]["lessons"][0]["id"]
        await t.patch(f"/api/studio/lessons/{lesson_id}", json={"is_preview": True})
        for stage in ("draft", "in_review"):
            if stage == "in_review":
                await t.post(f"/api/studio/courses/{draft['id']}/submit")
            listing = (await s.get("/api/catalog/courses", params={"q": "knife"})).json()
            assert listing["items"] == [], stage
            assert (await s.get(f"/api/catalog/courses/{draft['slug']}")).status_code == 404
            lesson = await s.get(f"/api/catalog/courses/{draft['slug']}/lessons/{lesson_id}")
            assert lesson.status_code == 404, stage
            assert (await s.get(f"/api/studio/courses/{draft['id']}")).status_code == 404
            assert (await s.get(f"/api/studio/courses/{draft['id']}/preview")).status_code == 404
        # The team can open their own draft's lessons before anyone else.
        own = await t.get(f"/api/catalog/courses/{draft['slug']}/lessons/{lesson_id}")
        assert own.status_code == 200


async def test_paid_lessons_stay_locked_while_previews_open(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    student = await create_user(db)
    async with make_client() as t, make_client() as a, make_client() as s, make_client() as anon:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        await sign_in(s, student.email)
        course = await build_course(t, price_amount=4900, currency="EUR")
        preview, paid = course["sections"][0]["lessons"][:2]
        await t.patch(f"/api/studio/lessons/{preview['id']}", json={"is_preview": True})
        await t.patch(f"/api/studio/lessons/{paid['id']}", json={"body": "The secret crumb."})
        await publish(t, a, course["id"])
        base = f"/api/catalog/courses/{course['slug']}/lessons"
        for who in (anon, s):
            opened = await who.get(f"{base}/{preview['id']}")
            assert opened.status_code == 200
            assert opened.json()["viewer_access"] == "previews"
            locked = await who.get(f"{base}/{paid['id']}")
            assert locked.status_code == 403
            assert locked.json()["code"] == "lesson_locked"
            assert "secret crumb" not in locked.text
        # The landing lists the lesson but never its content.
        landing = (await anon.get(f"/api/catalog/courses/{course['slug']}")).json()
        assert "secret crumb" not in str(landing)
        assert (await a.get(f"{base}/{paid['id']}")).status_code == 200


async def test_co_instructors_edit_but_only_the_owner_manages(
    make_client: Clients, db: AsyncSession
) -> None:
    owner = await create_user(db, roles=(Role.instructor,))
    helper = await create_user(db, roles=(Role.instructor,), name="Co Teacher")
    student = await create_user(db)
    async with make_client() as o, make_client() as h:
        await sign_in(o, owner.email)
        await sign_in(h, helper.email)
        course = await build_course(o)
        cid = course["id"]
        not_teacher = await o.post(
            f"/api/studio/courses/{cid}/instructors", json={"email": student.email}
        )
        assert not_teacher.status_code == 404
        assert not_teacher.json()["code"] == "instructor_not_found"
        added = await o.post(
            f"/api/studio/courses/{cid}/instructors", json={"email": helper.email.upper()}
        )
        assert [c["display_name"] for c in added.json()["co_instructors"]] == ["Co Teacher"]
        again = await o.post(f"/api/studio/courses/{cid}/instructors", json={"email": helper.email})
        assert again.status_code == 409

        edited = await h.patch(f"/api/studio/courses/{cid}", json={"subtitle": "Now with rye"})
        assert edited.status_code == 200
        assert edited.json()["can_manage"] is False
        assert [c["id"] for c in (await h.get("/api/studio/courses")).json()] == [cid]
        for method, path in [
            ("DELETE", f"/api/studio/courses/{cid}"),
            ("PUT", f"/api/studio/courses/{cid}/visibility"),
            ("DELETE", f"/api/studio/courses/{cid}/instructors/{owner.id}"),
        ]:
            response = await h.request(method, path, json={"status": "archived"})
            assert response.status_code in (403, 404), (method, path)
        forbidden = await h.delete(f"/api/studio/courses/{cid}")
        assert forbidden.status_code == 403
        assert forbidden.json()["code"] == "not_owner"
        # A co-instructor may leave on their own.
        left = await h.delete(f"/api/studio/courses/{cid}/instructors/{helper.id}")
        assert left.status_code == 200
        assert (await h.get(f"/api/studio/courses/{cid}")).status_code == 404
