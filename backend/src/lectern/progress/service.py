"""Reading progress (one course in detail, many courses in summary, the week's watching,
where to resume) and completing lessons that no video rule completes."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.catalog.access import PUBLIC_STATUSES
from lectern.catalog.repository import CourseRepository
from lectern.certificates import service as certificates
from lectern.errors import Conflict, Forbidden, NotFound
from lectern.kit.queue import JobBuffer
from lectern.learning.entitlements import course_access, lesson_access
from lectern.learning.lessons import lesson_with_course
from lectern.learning.schemas import CourseAccess
from lectern.media.videos import ready_video
from lectern.models import (
    Enrollment,
    Lesson,
    LessonCompletion,
    LessonKind,
    LessonProgress,
    Section,
    User,
    WatchDay,
)
from lectern.models.base import utcnow
from lectern.progress.buffer import HeartbeatBuffer
from lectern.progress.completion import completed_counts, lesson_totals, refresh_course_completion
from lectern.progress.context import ProgressContext
from lectern.progress.flusher import dialect_insert, time_zone
from lectern.progress.schemas import (
    CourseProgress,
    LessonProgressOut,
    ProgressSummary,
    ResumePoint,
    SectionProgressOut,
    WatchDayOut,
    WatchWeek,
)

# Completions a student may take back; the others follow from what they did.
REOPENABLE = (LessonCompletion.read, LessonCompletion.marked)
STREAK_LOOKBACK_DAYS = 400


def percent_of(completed: int, total: int) -> int:
    """The one rounding every page uses: down, so 100 means every lesson."""
    return 100 * completed // total if total else 0


async def course_progress(
    session: AsyncSession, user_id: uuid.UUID, course_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, ProgressSummary]:
    """Completed and total lessons of each course for a student (courses without lessons
    read 0 of 0, 0%)."""
    ids = set(course_ids)
    totals = await lesson_totals(session, ids)
    done = await completed_counts(session, user_id, ids)
    return {
        course_id: ProgressSummary(
            completed_lessons=done.get(course_id, 0),
            total_lessons=totals.get(course_id, 0),
            percent=percent_of(done.get(course_id, 0), totals.get(course_id, 0)),
        )
        for course_id in course_ids
    }


def today_of(user: User) -> dt.date:
    return dt.datetime.now(time_zone(user.timezone)).date()


async def watch_week(session: AsyncSession, user: User, today: dt.date | None = None) -> WatchWeek:
    """Seconds watched on each of the last seven days (oldest first, in the student's time
    zone) and the streak: consecutive days with watching up to today, or up to yesterday
    while today has none yet."""
    today = today or today_of(user)
    rows = await session.execute(
        select(WatchDay.day, WatchDay.seconds)
        .where(
            WatchDay.user_id == user.id,
            WatchDay.day <= today,
            WatchDay.day > today - dt.timedelta(days=STREAK_LOOKBACK_DAYS),
            WatchDay.seconds > 0,
        )
        .order_by(WatchDay.day.desc())
    )
    seconds = dict(rows.all())
    days = [
        WatchDayOut(day=day, seconds=round(seconds.get(day, 0.0)))
        for day in (today - dt.timedelta(days=n) for n in range(6, -1, -1))
    ]
    streak = 0
    day = today if today in seconds else today - dt.timedelta(days=1)
    while day in seconds:
        streak += 1
        day -= dt.timedelta(days=1)
    return WatchWeek(days=days, total_seconds=sum(d.seconds for d in days), streak_days=streak)


async def resume_points(
    session: AsyncSession,
    user_id: uuid.UUID,
    *,
    limit: int = 4,
    heartbeats: HeartbeatBuffer | None = None,
) -> list[ResumePoint]:
    """Unfinished video lessons of the student's enrolled courses, most recently watched
    first. Pass ``heartbeats`` to see positions not written yet (the last second or so)."""
    rows = await session.execute(
        select(LessonProgress, Lesson.duration_seconds)
        .join(Lesson, Lesson.id == LessonProgress.lesson_id)
        .join(
            Enrollment,
            (Enrollment.user_id == LessonProgress.user_id)
            & (Enrollment.course_id == LessonProgress.course_id),
        )
        .where(
            LessonProgress.user_id == user_id,
            LessonProgress.completed_at.is_(None),
            LessonProgress.heartbeat_at.is_not(None),
            Lesson.kind == LessonKind.video,
        )
        .order_by(LessonProgress.heartbeat_at.desc())
        .limit(limit)
    )
    buffered = await heartbeats.positions(user_id) if heartbeats is not None else {}
    return [
        ResumePoint(
            lesson_id=str(progress.lesson_id),
            course_id=str(progress.course_id),
            position_seconds=buffered.get(progress.lesson_id, progress.position_seconds),
            duration_seconds=duration,
            updated_at=progress.heartbeat_at or progress.updated_at,
        )
        for progress, duration in rows.all()
    ]


async def complete_lesson(
    session: AsyncSession,
    user_id: uuid.UUID,
    lesson_id: uuid.UUID,
    by: LessonCompletion,
    *,
    jobs: JobBuffer | None = None,
) -> None:
    """Mark a lesson complete for a student (kept if it already was, with its first cause)
    and complete the course if it was the last one (its certificate is mailed about through
    ``jobs`` after the commit, when given). The caller checked access and the rule (an
    article read, a quiz passed, an assignment handed in)."""
    course_id = await session.scalar(select(Lesson.course_id).where(Lesson.id == lesson_id))
    if course_id is None:
        raise NotFound("No such lesson.")
    now = utcnow()
    statement = dialect_insert(session)(LessonProgress).values(
        user_id=user_id,
        lesson_id=lesson_id,
        course_id=course_id,
        position_seconds=0.0,
        watched=[],
        watched_seconds=0.0,
        completed_at=now,
        completed_by=by,
        started_at=now,
        updated_at=now,
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["user_id", "lesson_id"],
            set_={
                "completed_by": case(
                    (LessonProgress.completed_at.is_(None), statement.excluded.completed_by),
                    else_=LessonProgress.completed_by,
                ),
                "completed_at": func.coalesce(
                    LessonProgress.completed_at, statement.excluded.completed_at
                ),
                "updated_at": now,
            },
        )
    )
    await _note_activity(session, user_id, course_id, lesson_id, now)
    await refresh_course_completion(session, [(user_id, course_id)], now, jobs=jobs)


async def _note_activity(
    session: AsyncSession,
    user_id: uuid.UUID,
    course_id: uuid.UUID,
    lesson_id: uuid.UUID,
    at: dt.datetime,
) -> None:
    enrollment = await session.scalar(
        select(Enrollment).where(Enrollment.user_id == user_id, Enrollment.course_id == course_id)
    )
    if enrollment is not None:
        enrollment.last_lesson_id = lesson_id
        enrollment.last_activity_at = at
        await session.flush()


async def _markable(session: AsyncSession, user: User, lesson_id: uuid.UUID) -> Lesson:
    """The lesson, if the student may open it and it completes by being marked: articles,
    and video lessons whose video is not ready (there is nothing to watch yet)."""
    lesson, course = await lesson_with_course(session, lesson_id)
    if await lesson_access(session, user, course, lesson) is None:
        raise Forbidden("This lesson is for enrolled students.", code="lesson_locked")
    by_rule = lesson.kind in (LessonKind.quiz, LessonKind.assignment) or (
        lesson.kind == LessonKind.video and await ready_video(session, lesson.id) is not None
    )
    if by_rule:
        raise Conflict(
            "This lesson completes by its rule: watching the video, passing the quiz or "
            "handing in the assignment.",
            code="completion_by_rule",
        )
    return lesson


async def mark_lesson_complete(
    ctx: ProgressContext, user: User, lesson_id: uuid.UUID, by: LessonCompletion
) -> CourseProgress:
    """The student read an article to its end, or marked it done."""
    lesson = await _markable(ctx.session, user, lesson_id)
    await complete_lesson(ctx.session, user.id, lesson.id, by, jobs=ctx.jobs)
    return await progress_in_course(ctx.session, ctx.heartbeats, user, lesson.course_id)


async def reopen_lesson(
    session: AsyncSession, heartbeats: HeartbeatBuffer | None, user: User, lesson_id: uuid.UUID
) -> CourseProgress:
    """Take back a "read" or "marked" completion. A finished course stays finished: its
    certificate was issued."""
    lesson = await _markable(session, user, lesson_id)
    progress = await session.scalar(
        select(LessonProgress)
        .where(LessonProgress.user_id == user.id, LessonProgress.lesson_id == lesson.id)
        .with_for_update()
    )
    if progress is not None and progress.completed_at is not None:
        if progress.completed_by not in REOPENABLE:
            raise Conflict(
                "This lesson was completed by its rule and stays complete.",
                code="completion_by_rule",
            )
        progress.completed_at = None
        progress.completed_by = None
        await session.flush()
    return await progress_in_course(session, heartbeats, user, lesson.course_id)


async def progress_in_course(
    session: AsyncSession, heartbeats: HeartbeatBuffer | None, user: User, course_id: uuid.UUID
) -> CourseProgress:
    """The student's own progress in a course they can see, lesson by lesson and by section."""
    course = await CourseRepository(session).with_team(course_id)
    if course is None:
        raise NotFound("No such course.")
    access = await course_access(session, user, course)
    if access is CourseAccess.previews and course.status not in PUBLIC_STATUSES:
        raise NotFound("No such course.")
    lessons = (
        await session.execute(
            select(Lesson.id, Lesson.section_id, Lesson.kind, Lesson.duration_seconds)
            .join(Section, Section.id == Lesson.section_id)
            .where(Lesson.course_id == course.id)
            .order_by(Section.position, Lesson.position)
        )
    ).all()
    section_ids = (
        await session.scalars(
            select(Section.id).where(Section.course_id == course.id).order_by(Section.position)
        )
    ).all()
    rows = {
        p.lesson_id: p
        for p in await session.scalars(
            select(LessonProgress).where(
                LessonProgress.user_id == user.id, LessonProgress.course_id == course.id
            )
        )
    }
    enrollment = await session.scalar(
        select(Enrollment).where(Enrollment.user_id == user.id, Enrollment.course_id == course.id)
    )
    buffered = await heartbeats.positions(user.id) if heartbeats is not None else {}
    out: list[LessonProgressOut] = []
    per_section: dict[uuid.UUID, list[int]] = {section_id: [0, 0] for section_id in section_ids}
    for lesson_id, section_id, _kind, duration in lessons:
        row = rows.get(lesson_id)
        completed = row is not None and row.completed_at is not None
        watched = row.watched_seconds if row else 0.0
        out.append(
            LessonProgressOut(
                lesson_id=lesson_id,
                completed=completed,
                completed_by=row.completed_by if row and completed else None,
                watched_percent=min(100, int(100 * watched // duration)) if duration else 0,
                position_seconds=buffered.get(lesson_id, row.position_seconds if row else 0.0),
            )
        )
        counts = per_section.setdefault(section_id, [0, 0])
        counts[0] += int(completed)
        counts[1] += 1
    completed_lessons = sum(1 for lesson in out if lesson.completed)
    return CourseProgress(
        course_id=course.id,
        completed_lessons=completed_lessons,
        total_lessons=len(out),
        percent=percent_of(completed_lessons, len(out)),
        completed_at=enrollment.completed_at if enrollment else None,
        certificate_code=await certificates.certificate_code_of(session, user.id, course.id),
        last_lesson_id=enrollment.last_lesson_id if enrollment else None,
        lessons=out,
        sections=[
            SectionProgressOut(section_id=s, completed_lessons=c[0], total_lessons=c[1])
            for s, c in per_section.items()
        ],
    )
