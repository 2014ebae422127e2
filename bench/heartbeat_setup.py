"""Make the viewers of the heartbeat bench: students with sessions, enrolled in a course whose
first lesson has a ready video.

    cd backend && uv run python ../bench/heartbeat_setup.py COOKIES MANIFEST [--viewers 10000]
        [--video-seconds 7200]

The database is LECTERN_DATABASE_URL (PostgreSQL, migrated). Rows go in directly through the
backend's models, in bulk (signing 10,000 students in through the API would take an hour of
argon2id): VIEWERS students (role student, verified, no password: nobody signs in as them), a
session each (the token's SHA-256 in user_sessions, as sign-in stores it; valid for 30 days),
one instructor owning a published free course with a section, a video lesson of VIDEO_SECONDS
with a VideoAsset row marked ready (no transcode: heartbeats never read the files) and an
article lesson (so watching the video alone doesn't finish the course), and an enrolment of
every student. The video is long enough that no viewer reaches its end during the bench: the
figures are for the steady state, not for lessons completing.

COOKIES gets one session token per line (the lectern_session cookie's value); MANIFEST a JSON
object with the lesson, course and video ids, the duration and how long the inserts took.
Every run adds new rows (new e-mail addresses): the bench runs it once per fresh database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from lectern.config import get_settings
from lectern.kit.db import create_engine, create_sessionmaker
from lectern.kit.security import new_token, token_hash
from lectern.models import Role
from lectern.models.course import Course, CourseLevel, CourseStatus
from lectern.models.curriculum import Lesson, LessonKind, Section
from lectern.models.learning import Enrollment, EnrollmentSource
from lectern.models.media import VideoAsset, VideoStatus
from lectern.models.user import User, UserRole
from lectern.models.user_session import UserSession

CHUNK = 2000  # rows per INSERT: asyncpg's 32,767 parameters, with room


async def _insert(session, model: type, rows: list[dict[str, object]]) -> None:  # type: ignore[no-untyped-def]
    for start in range(0, len(rows), CHUNK):
        await session.execute(insert(model), rows[start : start + CHUNK])


async def make(viewers: int, video_seconds: int) -> tuple[list[str], dict[str, object]]:
    settings = get_settings()
    if settings.is_sqlite:
        sys.exit("heartbeat_setup.py: LECTERN_DATABASE_URL must be PostgreSQL")
    engine = create_engine(settings.effective_database_url)
    run = uuid.uuid4().hex[:8]
    now = datetime.now(UTC)
    started = time.perf_counter()
    tokens = [new_token() for _ in range(viewers)]
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            teacher = User(
                email=f"hb-teacher-{run}@bench.lectern.test",
                display_name="Heartbeat Bench Teacher",
                email_verified_at=now,
            )
            session.add(teacher)
            await session.flush()
            session.add_all(
                [UserRole(user_id=teacher.id, role=r) for r in (Role.student, Role.instructor)]
            )
            course = Course(
                slug=f"heartbeat-bench-{run}",
                title="Heartbeat bench",
                subtitle="10,000 viewers at once",
                level=CourseLevel.all_levels,
                owner_id=teacher.id,
                status=CourseStatus.published,
                published_at=now,
                first_published_at=now,
                lesson_count=2,
                duration_seconds=video_seconds + 300,
                enrollment_count=viewers,
            )
            session.add(course)
            await session.flush()
            section = Section(course_id=course.id, title="Watching", position=0)
            session.add(section)
            await session.flush()
            lesson = Lesson(
                course_id=course.id,
                section_id=section.id,
                title="A long lecture",
                kind=LessonKind.video,
                position=0,
                duration_seconds=video_seconds,
            )
            article = Lesson(
                course_id=course.id,
                section_id=section.id,
                title="Reading after the lecture",
                kind=LessonKind.article,
                position=1,
                body="Read this after the lecture.",
                duration_seconds=300,
            )
            session.add_all([lesson, article])
            await session.flush()
            video = VideoAsset(
                lesson_id=lesson.id,
                uploaded_by_id=teacher.id,
                status=VideoStatus.ready,
                filename="lecture.mp4",
                size_bytes=1_000_000_000,
                received_bytes=1_000_000_000,
                progress=1.0,
                duration_seconds=float(video_seconds),
                width=1920,
                height=1080,
                renditions=[],
                ready_at=now,
            )
            session.add(video)
            await session.flush()

            user_ids = [uuid.uuid4() for _ in range(viewers)]
            await _insert(
                session,
                User,
                [
                    {
                        "id": user_id,
                        "email": f"hb-{run}-{i}@bench.lectern.test",
                        "display_name": f"Viewer {i}",
                        "email_verified_at": now,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for i, user_id in enumerate(user_ids)
                ],
            )
            await _insert(
                session,
                UserRole,
                [{"user_id": u, "role": Role.student, "granted_at": now} for u in user_ids],
            )
            await _insert(
                session,
                UserSession,
                [
                    {
                        "id": uuid.uuid4(),
                        "user_id": u,
                        "token_hash": token_hash(token),
                        "created_at": now,
                        # Spread over the last touch interval, as on a live site: their
                        # last-seen writes then come at a steady rate, not all at once.
                        "last_seen_at": now - timedelta(seconds=i % 300),
                        "expires_at": now + timedelta(days=30),
                        "ip": "127.0.0.1",
                        "user_agent": "lectern-bench",
                    }
                    for i, (u, token) in enumerate(zip(user_ids, tokens, strict=True))
                ],
            )
            await _insert(
                session,
                Enrollment,
                [
                    {
                        "id": uuid.uuid4(),
                        "user_id": u,
                        "course_id": course.id,
                        "source": EnrollmentSource.free,
                        "created_at": now,
                    }
                    for u in user_ids
                ],
            )
            manifest: dict[str, object] = {
                "course_id": str(course.id),
                "course_slug": course.slug,
                "lesson_id": str(lesson.id),
                "video_id": str(video.id),
                "video_seconds": video_seconds,
                "viewers": viewers,
            }
    finally:
        await engine.dispose()
    manifest["setup_seconds"] = round(time.perf_counter() - started, 2)
    return tokens, manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cookies", type=Path)
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--viewers", type=int, default=10_000)
    parser.add_argument("--video-seconds", type=int, default=7200)
    args = parser.parse_args()
    tokens, manifest = asyncio.run(make(args.viewers, args.video_seconds))
    args.cookies.write_text("\n".join(tokens) + "\n")
    args.manifest.write_text(json.dumps(manifest, indent=2) + "\n")
    print(
        f"{args.viewers:,} students with sessions enrolled in {manifest['course_slug']}"
        f" (video lesson {manifest['lesson_id']}, {args.video_seconds} s)"
        f" in {manifest['setup_seconds']} s"
    )


if __name__ == "__main__":
    main()
