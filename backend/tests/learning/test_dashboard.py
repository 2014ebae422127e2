"""The student's dashboard ("My learning"): their own courses in the order they studied them,
with progress, where to continue, posters, notes and certificates, and nobody else's."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from lectern.models import Certificate, CourseStatus, Note, Role, User
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.statements import statements
from tests.learning.courses import (
    QuickCourse,
    complete,
    enrol,
    hours_ago,
    quick_course,
    ready_video,
    watched_part,
)

Clients = Callable[[], httpx.AsyncClient]


async def _dashboard(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/api/me/learning")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def _note(db: AsyncSession, user: User, course: QuickCourse, body: str) -> None:
    db.add(
        Note(
            user_id=user.id,
            lesson_id=course.lesson_ids[0],
            course_id=course.id,
            position_seconds=12.0,
            body=body,
        )
    )
    await db.commit()


@pytest.mark.sqlite
async def test_courses_come_most_recently_studied_first_with_their_progress(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    pottery = await quick_course(db, teacher, "Pottery", lessons=4)
    chess = await quick_course(db, teacher, "Chess", lessons=3)
    welding = await quick_course(db, teacher, "Welding", lessons=2)
    hidden = await quick_course(db, teacher, "Withdrawn", status=CourseStatus.draft)
    await enrol(db, student, pottery, last_activity_at=hours_ago(30), last_lesson_id=None)
    await enrol(
        db, student, chess, last_activity_at=hours_ago(1), last_lesson_id=chess.lesson_ids[0]
    )
    await enrol(db, student, welding, last_activity_at=hours_ago(5))
    await enrol(db, student, hidden, last_activity_at=hours_ago(0.5))
    await complete(db, student, pottery, 1)
    await complete(db, student, chess, 1)
    await complete(db, student, welding, 2)
    db.add(
        Certificate(
            code=f"W{uuid.uuid4().hex[:11].upper()}",
            user_id=student.id,
            course_id=welding.id,
            student_name="Test Person",
            course_title="Welding",
        )
    )
    await db.commit()

    async with make_client() as s:
        await sign_in(s, student.email)
        body = await _dashboard(s)

    # A draft (unpublished since) is not on the dashboard: its lessons don't open anyway.
    assert [c["course"]["title"] for c in body["courses"]] == ["Chess", "Welding", "Pottery"]
    chess_row, welding_row, pottery_row = body["courses"]
    assert chess_row["progress"] == {"completed_lessons": 1, "total_lessons": 3, "percent": 33}
    assert pottery_row["progress"] == {"completed_lessons": 1, "total_lessons": 4, "percent": 25}
    assert welding_row["progress"]["percent"] == 100
    # Chess: lesson 1 done and last opened, so "Continue" goes on to lesson 2.
    assert chess_row["last_lesson"]["id"] == str(chess.lesson_ids[0])
    assert chess_row["next_lesson"] == {
        "id": str(chess.lesson_ids[1]),
        "title": chess.lesson_titles[1],
    }
    assert chess_row["continue_lesson"]["id"] == str(chess.lesson_ids[1])
    assert pottery_row["last_lesson"] is None
    assert pottery_row["next_lesson"]["id"] == str(pottery.lesson_ids[1])
    # Everything done: nothing next; the certificate's code is on the course.
    assert welding_row["next_lesson"] is None
    assert welding_row["certificate_code"] == body["certificates"][0]["code"]
    assert chess_row["certificate_code"] is None
    assert len(body["week"]["days"]) == 7


async def test_a_student_sees_only_their_own_courses_and_notes(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    first = await create_user(db)
    second = await create_user(db)
    mine = await quick_course(db, teacher, "Beekeeping")
    theirs = await quick_course(db, teacher, "Origami")
    await enrol(db, first, mine)
    await enrol(db, second, theirs)
    await _note(db, first, mine, "The queen has a longer abdomen.")
    await _note(db, second, theirs, "Valley fold first.")

    async with make_client() as a, make_client() as b:
        await sign_in(a, first.email)
        await sign_in(b, second.email)
        one, two = await _dashboard(a), await _dashboard(b)

    assert [c["course"]["title"] for c in one["courses"]] == ["Beekeeping"]
    assert [n["body"] for n in one["recent_notes"]] == ["The queen has a longer abdomen."]
    assert [c["course"]["title"] for c in two["courses"]] == ["Origami"]
    assert [n["body"] for n in two["recent_notes"]] == ["Valley fold first."]
    assert one["recent_notes"][0]["course_slug"] == mine.slug


async def test_continue_watching_links_to_the_second_with_a_signed_poster(
    make_client: Clients, db: AsyncSession
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    student = await create_user(db)
    film = await quick_course(db, teacher, "Film lighting", video_first=True)
    left = await quick_course(db, teacher, "Left behind", video_first=True)
    video_id = await ready_video(db, film.lesson_ids[0])
    await ready_video(db, left.lesson_ids[0])
    await enrol(db, student, film, last_activity_at=hours_ago(1), last_lesson_id=film.lesson_ids[0])
    await watched_part(db, student, film, film.lesson_ids[0], 192.0)
    # Watched part of a course the student has since left: not theirs to continue.
    await watched_part(db, student, left, left.lesson_ids[0], 50.0)

    async with make_client() as s:
        await sign_in(s, student.email)
        body = await _dashboard(s)
        [point] = body["continue_watching"]
        assert point["lesson_id"] == str(film.lesson_ids[0])
        assert point["lesson_title"] == film.lesson_titles[0]
        assert point["course_slug"] == film.slug
        assert point["position_seconds"] == 192.0
        assert point["poster_url"].startswith(f"/api/media/{video_id}/")
        assert point["poster_url"].endswith("/poster.jpg")
        assert body["courses"][0]["continue_lesson"]["id"] == str(film.lesson_ids[0])

        # Straight from the player to the dashboard: the second the student paused at, even
        # before the heartbeat buffer is written to the database.
        beat = await s.post(
            f"/api/lessons/{film.lesson_ids[0]}/heartbeat",
            json={"position_seconds": 201.5, "played": [[192.0, 201.5]], "seconds": 9.5},
        )
        assert beat.status_code == 204, beat.text
        [point] = (await _dashboard(s))["continue_watching"]
        assert point["position_seconds"] == 201.5


async def test_thirty_courses_cost_the_same_queries_as_three(
    make_client: Clients, db: AsyncSession, engine: AsyncEngine
) -> None:
    teacher = await create_user(db, roles=(Role.instructor,))
    few, many = await create_user(db), await create_user(db)
    for n in range(30):
        course = await quick_course(db, teacher, f"Course {n}", video_first=True)
        await ready_video(db, course.lesson_ids[0])
        for student in (many, few) if n < 3 else (many,):
            await enrol(db, student, course, last_activity_at=hours_ago(n))
            await complete(db, student, course, n % 3)
            if n % 3 == 0:
                await watched_part(db, student, course, course.lesson_ids[0], 30.0)
            await _note(db, student, course, f"note {n}")

    counts = []
    for student in (few, many):
        async with make_client() as s:
            await sign_in(s, student.email)
            await _dashboard(s)  # warm: the session lookup is cached after the first request
            with statements(engine) as seen:
                body = await _dashboard(s)
            counts.append(len(seen))
            assert len(body["courses"]) == (3 if student is few else 30)
    assert counts[0] == counts[1], counts
    assert counts[1] <= 20, counts
