from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Role
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.outbox import Outbox

ADMIN = (Role.student, Role.instructor, Role.admin)


@pytest.mark.sqlite
async def test_admin_grants_and_revokes_the_instructor_role(
    make_client: Callable[[], httpx.AsyncClient], db: AsyncSession
) -> None:
    admin = await create_user(db, roles=ADMIN)
    student = await create_user(db, name="Future Teacher")
    async with make_client() as a, make_client() as s:
        await sign_in(a, admin.email)
        await sign_in(s, student.email)
        granted = await a.put(f"/api/admin/users/{student.id}/roles/instructor")
        assert granted.status_code == 200
        assert granted.json()["roles"] == ["student", "instructor"]
        assert (await s.get("/api/me")).json()["roles"] == ["student", "instructor"]
        again = await a.put(f"/api/admin/users/{student.id}/roles/instructor")
        assert again.json()["roles"] == ["student", "instructor"]  # idempotent

        revoked = await a.delete(f"/api/admin/users/{student.id}/roles/instructor")
        assert revoked.json()["roles"] == ["student"]
        fixed = await a.delete(f"/api/admin/users/{student.id}/roles/student")
        assert (fixed.status_code, fixed.json()["code"]) == (422, "role_fixed")


async def test_students_and_instructors_can_not_use_admin_endpoints(
    make_client: Callable[[], httpx.AsyncClient], db: AsyncSession
) -> None:
    student = await create_user(db)
    teacher = await create_user(db, roles=(Role.student, Role.instructor))
    for user in (student, teacher):
        async with make_client() as c:
            await sign_in(c, user.email)
            for method, path in [
                ("GET", "/api/admin/users"),
                ("PUT", f"/api/admin/users/{user.id}/roles/admin"),
                ("DELETE", f"/api/admin/users/{user.id}/roles/instructor"),
                ("GET", "/api/admin/instructor-applications"),
            ]:
                response = await c.request(method, path)
                assert response.status_code == 403, (user.email, path)
                assert response.json()["code"] == "forbidden"
            assert Role.admin.value not in (await c.get("/api/me")).json()["roles"]


async def test_the_last_admin_can_not_be_demoted(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    from sqlalchemy import delete

    from lectern.models import UserRole

    # This test's transaction starts without other admins, whatever else is in the database.
    await db.execute(delete(UserRole).where(UserRole.role == Role.admin))
    admin = await create_user(db, roles=ADMIN)
    await sign_in(client, admin.email)
    response = await client.delete(f"/api/admin/users/{admin.id}/roles/admin")
    assert (response.status_code, response.json()["code"]) == (409, "last_admin")
    second = await create_user(db, roles=ADMIN)
    assert (await client.delete(f"/api/admin/users/{second.id}/roles/admin")).status_code == 200


async def test_user_list_searches_filters_and_pages(
    client: httpx.AsyncClient, db: AsyncSession
) -> None:
    admin = await create_user(db, roles=ADMIN, name="Head Admin")
    marker = "zebra"
    for i in range(5):
        await create_user(
            db, name=f"Zebra Learner {i}", email=f"{marker}{i}-{admin.id.hex[:6]}@example.com"
        )
    await create_user(db, name="Zebra Teacher", roles=(Role.student, Role.instructor))
    await sign_in(client, admin.email)

    page1 = (await client.get("/api/admin/users", params={"q": "ZEBRA L", "limit": 2})).json()
    assert len(page1["items"]) == 2
    assert page1["next_cursor"]
    page2 = (
        await client.get(
            "/api/admin/users", params={"q": "zebra l", "limit": 2, "cursor": page1["next_cursor"]}
        )
    ).json()
    page3 = (
        await client.get(
            "/api/admin/users", params={"q": "zebra l", "limit": 2, "cursor": page2["next_cursor"]}
        )
    ).json()
    names = [u["display_name"] for p in (page1, page2, page3) for u in p["items"]]
    assert sorted(names) == [f"Zebra Learner {i}" for i in range(5)]
    assert page3["next_cursor"] is None

    teachers = (
        await client.get("/api/admin/users", params={"q": "zebra", "role": "instructor"})
    ).json()
    assert [u["display_name"] for u in teachers["items"]] == ["Zebra Teacher"]
    bad = await client.get("/api/admin/users", params={"cursor": "garbage!"})
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_cursor")


async def test_instructor_application_is_reviewed_by_an_admin(
    make_client: Callable[[], httpx.AsyncClient], db: AsyncSession, outbox: Outbox
) -> None:
    admin = await create_user(db, roles=ADMIN)
    applicant = await create_user(db, name="Keen Applicant")
    motivation = "I have taught photography for ten years and want to publish my course."
    async with make_client() as a, make_client() as s:
        await sign_in(a, admin.email)
        await sign_in(s, applicant.email)
        short = await s.post("/api/me/instructor-application", json={"motivation": "teach"})
        assert short.status_code == 422
        applied = await s.post("/api/me/instructor-application", json={"motivation": motivation})
        assert applied.status_code == 201
        twice = await s.post("/api/me/instructor-application", json={"motivation": motivation})
        assert (twice.status_code, twice.json()["code"]) == (409, "application_pending")

        pending = (
            await a.get("/api/admin/instructor-applications", params={"status": "pending"})
        ).json()
        mine = next(p for p in pending if p["user"]["id"] == str(applicant.id))
        rejected = await a.post(
            f"/api/admin/instructor-applications/{mine['id']}/reject",
            json={"reason": "Add a sample lesson."},
        )
        assert rejected.json()["status"] == "rejected"
        assert "Add a sample lesson." in outbox.last(applicant.email).body
        me = (await s.get("/api/me")).json()
        assert me["instructor_application"]["reason"] == "Add a sample lesson."
        assert me["roles"] == ["student"]

        second = (
            await s.post(
                "/api/me/instructor-application",
                json={"motivation": motivation + " Sample attached."},
            )
        ).json()
        approved = await a.post(f"/api/admin/instructor-applications/{second['id']}/approve")
        assert approved.json()["status"] == "approved"
        twice_decided = await a.post(f"/api/admin/instructor-applications/{second['id']}/approve")
        assert twice_decided.status_code == 409
        assert (await s.get("/api/me")).json()["roles"] == ["student", "instructor"]
        assert "You can now teach" in outbox.last(applicant.email).subject
        already = await s.post("/api/me/instructor-application", json={"motivation": motivation})
        assert already.json()["code"] == "already_instructor"
