"""A course's way from draft to the catalog, and the admins' decisions on the way."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Role
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import build_course
from tests.fixtures.outbox import Outbox

Clients = Callable[[], httpx.AsyncClient]


@pytest.mark.sqlite
async def test_reject_fix_resubmit_approve_then_anyone_finds_it(
    make_client: Clients, db: AsyncSession, outbox: Outbox
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,), name="Ada Baker")
    admin = await create_user(db, roles=(Role.admin,), name="Grace Admin")
    async with make_client() as t, make_client() as a, make_client() as visitor:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        course = await build_course(t)
        course_id = course["id"]
        first_lesson = course["sections"][0]["lessons"][0]
        response = await t.patch(
            f"/api/studio/lessons/{first_lesson['id']}",
            json={"is_preview": True, "body": "Flour, water and time. " * 100},
        )
        assert response.status_code == 200
        assert response.json()["sections"][0]["lessons"][0]["duration_seconds"] == 120

        submitted = await t.post(f"/api/studio/courses/{course_id}/submit")
        assert submitted.json()["status"] == "in_review"
        # Locked while an admin looks at it.
        locked = await t.patch(f"/api/studio/courses/{course_id}", json={"subtitle": "x"})
        assert locked.status_code == 409
        assert locked.json()["code"] == "course_in_review"

        queue = (await a.get("/api/admin/reviews")).json()
        assert [c["id"] for c in queue] == [course_id]
        short = await a.post(f"/api/admin/courses/{course_id}/reject", json={"reason": "no"})
        assert short.status_code == 422
        rejected = await a.post(
            f"/api/admin/courses/{course_id}/reject",
            json={"reason": "The scoring lesson needs a safety note about blades."},
        )
        assert rejected.json()["status"] == "rejected"
        mail = outbox.last(teacher.email, "needs changes")
        assert "safety note about blades" in mail.body
        studio = (await t.get(f"/api/studio/courses/{course_id}")).json()
        assert studio["review_reason"] == "The scoring lesson needs a safety note about blades."

        # Not public yet.
        assert (await visitor.get(f"/api/catalog/courses/{course['slug']}")).status_code == 404

        fixed = await t.patch(
            f"/api/studio/courses/{course_id}", json={"subtitle": "Bread with a crackling crust"}
        )
        assert fixed.json()["status"] == "draft"
        assert (await t.post(f"/api/studio/courses/{course_id}/submit")).status_code == 200
        approved = await a.post(f"/api/admin/courses/{course_id}/approve")
        assert approved.json()["status"] == "published"
        assert "is live" in outbox.last(teacher.email, "live").subject

        history = (await t.get(f"/api/studio/courses/{course_id}/history")).json()
        assert [e["action"] for e in history][:2] == ["course.approved", "course.submitted"]
        audit = (await a.get("/api/admin/audit", params={"subject_id": course_id})).json()
        rejected_entry = next(e for e in audit["items"] if e["action"] == "course.rejected")
        assert rejected_entry["actor"]["display_name"] == "Grace Admin"
        assert rejected_entry["reason"].startswith("The scoring lesson")

        found = (await visitor.get("/api/catalog/courses", params={"q": "hydration"})).json()
        assert [c["slug"] for c in found["items"]] == [course["slug"]]
        snippet = found["items"][0]["highlight"]["snippet"]
        assert any(f["match"] and f["text"].lower() == "hydration" for f in snippet)

        landing = (await visitor.get(f"/api/catalog/courses/{course['slug']}")).json()
        assert landing["instructors"][0]["display_name"] == "Ada Baker"
        assert [len(s["lessons"]) for s in landing["sections"]] == [2, 2]
        preview = await visitor.get(
            f"/api/catalog/courses/{course['slug']}/lessons/{first_lesson['id']}"
        )
        assert preview.status_code == 200
        assert preview.json()["body"].startswith("Flour, water")
        locked_lesson = course["sections"][0]["lessons"][1]
        closed = await visitor.get(
            f"/api/catalog/courses/{course['slug']}/lessons/{locked_lesson['id']}"
        )
        assert closed.status_code == 403
        assert closed.json()["code"] == "lesson_locked"
