"""Courses written straight into the test's transaction: dozens of them in the time the studio
API builds one. For tests about what students see, not about how courses are made."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import (
    Category,
    Course,
    CourseLevel,
    CourseStatus,
    Enrollment,
    EnrollmentSource,
    Lesson,
    LessonKind,
    LessonProgress,
    Section,
    User,
    VideoAsset,
    VideoStatus,
    course_topics,
)
from lectern.models.base import utcnow


@dataclass
class QuickCourse:
    id: uuid.UUID
    slug: str
    title: str
    lesson_ids: list[uuid.UUID] = field(default_factory=list)
    lesson_titles: list[str] = field(default_factory=list)


async def topic(db: AsyncSession, name: str) -> Category:
    category = Category(name=name, slug=f"{name.lower()}-{uuid.uuid4().hex[:6]}")
    db.add(category)
    await db.commit()
    return category


async def quick_course(
    db: AsyncSession,
    owner: User,
    title: str,
    *,
    lessons: int = 3,
    status: CourseStatus = CourseStatus.published,
    level: CourseLevel = CourseLevel.beginner,
    topics: tuple[Category, ...] = (),
    price_amount: int | None = None,
    enrollment_count: int = 0,
    video_first: bool = False,
) -> QuickCourse:
    """A course with one section of ``lessons`` articles (the first a video if asked)."""
    slug = f"{title.lower().replace(' ', '-')}-{uuid.uuid4().hex[:6]}"
    course = Course(
        slug=slug,
        title=title,
        owner_id=owner.id,
        status=status,
        level=level,
        price_amount=price_amount,
        published_at=utcnow() if status == CourseStatus.published else None,
        lesson_count=lessons,
        enrollment_count=enrollment_count,
    )
    db.add(course)
    await db.flush()
    section = Section(course_id=course.id, title="Part one", position=0)
    db.add(section)
    await db.flush()
    made = QuickCourse(course.id, slug, title)
    for position in range(lessons):
        kind = LessonKind.video if video_first and position == 0 else LessonKind.article
        lesson = Lesson(
            course_id=course.id,
            section_id=section.id,
            title=f"{title}: lesson {position + 1}",
            kind=kind,
            position=position,
            duration_seconds=300,
        )
        db.add(lesson)
        await db.flush()
        made.lesson_ids.append(lesson.id)
        made.lesson_titles.append(lesson.title)
    for category in topics:
        await db.execute(insert(course_topics).values(course_id=course.id, category_id=category.id))
    await db.commit()
    return made


async def enrol(
    db: AsyncSession,
    user: User,
    course: QuickCourse,
    *,
    last_activity_at: datetime | None = None,
    last_lesson_id: uuid.UUID | None = None,
    source: EnrollmentSource = EnrollmentSource.free,
) -> None:
    db.add(
        Enrollment(
            user_id=user.id,
            course_id=course.id,
            source=source,
            last_activity_at=last_activity_at,
            last_lesson_id=last_lesson_id,
        )
    )
    await db.commit()


async def complete(db: AsyncSession, user: User, course: QuickCourse, count: int) -> None:
    """Mark the course's first ``count`` lessons done for ``user``."""
    now = utcnow()
    for lesson_id in course.lesson_ids[:count]:
        db.add(
            LessonProgress(
                user_id=user.id,
                lesson_id=lesson_id,
                course_id=course.id,
                completed_at=now,
                completed_by="marked",
            )
        )
    await db.commit()


async def watched_part(
    db: AsyncSession, user: User, course: QuickCourse, lesson_id: uuid.UUID, position: float
) -> None:
    db.add(
        LessonProgress(
            user_id=user.id,
            lesson_id=lesson_id,
            course_id=course.id,
            position_seconds=position,
            watched=[[0.0, position]],
            watched_seconds=position,
            heartbeat_at=utcnow(),
            updated_at=utcnow(),
        )
    )
    await db.commit()


async def ready_video(db: AsyncSession, lesson_id: uuid.UUID, seconds: float = 600) -> uuid.UUID:
    video = VideoAsset(
        lesson_id=lesson_id,
        status=VideoStatus.ready,
        filename="lecture.mp4",
        size_bytes=1000,
        received_bytes=1000,
        duration_seconds=seconds,
        ready_at=utcnow(),
    )
    db.add(video)
    await db.commit()
    return video.id


def hours_ago(hours: float) -> datetime:
    return utcnow() - timedelta(hours=hours)
