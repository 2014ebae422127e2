"""Heartbeats through the API: what counts as watched, the budget of real time, what is
refused or clamped, who may send them, and the resume position before any flush."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from lectern.models import Course, LessonProgress, WatchDay
from lectern.progress.schemas import MAX_PLAYED_RANGES
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.statements import statements
from tests.progress.conftest import Clock, LearningCourse, flush


async def _watch_seconds(db: AsyncSession, course: LearningCourse) -> float:
    total = await db.scalar(
        select(func.coalesce(func.sum(WatchDay.seconds), 0.0)).where(
            WatchDay.user_id == course.student.id
        )
    )
    return float(total or 0.0)


@pytest.mark.sqlite
async def test_skipping_ahead_does_not_count_as_watching(
    app_instance: FastAPI, course: LearningCourse, clock: Clock
) -> None:
    video = course.videos[0]
    assert (await course.beat(video, 0)).status_code == 204
    clock.advance(15)
    # Played the first ten seconds, jumped to 50 and played ten more.
    response = await course.beat(video, 60, [[0, 10], [50, 60]], seconds=20)
    assert response.status_code == 204, response.text
    await flush(app_instance)

    lesson = await course.lesson(video)
    assert lesson["watched_percent"] == 20
    assert lesson["completed"] is False
    assert lesson["position_seconds"] == 60
    progress = await course.progress()
    assert (progress["completed_lessons"], progress["total_lessons"], progress["percent"]) == (
        0,
        3,
        0,
    )
    assert progress["last_lesson_id"] == video


async def test_a_video_completes_at_the_courses_share_watched(
    app_instance: FastAPI, db: AsyncSession, course: LearningCourse, clock: Clock
) -> None:
    first, second = course.videos
    await course.beat(first, 0)
    clock.advance(60)
    await course.beat(first, 89, [[0, 89]], seconds=89)
    await flush(app_instance)
    assert (await course.lesson(first))["completed"] is False  # 89% of 90

    clock.advance(5)
    await course.beat(first, 90, [[0, 90]], seconds=1)
    await flush(app_instance)
    lesson = await course.lesson(first)
    assert (lesson["completed"], lesson["completed_by"]) == (True, "watched")

    # Seeking back and watching less does not take it back.
    clock.advance(5)
    await course.beat(first, 3, [[0, 3]], seconds=3)
    await flush(app_instance)
    assert (await course.lesson(first))["completed"] is True

    # A course that asks for half of each video.
    await db.execute(
        update(Course).where(Course.id == uuid.UUID(course.id)).values(video_completion_percent=50)
    )
    await db.commit()
    await course.beat(second, 0)
    clock.advance(30)
    await course.beat(second, 50, [[0, 50]], seconds=50)
    await flush(app_instance)
    progress = await course.progress()
    assert [lesson["completed"] for lesson in progress["lessons"]] == [True, True, False]
    assert (progress["completed_lessons"], progress["total_lessons"], progress["percent"]) == (
        2,
        3,
        66,
    )
    assert [(s["completed_lessons"], s["total_lessons"]) for s in progress["sections"]] == [
        (2, 2),
        (0, 1),
    ]
    assert progress["completed_at"] is None


async def test_a_forged_heartbeat_is_held_to_twice_real_time(
    app_instance: FastAPI, db: AsyncSession, course: LearningCourse, clock: Clock
) -> None:
    video = course.videos[0]
    everything = [[0.0, 100.0]]
    # Claims the whole video and 100 s of watching in the very first heartbeat: the grace.
    await course.beat(video, 100, everything, seconds=100)
    await flush(app_instance)
    assert (await course.lesson(video))["watched_percent"] == 10
    assert await _watch_seconds(db, course) == 10

    # 15 s later: twice that, plus the grace.
    clock.advance(15)
    await course.beat(video, 100, everything, seconds=100)
    await flush(app_instance)
    assert (await course.lesson(video))["watched_percent"] == 50
    assert await _watch_seconds(db, course) == 50

    # A flood of heartbeats earns no more than real time allows: 3 s per second here.
    for _ in range(5):
        clock.advance(1)
        await course.beat(video, 100, everything, seconds=100)
    await flush(app_instance)
    lesson = await course.lesson(video)
    assert lesson["watched_percent"] == 65
    assert lesson["completed"] is False
    assert await _watch_seconds(db, course) == 65

    # A long silence counts for one minute at most.
    clock.advance(3600)
    await course.beat(video, 100, everything, seconds=1000)
    await flush(app_instance)
    lesson = await course.lesson(video)
    assert (lesson["watched_percent"], lesson["completed"]) == (100, True)
    assert await _watch_seconds(db, course) == 65 + 130


async def test_out_of_range_heartbeats_are_refused_or_clamped(
    app_instance: FastAPI, db: AsyncSession, course: LearningCourse, clock: Clock
) -> None:
    video = course.videos[0]
    url = f"/api/lessons/{video}/heartbeat"
    too_many = [[i, i + 0.5] for i in range(MAX_PLAYED_RANGES + 1)]
    for body in (
        {"position_seconds": -1},
        {"position_seconds": 5, "seconds": -3},
        {"position_seconds": 5, "played": [[10, 5]]},
        {"position_seconds": 5, "played": [[-1, 5]]},
        {"position_seconds": 5, "played": [[1, 2, 3]]},
        {"position_seconds": 5, "played": too_many},
        {"position_seconds": "soon"},
        {},
    ):
        response = await course.viewer.post(url, json=body)
        assert response.status_code == 422, body
        assert response.json()["code"] == "invalid_request"
    for raw in (
        '{"position_seconds": NaN}',
        '{"position_seconds": Infinity}',
        '{"position_seconds": 1, "played": [[0, Infinity]]}',
        '{"position_seconds": 1, "seconds": NaN}',
    ):
        response = await course.viewer.post(
            url, content=raw, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 422, raw
    exactly_enough = [[i * 0.5, i * 0.5 + 0.25] for i in range(MAX_PLAYED_RANGES)]
    assert (await course.beat(video, 1, exactly_enough)).status_code == 204

    # Past the end of the video: cut to it.
    clock.advance(60)
    assert (await course.beat(video, 5000, [[95, 5000]], seconds=5)).status_code == 204
    await flush(app_instance)
    row = await db.scalar(
        select(LessonProgress)
        .where(
            LessonProgress.user_id == course.student.id,
            LessonProgress.lesson_id == uuid.UUID(video),
        )
        .execution_options(populate_existing=True)
    )
    assert row is not None
    assert row.position_seconds == 100
    assert row.watched[-1] == [95, 100]
    assert all(0 <= start < end <= 100 for start, end in row.watched)


async def test_only_students_with_access_send_heartbeats_and_each_reads_their_own(
    app_instance: FastAPI,
    db: AsyncSession,
    course: LearningCourse,
    clock: Clock,
    make_client: Callable[[], httpx.AsyncClient],
) -> None:
    video = course.videos[0]
    await course.beat(video, 0)
    clock.advance(30)
    await course.beat(video, 30, [[0, 30]], seconds=30)
    await flush(app_instance)

    outsider = await create_user(db)
    async with make_client() as other, make_client() as anonymous:
        await sign_in(other, outsider.email)
        response = await course.beat(video, 10, [[0, 10]], client=other)
        assert response.status_code == 403
        assert response.json()["code"] == "lesson_locked"
        response = await course.beat(video, 10, client=anonymous)
        assert response.status_code == 401
        # Their progress in the course is their own: nothing, whoever else watched.
        theirs = await course.progress(other)
        assert theirs["completed_lessons"] == 0
        assert all(x["watched_percent"] == 0 for x in theirs["lessons"])
        assert all(x["position_seconds"] == 0 for x in theirs["lessons"])
        assert theirs["last_lesson_id"] is None
        assert (await anonymous.get(f"/api/courses/{course.id}/progress")).status_code == 401
        # Marking a lesson done is for those who may open it.
        response = await other.put(
            f"/api/lessons/{course.article}/completion", json={"by": "marked"}
        )
        assert response.status_code == 403
    assert (await course.lesson(video))["watched_percent"] == 30

    # Not a video, no such lesson, no such course, someone else's draft.
    response = await course.beat(course.article, 3)
    assert (response.status_code, response.json()["code"]) == (409, "not_a_video")
    assert (await course.beat(str(uuid.uuid4()), 3)).status_code == 404
    response = await course.viewer.get(f"/api/courses/{uuid.uuid4()}/progress")
    assert response.status_code == 404
    draft = (await course.teacher.post("/api/studio/courses", json={"title": "Unfinished"})).json()
    assert (await course.viewer.get(f"/api/courses/{draft['id']}/progress")).status_code == 404
    # The team sees its own (empty) progress in its draft.
    assert (await course.teacher.get(f"/api/courses/{draft['id']}/progress")).status_code == 200


@pytest.mark.sqlite
async def test_the_resume_position_is_there_before_the_flush(
    app_instance: FastAPI, course: LearningCourse, clock: Clock
) -> None:
    video = course.videos[1]
    await course.beat(video, 0)
    clock.advance(15)
    assert (await course.beat(video, 42.5, [[30, 42.5]], seconds=12.5)).status_code == 204

    grant = await course.viewer.post(f"/api/lessons/{video}/playback")
    assert grant.status_code == 200, grant.text
    assert grant.json()["resume_position_seconds"] == 42.5
    assert (await course.lesson(video))["position_seconds"] == 42.5

    await flush(app_instance)
    grant = await course.viewer.post(f"/api/lessons/{video}/playback")
    assert grant.json()["resume_position_seconds"] == 42.5
    lesson = await course.lesson(video)
    assert (lesson["position_seconds"], lesson["watched_percent"]) == (42.5, 12)


async def test_a_steady_viewer_s_heartbeat_reads_nothing_from_the_database(
    engine: AsyncEngine, course: LearningCourse, clock: Clock
) -> None:
    # Thousands of viewers beat every 15 s: after a viewer's first heartbeat (which checks
    # their access and account) the next ones are a cache read and a buffer push.
    video = course.videos[0]
    assert (await course.beat(video, 0)).status_code == 204
    clock.advance(15)
    with statements(engine) as seen:
        response = await course.beat(video, 15, [[0, 15]], seconds=15)
    assert response.status_code == 204, response.text
    assert seen == []
