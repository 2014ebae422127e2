"""Enrolment as a student meets it: one click for a free course, payment for a paid one,
leaving, the counts everyone sees, and the one access check that follows from it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Role
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import build_course, publish
from tests.learning.courses import QuickCourse, complete

Clients = Callable[[], httpx.AsyncClient]


def _locked_lesson(course: dict[str, Any]) -> str:
    return str(course["sections"][1]["lessons"][0]["id"])


async def _count(client: httpx.AsyncClient, slug: str) -> int:
    response = await client.get(f"/api/catalog/courses/{slug}")
    assert response.status_code == 200, response.text
    return int(response.json()["enrollment_count"])


@pytest.mark.sqlite
async def test_a_free_course_is_one_click_and_a_second_click_changes_nothing(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    student = await create_user(db)
    async with make_client() as t, make_client() as a, make_client() as s, make_client() as v:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        await sign_in(s, student.email)
        course = await build_course(t, "Knots for sailors")
        await publish(t, a, course["id"])
        url = f"/api/courses/{course['id']}/enrollment"
        lesson_url = f"/api/catalog/courses/{course['slug']}/lessons/{_locked_lesson(course)}"

        before = (await s.get(url)).json()
        assert before["access"] == "previews"
        assert before["enrolled"] is False
        assert (await s.get(lesson_url)).status_code == 403
        assert await _count(v, course["slug"]) == 0

        first = await s.post(url)
        assert first.status_code == 201, first.text
        body = first.json()
        assert body["enrolled"] is True
        assert body["access"] == "enrolled"
        assert body["source"] == "free"
        assert body["progress"]["total_lessons"] == 4
        assert body["progress"]["percent"] == 0
        # Nothing done yet: "Start learning" opens the first lesson.
        assert body["continue_lesson"]["id"] == course["sections"][0]["lessons"][0]["id"]

        again = await s.post(url)
        assert again.status_code == 200, again.text
        assert again.json()["enrolled_at"] == body["enrolled_at"]
        assert (await s.get(url)).json() == again.json()

        # The one access check now opens every lesson, and the count went up once.
        assert (await s.get(lesson_url)).status_code == 200
        assert await _count(v, course["slug"]) == 1


async def test_leaving_a_free_course_keeps_progress_for_coming_back(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    student = await create_user(db)
    async with make_client() as t, make_client() as a, make_client() as s:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        await sign_in(s, student.email)
        course = await build_course(t, "Bread at home")
        await publish(t, a, course["id"])
        url = f"/api/courses/{course['id']}/enrollment"
        assert (await s.post(url)).status_code == 201

        lessons = [lesson["id"] for section in course["sections"] for lesson in section["lessons"]]
        quick = QuickCourse(uuid.UUID(course["id"]), course["slug"], course["title"])
        quick.lesson_ids = [uuid.UUID(i) for i in lessons]
        await complete(db, student, quick, 1)
        assert (await s.get(url)).json()["progress"]["completed_lessons"] == 1

        left = await s.delete(url)
        assert left.status_code == 204, left.text
        state = (await s.get(url)).json()
        assert state["enrolled"] is False
        assert state["access"] == "previews"
        assert await _count(s, course["slug"]) == 0
        lesson_url = f"/api/catalog/courses/{course['slug']}/lessons/{_locked_lesson(course)}"
        assert (await s.get(lesson_url)).status_code == 403
        # Not enrolled any more: leaving again says so.
        assert (await s.delete(url)).json()["code"] == "not_enrolled"

        back = (await s.post(url)).json()
        assert back["progress"]["completed_lessons"] == 1
        assert back["continue_lesson"]["id"] == lessons[1]
        assert await _count(s, course["slug"]) == 1


@pytest.mark.sqlite
async def test_a_paid_course_needs_a_purchase_or_an_admin(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    student = await create_user(db)
    async with make_client() as t, make_client() as a, make_client() as s:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        await sign_in(s, student.email)
        course = await build_course(t, "Tailoring a jacket", price_amount=12900)
        await publish(t, a, course["id"])
        url = f"/api/courses/{course['id']}/enrollment"

        refused = await s.post(url)
        assert refused.status_code == 402, refused.text
        assert refused.json()["code"] == "payment_required"
        assert (await s.get(url)).json()["enrolled"] is False
        assert await _count(s, course["slug"]) == 0

        granted = await a.post(
            f"/api/admin/courses/{course['id']}/enrollments", json={"email": student.email}
        )
        assert granted.status_code == 201, granted.text
        state = (await s.get(url)).json()
        assert state["access"] == "enrolled"
        assert state["source"] == "grant"
        assert await _count(s, course["slug"]) == 1
        # Enrolling again is harmless; leaving a granted course is not the student's call.
        assert (await s.post(url)).status_code == 200
        kept = await s.delete(url)
        assert kept.status_code == 409
        assert kept.json()["code"] == "enrollment_not_free"

        revoked = await a.delete(f"/api/admin/courses/{course['id']}/enrollments/{student.id}")
        assert revoked.status_code == 204
        assert await _count(s, course["slug"]) == 0
        assert (await s.get(url)).json()["access"] == "previews"


async def test_drafts_unknown_courses_the_team_and_visitors(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    admin = await create_user(db, roles=(Role.admin,))
    student = await create_user(db)
    async with make_client() as t, make_client() as a, make_client() as s, make_client() as v:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        await sign_in(s, student.email)
        draft = await build_course(t, "Not ready yet")
        url = f"/api/courses/{draft['id']}/enrollment"
        assert (await s.post(url)).status_code == 404
        assert (await s.get(url)).status_code == 404
        assert (await s.post(f"/api/courses/{uuid.uuid4()}/enrollment")).status_code == 404
        # The team sees its own draft: full access, nothing to enrol in.
        assert (await t.get(url)).json()["access"] == "team"

        course = await build_course(t, "Ready now")
        await publish(t, a, course["id"])
        url = f"/api/courses/{course['id']}/enrollment"
        own = await t.post(url)
        assert own.status_code == 409
        assert own.json()["code"] == "course_team"
        # Admins always pass the access check, enrolled or not.
        assert (await a.get(url)).json()["access"] == "team"
        # Signed out: nothing to read or change.
        assert (await v.get(url)).status_code == 401
        assert (await v.post(url)).status_code == 401
        assert (await v.get("/api/me/learning")).status_code == 401
        assert (await v.get("/api/me/recommendations")).status_code == 401
