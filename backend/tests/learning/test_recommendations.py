"""Recommendations and their reasons: from what fellow students took, from the student's topics
at their level, and for a brand-new student; never their own, taught or unpublished courses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Course, CourseLevel, CourseStatus, Role
from tests.fixtures.accounts import create_user, sign_in
from tests.learning.courses import enrol, quick_course, topic

Clients = Callable[[], httpx.AsyncClient]


async def _recommendations(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    response = await client.get("/api/me/recommendations")
    assert response.status_code == 200, response.text
    body: list[dict[str, Any]] = response.json()
    return body


def _titles(picks: list[dict[str, Any]]) -> list[str]:
    return [p["course"]["title"] for p in picks]


@pytest.mark.sqlite
async def test_students_who_took_a_course_also_took(make_client: Clients, db: AsyncSession) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db, roles=(Role.student, Role.instructor))
    peers = [await create_user(db) for _ in range(3)]
    knots = await quick_course(db, teacher, "Knots")
    sailing = await quick_course(db, teacher, "Sailing")
    navigation = await quick_course(db, teacher, "Navigation")
    draft = await quick_course(db, teacher, "Storm tactics", status=CourseStatus.draft)
    unlisted = await quick_course(db, teacher, "Private regatta", status=CourseStatus.unlisted)
    taught = await quick_course(db, student, "Splicing")  # the student teaches this one
    await enrol(db, student, knots)
    for peer in peers:
        await enrol(db, peer, knots)
        for course in (sailing, draft, unlisted, taught):
            await enrol(db, peer, course)
    await enrol(db, peers[0], navigation)

    async with make_client() as s:
        await sign_in(s, student.email)
        picks = await _recommendations(s)
        assert _titles(picks)[:2] == ["Sailing", "Navigation"]
        for pick in picks[:2]:
            assert pick["reason"] == {
                "kind": "because_you_took",
                "text": "Because you took Knots",
                "source_course_id": str(knots.id),
                "topic_slug": None,
            }
        assert not {"Knots", "Storm tactics", "Private regatta", "Splicing"} & set(_titles(picks))

        # Enrolling takes a course off the list at once (the cached picks are dropped).
        assert (await s.post(f"/api/courses/{sailing.id}/enrollment")).status_code == 201
        assert "Sailing" not in _titles(await _recommendations(s))


async def test_popular_in_the_students_topics_at_their_level(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    photography = await topic(db, "Photography")
    music = await topic(db, "Music")
    basics = await quick_course(db, teacher, "Photo basics", topics=(photography,))
    await quick_course(db, teacher, "Portraits", topics=(photography,), enrollment_count=50)
    await quick_course(
        db,
        teacher,
        "Film for everyone",
        topics=(photography,),
        level=CourseLevel.all_levels,
        enrollment_count=20,
    )
    await quick_course(
        db,
        teacher,
        "Studio lighting",
        topics=(photography,),
        level=CourseLevel.advanced,
        enrollment_count=100,
    )
    await quick_course(db, teacher, "Guitar", topics=(music,), enrollment_count=1000)
    await enrol(db, student, basics)

    async with make_client() as s:
        await sign_in(s, student.email)
        picks = await _recommendations(s)

    assert _titles(picks) == ["Portraits", "Film for everyone", "Studio lighting", "Guitar"]
    assert [p["reason"]["text"] for p in picks] == [
        "Popular in Photography at beginner level",
        "Popular in Photography, for all levels",
        "Popular in Photography",
        "Popular on Lectern",
    ]
    assert [p["reason"]["kind"] for p in picks] == ["popular_in_topic"] * 3 + ["popular"]
    assert picks[0]["reason"]["topic_slug"] == photography.slug


async def test_a_new_student_gets_popular_starting_points_across_topics(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    music = await topic(db, "Music")
    art = await topic(db, "Art")
    ukulele = await quick_course(db, teacher, "Ukulele", topics=(music,), enrollment_count=10)
    await quick_course(db, teacher, "Singing", topics=(music,), enrollment_count=8)
    await quick_course(
        db, teacher, "Sketching", topics=(art,), level=CourseLevel.all_levels, enrollment_count=5
    )
    await quick_course(
        db,
        teacher,
        "Counterpoint",
        topics=(music,),
        level=CourseLevel.advanced,
        enrollment_count=500,
    )
    await quick_course(
        db, teacher, "Withdrawn", topics=(art,), status=CourseStatus.draft, enrollment_count=9999
    )

    async with make_client() as s:
        await sign_in(s, student.email)
        picks = await _recommendations(s)
        # Starting points first (beginner, all levels), one per topic before a second.
        assert _titles(picks) == ["Ukulele", "Sketching", "Singing", "Counterpoint"]
        assert {p["reason"]["text"] for p in picks} == {"Popular with new learners"}
        assert {p["reason"]["kind"] for p in picks} == {"popular"}

        # Unpublished after the picks were cached: gone from the next answer all the same.
        await db.execute(
            update(Course).where(Course.id == ukulele.id).values(status=CourseStatus.draft)
        )
        await db.commit()
        assert "Ukulele" not in _titles(await _recommendations(s))
