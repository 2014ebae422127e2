"""Give a student a busy learning life to benchmark the dashboard ("My learning") against.

    backend/.venv/bin/python bench/dashboard_data.py MANIFEST.json [--courses 30] [--seed 5]

The database is LECTERN_DATABASE_URL, migrated to head. What goes in, through the models and
the services the API itself uses (certificates are issued by certificates.service):

- an instructor and 60 published courses over 6 topics, each with 3 sections of 4 lessons
  (the first of each section a video with a ready video row), with enrolment counts;
- the student dashboard@lectern.bench, enrolled in COURSES of them: lessons completed from
  none to all (a quarter of the courses finished, with their certificates), an unfinished
  video in most of the rest (position and heartbeat time, so "continue watching" has four),
  the last lesson and last activity spread over five weeks, 40 days of watch time and 120
  notes;
- 300 other students with 5-15 enrolments each, so recommendations have co-enrolment to count.

The manifest names the student's email and password and a public course slug (the baseline
page). Deterministic for a given --seed; run it once on a fresh database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

EMAIL = "dashboard@lectern.bench"
PASSWORD = "lectern-bench-dashboard"  # noqa: S105 (a bench account in a throwaway database)
TOPICS = ("Photography", "Music", "Cooking", "Programming", "Languages", "Design")
LEVELS = ("beginner", "intermediate", "advanced", "all_levels")


async def fill(courses_wanted: int, seed: int) -> dict[str, object]:
    from sqlalchemy import insert, update

    from lectern.certificates.service import issue_certificate
    from lectern.kit.db import create_engine, create_sessionmaker
    from lectern.models import (
        Category,
        Course,
        CourseLevel,
        CourseStatus,
        Enrollment,
        EnrollmentSource,
        Lesson,
        LessonCompletion,
        LessonKind,
        LessonProgress,
        Note,
        Role,
        Section,
        VideoAsset,
        VideoStatus,
        WatchDay,
        course_topics,
    )
    from lectern.seed import ensure_account

    rng = random.Random(seed)  # noqa: S311 (reproducible data, not secrets)
    now = datetime.now(UTC)
    engine = create_engine(os.environ["LECTERN_DATABASE_URL"])
    sessions = create_sessionmaker(engine)
    async with sessions() as session:
        teacher, _ = await ensure_account(
            session,
            email="dashboard-teacher@lectern.bench",
            password=PASSWORD,
            display_name="Bench Teacher",
            roles=(Role.student, Role.instructor),
        )
        student, _ = await ensure_account(
            session,
            email=EMAIL,
            password=PASSWORD,
            display_name="Busy Student",
            roles=(Role.student,),
        )
        topics = []
        for name in TOPICS:
            topic = Category(name=name, slug=f"bench-{name.lower()}")
            session.add(topic)
            topics.append(topic)
        await session.flush()

        # --- 60 courses, 12 lessons each ------------------------------------------------------
        courses: list[tuple[Course, list[Lesson]]] = []
        for n in range(60):
            course = Course(
                slug=f"bench-course-{n:02d}",
                title=f"{TOPICS[n % len(TOPICS)]} course {n:02d}",
                subtitle="A course for the dashboard bench",
                owner_id=teacher.id,
                status=CourseStatus.published,
                level=CourseLevel(LEVELS[n % len(LEVELS)]),
                published_at=now - timedelta(days=n),
                first_published_at=now - timedelta(days=n),
                lesson_count=12,
                duration_seconds=12 * 420,
            )
            session.add(course)
            await session.flush()
            await session.execute(
                insert(course_topics).values(
                    course_id=course.id, category_id=topics[n % len(topics)].id
                )
            )
            lessons = []
            for s in range(3):
                section = Section(course_id=course.id, title=f"Part {s + 1}", position=s)
                session.add(section)
                await session.flush()
                for p in range(4):
                    lesson = Lesson(
                        course_id=course.id,
                        section_id=section.id,
                        title=f"Lesson {s * 4 + p + 1} of course {n:02d}",
                        kind=LessonKind.video if p == 0 else LessonKind.article,
                        position=p,
                        duration_seconds=420,
                    )
                    session.add(lesson)
                    lessons.append(lesson)
            await session.flush()
            for lesson in lessons:
                if lesson.kind == LessonKind.video:
                    session.add(
                        VideoAsset(
                            lesson_id=lesson.id,
                            status=VideoStatus.ready,
                            filename="lecture.mp4",
                            size_bytes=1,
                            received_bytes=1,
                            duration_seconds=420.0,
                            ready_at=now,
                        )
                    )
            courses.append((course, lessons))
        await session.flush()

        # --- the student ----------------------------------------------------------------------
        mine = rng.sample(courses, courses_wanted)
        finished = set(range(0, courses_wanted, 4))
        for index, (course, lessons) in enumerate(mine):
            done = 12 if index in finished else rng.randrange(0, 12)
            active = now - timedelta(hours=index * 28 + rng.randrange(0, 20))
            enrollment = Enrollment(
                user_id=student.id,
                course_id=course.id,
                source=EnrollmentSource.free,
                created_at=active - timedelta(days=10),
                last_lesson_id=lessons[max(0, done - 1)].id,
                last_activity_at=active,
                completed_at=active if done == 12 else None,
            )
            session.add(enrollment)
            for lesson in lessons[:done]:
                session.add(
                    LessonProgress(
                        user_id=student.id,
                        lesson_id=lesson.id,
                        course_id=course.id,
                        position_seconds=0.0,
                        watched=[[0.0, 420.0]] if lesson.kind == LessonKind.video else [],
                        watched_seconds=420.0 if lesson.kind == LessonKind.video else 0.0,
                        heartbeat_at=active,
                        completed_at=active,
                        completed_by=LessonCompletion.watched
                        if lesson.kind == LessonKind.video
                        else LessonCompletion.read,
                    )
                )
            video_next = next(
                (lesson for lesson in lessons[done:] if lesson.kind == LessonKind.video), None
            )
            if done < 12 and video_next is not None:
                position = float(rng.randrange(30, 400))
                session.add(
                    LessonProgress(
                        user_id=student.id,
                        lesson_id=video_next.id,
                        course_id=course.id,
                        position_seconds=position,
                        watched=[[0.0, position]],
                        watched_seconds=position,
                        heartbeat_at=active,
                    )
                )
            for k in range(4):
                session.add(
                    Note(
                        user_id=student.id,
                        lesson_id=lessons[k].id,
                        course_id=course.id,
                        position_seconds=float(rng.randrange(0, 400)),
                        body=f"Note {k} on course {course.slug}: **remember** this part.",
                        created_at=active - timedelta(minutes=k),
                    )
                )
        today = now.date()
        for d in range(40):
            session.add(
                WatchDay(
                    user_id=student.id,
                    day=today - timedelta(days=d),
                    seconds=rng.randrange(0, 3600),
                )
            )
        await session.flush()
        for index, (course, _) in enumerate(mine):
            if index in finished:
                await issue_certificate(session, student.id, course.id)

        # --- other students, for co-enrolment ---------------------------------------------
        counts = {course.id: 0 for course, _ in courses}
        for p in range(300):
            peer, _ = await ensure_account(
                session,
                email=f"peer-{p:03d}@lectern.bench",
                password=PASSWORD,
                display_name=f"Peer {p}",
                roles=(Role.student,),
            )
            for course, _ in rng.sample(courses, rng.randrange(5, 16)):
                session.add(
                    Enrollment(user_id=peer.id, course_id=course.id, source=EnrollmentSource.free)
                )
                counts[course.id] += 1
        for course, _ in mine:
            counts[course.id] += 1
        for course_id, count in counts.items():
            await session.execute(
                update(Course).where(Course.id == course_id).values(enrollment_count=count)
            )
        await session.commit()
    await engine.dispose()

    return {
        "email": EMAIL,
        "password": PASSWORD,
        "courses": courses_wanted,
        "landing_slug": courses[0][0].slug,
        "certificates": len(finished),
        "notes": 4 * courses_wanted,
        "other_students": 300,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--courses", type=int, default=30)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    if not 1 <= args.courses <= 60:
        parser.error("--courses must be between 1 and 60")
    found = asyncio.run(fill(args.courses, args.seed))
    args.manifest.write_text(json.dumps(found, indent=1))
    print(f"dashboard: {args.courses} courses for {EMAIL}, 300 other students")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
