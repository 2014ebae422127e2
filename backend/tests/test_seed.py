"""`lectern seed`: the demo accounts and the demo school, as `make run` shows them."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.demo.content import COURSES, PUBLISHED, TOPICS, Person, Stage
from lectern.kit.queue import JobBuffer
from lectern.models import AuditEvent, Category, Course, Lesson
from lectern.seed import DEMO_ACCOUNTS, DemoSeed, seed_demo
from tests.fixtures.accounts import sign_in

Clients = Callable[[], httpx.AsyncClient]
PASSWORDS = {a.email: a.password for a in DEMO_ACCOUNTS}
DEMO_SLUGS = [c.slug for c in COURSES]


@pytest.mark.sqlite
async def test_every_demo_account_signs_in_with_its_printed_password(
    make_client: Clients, db: AsyncSession
) -> None:
    await seed_demo(db, school=False)
    await seed_demo(db, school=False)  # running it twice changes nothing
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


# --- the demo school --------------------------------------------------------------------------


async def _seed(db: AsyncSession, app: FastAPI) -> DemoSeed:
    """As `lectern seed` does it: commit, then refresh the API's cached catalog pages."""
    jobs = JobBuffer()
    seeded = await seed_demo(db, cache=app.state.cache, store=app.state.file_store, jobs=jobs)
    await db.commit()
    assert not jobs.pending, "the seed must not mail anyone"
    await jobs.dispatch()
    return seeded


async def _demo_counts(db: AsyncSession) -> tuple[int, int, int, int]:
    courses = select(Course.id).where(Course.slug.in_(DEMO_SLUGS))
    return (
        await db.scalar(select(func.count()).select_from(courses.subquery())) or 0,
        await db.scalar(select(func.count()).where(Lesson.course_id.in_(courses))) or 0,
        await db.scalar(
            select(func.count()).where(Category.slug.in_([t.slug for t in _all_topics()]))
        )
        or 0,
        await db.scalar(select(func.count()).where(AuditEvent.subject_id.in_(courses))) or 0,
    )


def _all_topics() -> list[Any]:
    return [t for parent in TOPICS for t in (parent, *parent.children)]


@pytest.mark.sqlite
async def test_the_demo_school_is_seeded_once_through_the_workflow(
    db: AsyncSession, app_instance: FastAPI, make_client: Clients
) -> None:
    # (The SQLite smoke run keeps its data between tests: the school may be there already.)
    before = await _demo_counts(db)
    first = await _seed(db, app_instance)
    counts = await _demo_counts(db)
    second = await _seed(db, app_instance)

    assert await _demo_counts(db) == counts  # nothing duplicated, nothing re-audited
    assert counts[0] == len(COURSES)
    # Plus the quiz and the assignment that end "Smartphone Filmmaking Essentials".
    assert counts[1] == sum(len(c.lessons) for c in COURSES) + 2
    assert counts[2] == 9
    assert first.school is not None
    assert second.school is not None
    assert first.school.new_courses == len(COURSES) - before[0]
    assert second.school.new_courses == 0
    assert second.school.new_topics == 0
    assert (second.school.published, second.school.in_review) == (8, 1)
    assert (second.school.drafts, second.school.rejected) == (1, 1)
    assert second.school.line() == (
        "Demo school: 8 published courses, 1 in review, 1 draft, 1 rejected, in 9 topics "
        "(already in place)."
    )

    # The admins' review queue and the instructor's studio have something to show.
    async with make_client() as admin:
        await sign_in(admin, Person.admin.value, PASSWORDS[Person.admin.value])
        queue = (await admin.get("/api/admin/reviews")).json()
        waiting = [c for c in COURSES if c.stage == Stage.in_review]
        assert {c["slug"] for c in queue} >= {c.slug for c in waiting}
        admins_own = {c["slug"] for c in (await admin.get("/api/studio/courses")).json()}
        assert "weekly-planning-that-sticks" in admins_own
        assert "color-grading-in-davinci-resolve" in admins_own  # as co-instructor

    async with make_client() as ines:
        await sign_in(ines, Person.instructor.value, PASSWORDS[Person.instructor.value])
        studio = {c["slug"]: c for c in (await ines.get("/api/studio/courses")).json()}
        assert studio["testing-javascript-with-vitest"]["status"] == "draft"
        assert studio["recording-clean-dialogue-for-video"]["status"] == "in_review"
        rejected = studio["youtube-thumbnails-that-get-clicked"]
        assert rejected["status"] == "rejected"
        assert "guaranteed" in rejected["review_reason"]
        history = (await ines.get(f"/api/studio/courses/{rejected['id']}/history")).json()
        assert [e["action"] for e in history][:2] == ["course.rejected", "course.submitted"]

    # The demo student meets a quiz of several kinds of question and an assignment due soon.
    async with make_client() as student:
        await sign_in(student, Person.student.value, PASSWORDS[Person.student.value])
        dashboard = (await student.get("/api/me/learning")).json()
        due = {d["lesson_title"]: d for d in dashboard["deadlines"]}
        assert set(due) >= {"Phone camera check", "Shoot a 30-second sequence"}
        quiz = (
            await student.get(f"/api/lessons/{due['Phone camera check']['lesson_id']}/quiz")
        ).json()
        assert quiz["question_count"] == 6
        assert quiz["time_limit_seconds"] == 600


