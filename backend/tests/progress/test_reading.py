"""What other pages read from progress: the week's watching and streak in the student's time
zone, where to resume, and the summary percentages."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import FastAPI
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import User, WatchDay
from lectern.progress import service as progress
from tests.progress.conftest import Clock, LearningCourse, flush


async def test_watch_time_lands_on_the_students_own_day_and_makes_a_streak(
    app_instance: FastAPI, db: AsyncSession, course: LearningCourse, clock: Clock
) -> None:
    await db.execute(
        update(User).where(User.id == course.student.id).values(timezone="Pacific/Auckland")
    )
    await db.commit()
    # 20:00 UTC on 10 March is 09:00 on 11 March in Auckland.
    clock.now = dt.datetime(2026, 3, 10, 20, 0, tzinfo=dt.UTC).timestamp()
    video = course.videos[0]
    await course.beat(video, 0)
    clock.advance(15)
    await course.beat(video, 15, [[0, 15]], seconds=15)
    await flush(app_instance)
    days = (await db.scalars(select(WatchDay).where(WatchDay.user_id == course.student.id))).all()
    assert [(d.day, d.seconds) for d in days] == [(dt.date(2026, 3, 11), 15)]

    # Two earlier days in a row, then a gap.
    for day, seconds in ((dt.date(2026, 3, 10), 600), (dt.date(2026, 3, 9), 60)):
        db.add(WatchDay(user_id=course.student.id, day=day, seconds=seconds))
    db.add(WatchDay(user_id=course.student.id, day=dt.date(2026, 3, 5), seconds=60))
    await db.commit()
    student = await db.get(User, course.student.id, populate_existing=True)
    assert student is not None

    week = await progress.watch_week(db, student, dt.date(2026, 3, 11))
    assert (week.days[0].day, week.days[-1].day) == (dt.date(2026, 3, 5), dt.date(2026, 3, 11))
    assert [d.seconds for d in week.days] == [60, 0, 0, 0, 60, 600, 15]
    assert (week.total_seconds, week.streak_days) == (735, 3)
    # Nothing yet today: the streak still counts up to yesterday...
    week = await progress.watch_week(db, student, dt.date(2026, 3, 12))
    assert (week.days[-1].seconds, week.streak_days) == (0, 3)
    # ...a day missed ends it.
    week = await progress.watch_week(db, student, dt.date(2026, 3, 13))
    assert week.streak_days == 0


async def test_resume_points_are_unfinished_videos_most_recent_first(
    app_instance: FastAPI, db: AsyncSession, course: LearningCourse, clock: Clock
) -> None:
    first, second = course.videos
    await course.beat(first, 0)
    clock.advance(15)
    await course.beat(first, 12, [[0, 12]], seconds=12)
    clock.advance(15)
    await course.beat(second, 0)
    clock.advance(15)
    await course.beat(second, 20, [[0, 20]], seconds=20)
    await flush(app_instance)

    points = await progress.resume_points(db, course.student.id)
    assert [(p.lesson_id, p.position_seconds) for p in points] == [(second, 20), (first, 12)]
    assert points[0].course_id == course.id
    assert points[0].duration_seconds == 100

    # A heartbeat not written yet moves the position when the buffer is passed.
    clock.advance(15)
    await course.beat(first, 25, [[0, 25]], seconds=13)
    buffered = await progress.resume_points(
        db, course.student.id, heartbeats=app_instance.state.heartbeats
    )
    assert [(p.lesson_id, p.position_seconds) for p in buffered] == [(second, 20), (first, 25)]
    unbuffered = await progress.resume_points(db, course.student.id, limit=1)
    assert [(p.lesson_id, p.position_seconds) for p in unbuffered] == [(second, 20)]
    await flush(app_instance)
    points = await progress.resume_points(db, course.student.id)
    assert [(p.lesson_id, p.position_seconds) for p in points] == [(first, 25), (second, 20)]

    # A finished lesson is no longer one to resume.
    clock.advance(60)
    await course.beat(first, 99, [[0, 99]], seconds=60)
    await flush(app_instance)
    points = await progress.resume_points(db, course.student.id)
    assert [p.lesson_id for p in points] == [second]

    summary = await progress.course_progress(
        db, course.student.id, [uuid.UUID(course.id), uuid.uuid4()]
    )
    assert [(s.completed_lessons, s.total_lessons, s.percent) for s in summary.values()] == [
        (1, 3, 33),
        (0, 0, 0),
    ]
