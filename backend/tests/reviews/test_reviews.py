"""Student reviews: one per enrolled student and course, the team's replies, admins hiding
a review, and the average and count the catalog shows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Role, User
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import build_course, publish

Clients = Callable[[], httpx.AsyncClient]


@dataclass
class School:
    course: dict[str, Any]
    teacher: httpx.AsyncClient
    co_teacher: httpx.AsyncClient
    admin: httpx.AsyncClient
    visitor: httpx.AsyncClient
    students: list[httpx.AsyncClient]
    student_users: list[User]

    @property
    def reviews(self) -> str:
        return f"/api/courses/{self.course['id']}/reviews"


@asynccontextmanager
async def _school(
    make_client: Clients, db: AsyncSession, *, students: int = 2, enrolled: int | None = None
) -> AsyncIterator[School]:
    """A published course with an owner and a co-instructor, and signed-in students, the
    first `enrolled` of them enrolled (all by default)."""
    teacher = await create_user(db, roles=(Role.instructor,), name="Ada Baker")
    co_teacher = await create_user(db, roles=(Role.instructor,), name="Ben Crust")
    admin = await create_user(db, roles=(Role.admin,), name="Grace Admin")
    people = [await create_user(db, name=f"Student {i + 1}") for i in range(students)]
    clients = [make_client() for _ in range(4 + students)]
    try:
        t, c, a, v, *s = clients
        await sign_in(t, teacher.email)
        await sign_in(c, co_teacher.email)
        await sign_in(a, admin.email)
        course = await build_course(t)
        added = await t.post(
            f"/api/studio/courses/{course['id']}/instructors", json={"email": co_teacher.email}
        )
        assert added.status_code in (200, 201), added.text
        course = await publish(t, a, course["id"])
        for index, (client, person) in enumerate(zip(s, people, strict=True)):
            await sign_in(client, person.email)
            if enrolled is None or index < enrolled:
                granted = await a.post(
                    f"/api/admin/courses/{course['id']}/enrollments", json={"email": person.email}
                )
                assert granted.status_code == 201, granted.text
        yield School(course, t, c, a, v, s, people)
    finally:
        for client in clients:
            await client.aclose()


async def _card(visitor: httpx.AsyncClient, slug: str) -> dict[str, Any]:
    page = (await visitor.get("/api/catalog/courses", params={"sort": "newest"})).json()
    card: dict[str, Any] = next(c for c in page["items"] if c["slug"] == slug)
    return card


@pytest.mark.sqlite
async def test_one_review_per_student_and_the_catalog_shows_the_average(
    make_client: Clients, db: AsyncSession
) -> None:
    async with _school(make_client, db) as school:
        first, second = school.students
        # Cached before any review: the review must make the cache stale.
        before = await _card(school.visitor, school.course["slug"])
        landing_path = f"/api/catalog/courses/{school.course['slug']}"
        before_landing = (await school.visitor.get(landing_path)).json()
        assert (before["rating_average"], before["rating_count"]) == (None, 0)

        written = await first.put(
            f"{school.reviews}/mine", json={"rating": 2, "body": "  Dense.  "}
        )
        assert written.status_code == 200, written.text
        assert written.json()["body"] == "Dense."
        edited = await first.put(
            f"{school.reviews}/mine", json={"rating": 5, "body": "Changed my mind: superb."}
        )
        assert edited.json()["id"] == written.json()["id"]
        assert edited.json()["rating"] == 5
        assert edited.json()["hidden"] is False
        # The other student has a review of their own; they cannot reach the first one.
        other = await second.put(f"{school.reviews}/mine", json={"rating": 4})
        assert other.json()["id"] != written.json()["id"]

        listed = (await school.visitor.get(school.reviews)).json()
        assert [r["rating"] for r in listed["items"]] == [4, 5]
        assert listed["items"][1]["body"] == "Changed my mind: superb."
        assert listed["items"][1]["author"]["display_name"] == "Student 1"
        assert listed["summary"]["average"] == 4.5
        assert listed["summary"]["count"] == 2
        assert listed["summary"]["histogram"] == [
            {"stars": 5, "count": 1},
            {"stars": 4, "count": 1},
            {"stars": 3, "count": 0},
            {"stars": 2, "count": 0},
            {"stars": 1, "count": 0},
        ]
        mine = (await first.get(f"{school.reviews}/mine")).json()
        assert mine["can_review"] is True
        assert mine["review"]["rating"] == 5

        card = await _card(school.visitor, school.course["slug"])
        assert (card["rating_average"], card["rating_count"]) == (4.5, 2)
        landing = (await school.visitor.get(landing_path)).json()
        assert (landing["rating_average"], landing["rating_count"]) == (4.5, 2)
        # A review is no change to the course itself.
        assert landing["updated_at"] == before_landing["updated_at"]

        deleted = await first.delete(f"{school.reviews}/mine")
        assert deleted.status_code == 204
        assert (await first.delete(f"{school.reviews}/mine")).status_code == 404
        assert (await first.get(f"{school.reviews}/mine")).json()["review"] is None
        card = await _card(school.visitor, school.course["slug"])
        assert (card["rating_average"], card["rating_count"]) == (4.0, 1)


async def test_ratings_and_bodies_are_bounded(make_client: Clients, db: AsyncSession) -> None:
    async with _school(make_client, db, students=1) as school:
        student = school.students[0]
        for body in (
            {"rating": 0},
            {"rating": 6},
            {"rating": 4.5},
            {"body": "No stars"},
            {"rating": 3, "body": "x" * 4001},
        ):
            response = await student.put(f"{school.reviews}/mine", json=body)
            assert response.status_code == 422, body
        assert (
            await student.put(f"{school.reviews}/mine", json={"rating": 1, "body": "x" * 4000})
        ).status_code == 200


async def test_only_enrolled_students_review(make_client: Clients, db: AsyncSession) -> None:
    async with _school(make_client, db, students=2, enrolled=1) as school:
        _, outsider = school.students
        refused = await outsider.put(f"{school.reviews}/mine", json={"rating": 5})
        assert refused.status_code == 403
        assert refused.json()["code"] == "not_enrolled"
        state = (await outsider.get(f"{school.reviews}/mine")).json()
        assert state == {"can_review": False, "blocked_by": "not_enrolled", "review": None}

        for team in (school.teacher, school.co_teacher):
            own = await team.put(f"{school.reviews}/mine", json={"rating": 5})
            assert own.status_code == 403
            assert own.json()["code"] == "own_course"
        assert (await school.teacher.get(f"{school.reviews}/mine")).json()["blocked_by"] == "team"
        assert (
            await school.visitor.put(f"{school.reviews}/mine", json={"rating": 5})
        ).status_code == 401
        assert (await school.visitor.get(school.reviews)).json()["summary"]["count"] == 0

        # A draft's reviews are nobody's business but its team's.
        draft = await build_course(school.teacher, "A draft")
        path = f"/api/courses/{draft['id']}/reviews"
        assert (await school.visitor.get(path)).status_code == 404
        assert (await outsider.put(f"{path}/mine", json={"rating": 5})).status_code == 404
        assert (await school.teacher.get(path)).status_code == 200


async def test_the_course_team_replies(make_client: Clients, db: AsyncSession) -> None:
    async with _school(make_client, db, students=2) as school:
        author, other = school.students
        review = (
            await author.put(f"{school.reviews}/mine", json={"rating": 3, "body": "OK"})
        ).json()
        reply_path = f"/api/reviews/{review['id']}/reply"

        for outsider in (author, other):
            refused = await outsider.put(reply_path, json={"body": "I answer myself"})
            assert refused.status_code == 403
            assert refused.json()["code"] == "not_course_team"
        assert (await school.visitor.put(reply_path, json={"body": "x"})).status_code == 401
        assert (await school.teacher.put(reply_path, json={"body": "   "})).status_code == 422

        replied = await school.co_teacher.put(reply_path, json={"body": "Thanks! Lesson 3 helps."})
        assert replied.status_code == 200, replied.text
        assert replied.json()["reply"]["author_name"] == "Ben Crust"
        # A reply is not an edit by the student.
        assert replied.json()["updated_at"] == review["updated_at"]
        changed = await school.teacher.put(reply_path, json={"body": "See lesson 3."})
        assert changed.json()["reply"]["author_name"] == "Ada Baker"
        listed = (await school.visitor.get(school.reviews)).json()
        assert listed["items"][0]["reply"]["body"] == "See lesson 3."
        assert (await author.get(f"{school.reviews}/mine")).json()["review"]["reply"]["body"] == (
            "See lesson 3."
        )
        # Admins may answer too, and take an answer back.
        assert (
            await school.admin.put(reply_path, json={"body": "From the school"})
        ).status_code == 200
        removed = await school.teacher.delete(reply_path)
        assert removed.status_code == 200
        assert removed.json()["reply"] is None
        assert (
            await school.teacher.put(
                "/api/reviews/00000000-0000-0000-0000-000000000000/reply", json={"body": "x"}
            )
        ).status_code == 404


@pytest.mark.sqlite
async def test_a_hidden_review_leaves_the_list_and_the_average(
    make_client: Clients, db: AsyncSession
) -> None:
    async with _school(make_client, db, students=2) as school:
        rude, kind = school.students
        bad = (
            await rude.put(f"{school.reviews}/mine", json={"rating": 1, "body": "Rude words"})
        ).json()
        await kind.put(f"{school.reviews}/mine", json={"rating": 5, "body": "Lovely"})
        hide_path = f"/api/admin/student-reviews/{bad['id']}/hide"

        refused = await school.teacher.post(hide_path, json={"reason": "I don't like it"})
        assert refused.status_code == 403
        assert (await school.admin.post(hide_path, json={"reason": "x"})).status_code == 422
        hidden = await school.admin.post(hide_path, json={"reason": "Insults, not a review."})
        assert hidden.status_code == 200, hidden.text
        assert hidden.json()["hidden_reason"] == "Insults, not a review."
        assert hidden.json()["hidden_by_name"] == "Grace Admin"
        again = await school.admin.post(hide_path, json={"reason": "Insults, not a review."})
        assert again.status_code == 409

        listed = (await school.visitor.get(school.reviews)).json()
        assert [r["body"] for r in listed["items"]] == ["Lovely"]
        assert (listed["summary"]["average"], listed["summary"]["count"]) == (5.0, 1)
        card = await _card(school.visitor, school.course["slug"])
        assert (card["rating_average"], card["rating_count"]) == (5.0, 1)
        # Its author still sees it, marked.
        mine = (await rude.get(f"{school.reviews}/mine")).json()
        assert mine["review"]["hidden"] is True
        assert mine["review"]["body"] == "Rude words"
        # Editing does not bring it back.
        await rude.put(f"{school.reviews}/mine", json={"rating": 2, "body": "Milder words"})
        assert (await school.visitor.get(school.reviews)).json()["summary"]["count"] == 1

        moderation = (
            await school.admin.get("/api/admin/student-reviews", params={"visibility": "hidden"})
        ).json()
        assert [r["id"] for r in moderation["items"]] == [bad["id"]]
        assert moderation["items"][0]["course"]["slug"] == school.course["slug"]
        assert moderation["items"][0]["author"]["email"] == school.student_users[0].email
        assert (await school.teacher.get("/api/admin/student-reviews")).status_code == 403

        audit = (
            await school.admin.get("/api/admin/audit", params={"subject_id": bad["id"]})
        ).json()
        entry = audit["items"][0]
        assert entry["action"] == "student_review.hidden"
        assert entry["reason"] == "Insults, not a review."
        assert entry["actor"]["display_name"] == "Grace Admin"

        shown = await school.admin.post(f"/api/admin/student-reviews/{bad['id']}/unhide")
        assert shown.status_code == 200
        assert shown.json()["hidden_at"] is None
        listed = (await school.visitor.get(school.reviews)).json()
        assert (listed["summary"]["average"], listed["summary"]["count"]) == (3.5, 2)
        audit = (
            await school.admin.get("/api/admin/audit", params={"subject_id": bad["id"]})
        ).json()
        assert [e["action"] for e in audit["items"]] == [
            "student_review.unhidden",
            "student_review.hidden",
        ]


async def test_reviews_come_a_page_at_a_time(make_client: Clients, db: AsyncSession) -> None:
    async with _school(make_client, db, students=3) as school:
        for stars, student in zip((3, 4, 5), school.students, strict=True):
            await student.put(f"{school.reviews}/mine", json={"rating": stars})
        first = (await school.visitor.get(school.reviews, params={"limit": 2})).json()
        assert [r["rating"] for r in first["items"]] == [5, 4]
        assert first["summary"]["count"] == 3
        rest = (
            await school.visitor.get(
                school.reviews, params={"limit": 2, "cursor": first["next_cursor"]}
            )
        ).json()
        assert [r["rating"] for r in rest["items"]] == [3]
        assert rest["next_cursor"] is None
        bad = await school.visitor.get(school.reviews, params={"cursor": "nonsense"})
        assert bad.status_code == 422