@pytest.mark.sqlite
async def test_a_visitor_finds_a_living_catalog(
    db: AsyncSession, app_instance: FastAPI, client: httpx.AsyncClient
) -> None:
    await _seed(db, app_instance)

    topics = (await client.get("/api/catalog/topics")).json()
    top_level_of = {t["id"]: t["id"] if t["parent_id"] is None else t["parent_id"] for t in topics}
    for parent in TOPICS:
        topic = next(t for t in topics if t["slug"] == parent.slug)
        assert topic["parent_id"] is None
        assert topic["course_count"] >= 1, parent.slug

    page = (await client.get("/api/catalog/courses", params={"limit": 60})).json()
    demo = [c for c in page["items"] if c["slug"] in DEMO_SLUGS]
    assert {c["slug"] for c in demo} == {c.slug for c in PUBLISHED}  # no draft, review, rejected
    assert len({top_level_of[t["id"]] for c in demo for t in c["topics"]}) >= 3
    assert len({c["level"] for c in demo}) >= 3
    assert {c["language"] for c in demo} == {"en", "es"}
    assert {c["currency"] for c in demo if c["price_amount"]} == {"USD", "EUR"}
    assert any(c["price_amount"] is None for c in demo)
    assert all(c["lesson_count"] >= 4 and c["duration_seconds"] > 0 for c in demo)

    # Every card has its cover, a WebP picture like any upload.
    assert all(c["cover_url"] for c in demo)
    cover = await client.get(demo[0]["cover_url"])
    assert cover.status_code == 200
    assert cover.headers["content-type"] == "image/webp"
    assert Image.open(io.BytesIO(cover.content)).size == (1280, 720)

    # A word that only the description says finds its course.
    found = (await client.get("/api/catalog/courses", params={"q": "spreadsheet"})).json()
    assert [c["slug"] for c in found["items"]][:1] == ["data-analysis-with-python-and-pandas"]

    # The first lesson is a free preview anyone may read; the next one is for students.
    landing = (
        await client.get("/api/catalog/courses/modern-css-layout-with-flexbox-and-grid")
    ).json()
    lessons = [lesson for section in landing["sections"] for lesson in section["lessons"]]
    assert lessons[0]["is_preview"]
    assert not lessons[1]["is_preview"]
    preview = await client.get(f"/api/catalog/courses/{landing['slug']}/lessons/{lessons[0]['id']}")
    assert preview.status_code == 200, preview.text
    assert "box-sizing: border-box" in preview.json()["body"]
    locked = await client.get(f"/api/catalog/courses/{landing['slug']}/lessons/{lessons[1]['id']}")
    assert locked.status_code == 403
    assert {i["display_name"] for i in landing["instructors"]} == {"Ines Instructor"}

    spanish = (await client.get("/api/catalog/courses/fotografia-con-luz-natural")).json()
    assert (spanish["language"], spanish["currency"]) == ("es", "EUR")


# --- the content itself -----------------------------------------------------------------------


def test_the_demo_content_keeps_its_promises() -> None:
    assert len({c.slug for c in COURSES}) == len(COURSES)
    assert {p.value for p in Person} <= set(PASSWORDS)
    subtopics = {c.slug for parent in TOPICS for c in parent.children}
    for course in COURSES:
        assert course.topic in subtopics, course.title
        assert 3 <= len(course.tags) <= 6 or course.stage == Stage.draft, course.title
        assert course.lessons[0].preview, course.title
        assert (course.stage == Stage.rejected) == (course.review_reason is not None)
    for course in PUBLISHED:
        assert course.stage == Stage.published
        assert 2 <= len(course.sections) <= 3, course.title
        assert all(2 <= len(s.lessons) <= 4 for s in course.sections), course.title
        assert 3 <= len(course.outcomes) <= 6, course.title
        assert 1 <= len(course.requirements) <= 3, course.title
        assert 2 <= course.description.count("\n\n") + 1 <= 4, course.title
        for lesson in course.lessons:
            assert 120 <= len(lesson.body.split()) <= 300, lesson.title
    assert len({c.level for c in PUBLISHED}) == 4
    assert {c.language for c in PUBLISHED} == {"en", "es"}
    assert sum(c.owner == Person.admin for c in PUBLISHED) in (1, 2)
    assert any(c.co_instructor == Person.admin for c in PUBLISHED)


@pytest.mark.sqlite
async def test_the_demo_student_has_a_learning_life_to_show(
    db: AsyncSession, app_instance: FastAPI, make_client: Clients
) -> None:
    await _seed(db, app_instance)
    await _seed(db, app_instance)  # once: no second review, note or certificate

    async with make_client() as sam:
        await sign_in(sam, Person.student.value, PASSWORDS[Person.student.value])
        dashboard = (await sam.get("/api/me/learning")).json()
        by_slug = {c["course"]["slug"]: c for c in dashboard["courses"]}
        assert set(by_slug) == {
            "smartphone-filmmaking-essentials",
            "weekly-planning-that-sticks",
            "modern-css-layout-with-flexbox-and-grid",
        }
        finished = by_slug["weekly-planning-that-sticks"]
        assert finished["progress"]["percent"] == 100
        assert finished["completed_at"] is not None
        [certificate] = dashboard["certificates"]
        assert certificate["code"] == finished["certificate_code"]
        assert (
            by_slug["modern-css-layout-with-flexbox-and-grid"]["progress"]["completed_lessons"] == 2
        )
        [paused] = dashboard["continue_watching"]
        assert paused["course_slug"] == "smartphone-filmmaking-essentials"
        assert paused["position_seconds"] == 7.2
        assert len(dashboard["recent_notes"]) == 2
        assert dashboard["week"]["streak_days"] == 3
        assert dashboard["week"]["total_seconds"] == 3030

        picks = (await sam.get("/api/me/recommendations")).json()
        assert any(p["reason"]["kind"] == "because_you_took" for p in picks), picks

    async with make_client() as visitor:
        landing = await visitor.get("/api/catalog/courses/smartphone-filmmaking-essentials")
        filming = landing.json()
        assert filming["rating_count"] == 3
        assert filming["rating_average"] == pytest.approx(4.67, abs=0.01)
        reviews = (await visitor.get(f"/api/courses/{filming['id']}/reviews")).json()
        assert any(r["reply"] for r in reviews["items"])
