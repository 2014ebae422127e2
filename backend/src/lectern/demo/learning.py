"""The demo school's learning life: a handful of learners who enrolled and reviewed, and the
demo student's own progress, notes, week and certificate, so "My learning", the ratings and
"Because you took …" have something true to show on the first `make run`.

Written through the learning services (enrolling, grants, completion, certificates, notes,
bookmarks, reviews); only what a player would have sent (watched intervals, days of watching)
is written as rows. Done once: a demo school whose learners exist is left alone.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from lectern.catalog.context import CatalogContext
from lectern.demo.content import (
    ACCESSIBLE_FORMS,
    COLOR_GRADING,
    CSS_LAYOUT,
    NATURAL_LIGHT,
    NEWSLETTERS,
    PANDAS,
    SMARTPHONE_FILMMAKING,
    WEEKLY_PLANNING,
    DemoCourse,
    Person,
)
from lectern.learning.enrollments import enrollment_service
from lectern.models import (
    Course,
    Enrollment,
    Lesson,
    LessonCompletion,
    LessonKind,
    LessonProgress,
    Role,
    Section,
    User,
    WatchDay,
)
from lectern.models.base import utcnow
from lectern.notes.bookmarks import bookmark_service
from lectern.notes.schemas import BookmarkCreate, NoteCreate
from lectern.notes.service import note_service
from lectern.progress import service as progress_service
from lectern.reviews.schemas import ReplyWrite, ReviewWrite
from lectern.reviews.service import review_service
from lectern.seed import ensure_account


@dataclass(frozen=True)
class DemoReview:
    course: DemoCourse
    rating: int
    body: str


@dataclass(frozen=True)
class DemoLearner:
    name: str
    handle: str
    reviews: tuple[DemoReview, ...]
    also_enrolled: tuple[DemoCourse, ...] = ()


LEARNERS = (
    DemoLearner(
        "Priya Raman",
        "priya",
        (
            DemoReview(
                SMARTPHONE_FILMMAKING,
                5,
                "The window-light lesson alone was worth it. My cooking videos finally look "
                "like daylight instead of a cave.",
            ),
            DemoReview(
                NATURAL_LIGHT, 5, "Clear, calm and practical. Perfect after the phone course."
            ),
            DemoReview(
                WEEKLY_PLANNING,
                4,
                "Simple system that I have kept for a month. A printable template would help.",
            ),
        ),
        also_enrolled=(COLOR_GRADING,),
    ),
    DemoLearner(
        "Tomás Ortega",
        "tomas",
        (
            DemoReview(
                SMARTPHONE_FILMMAKING,
                4,
                "Short lessons that get to the point. I wanted a bit more on editing.",
            ),
            DemoReview(
                COLOR_GRADING,
                5,
                "Node by node, with reasons. I stopped pushing the saturation slider and "
                "started fixing exposure first.",
            ),
        ),
        also_enrolled=(CSS_LAYOUT,),
    ),
    DemoLearner(
        "Mei Chen",
        "mei",
        (
            DemoReview(
                CSS_LAYOUT,
                5,
                "Grid finally clicked. The 'which one do I use' lesson should be required reading.",
            ),
            DemoReview(ACCESSIBLE_FORMS, 4, "Changed how our team writes error messages."),
            DemoReview(
                PANDAS,
                5,
                "Real, messy data instead of toy examples. The groupby section is excellent.",
            ),
        ),
    ),
    DemoLearner(
        "Jonas Weber",
        "jonas",
        (
            DemoReview(PANDAS, 4, "Dense but worth it. Take notes as you go."),
            DemoReview(
                NEWSLETTERS,
                3,
                "Good advice on subject lines; the deliverability part felt rushed.",
            ),
            DemoReview(WEEKLY_PLANNING, 5, ""),
        ),
    ),
    DemoLearner(
        "Amara Okafor",
        "amara",
        (
            DemoReview(
                SMARTPHONE_FILMMAKING,
                5,
                "I film church events on my phone. The audio tips saved every recording since.",
            ),
            DemoReview(NATURAL_LIGHT, 4, "Lovely examples, even with my basic Spanish."),
            DemoReview(CSS_LAYOUT, 4, "Good pace. The holy-grail layout exercise was fun."),
        ),
        also_enrolled=(NEWSLETTERS,),
    ),
)

# The instructor's answer under the first review of the course with videos.
INSTRUCTOR_REPLY = (
    "Thank you, Priya! A lesson on cutting the sequence together on the phone is next on my list."
)
STUDENT_REVIEW = DemoReview(
    WEEKLY_PLANNING,
    5,
    "Thirty minutes on Sunday and the week stops ambushing me. Finished it in three evenings.",
)
# Seconds of video the demo student watched on each of the last days (today last).
WATCH_DAYS = (0, 0, 420, 0, 760, 1310, 540)


def learner_email(learner: DemoLearner) -> str:
    return f"{learner.handle}@learners.lectern.test"


async def seed_learning(ctx: CatalogContext, people: Mapping[Person, User]) -> bool:
    """The demo learners with their enrolments and reviews, and the demo student's learning.
    False (nothing written) when they are there already."""
    first = learner_email(LEARNERS[0])
    if await ctx.session.scalar(select(User.id).where(User.email == first)) is not None:
        return False
    courses = {
        course.slug: course
        for course in await ctx.session.scalars(
            select(Course).where(
                Course.slug.in_([c.slug for c in (*_reviewed(), STUDENT_REVIEW.course)])
            )
        )
    }
    admin = people[Person.admin]
    for learner in LEARNERS:
        user, _ = await ensure_account(
            ctx.session,
            email=learner_email(learner),
            # Nobody signs in as them: a password nobody knows.
            password=secrets.token_urlsafe(24),
            display_name=learner.name,
            roles=(Role.student,),
        )
        for demo in (*(r.course for r in learner.reviews), *learner.also_enrolled):
            course = courses[demo.slug]
            if course.is_free:
                await enrollment_service.enroll(ctx, user, course.id)
            else:
                await enrollment_service.grant(ctx, admin, course.id, user.email)
        for review in learner.reviews:
            await review_service.save_mine(
                ctx,
                user,
                courses[review.course.slug].id,
                ReviewWrite(rating=review.rating, body=review.body),
            )
    await _reply_to_first_review(ctx, people[Person.instructor], courses)
    await _student_learning(ctx, people[Person.student], courses)
    return True


def _reviewed() -> list[DemoCourse]:
    return [r.course for learner in LEARNERS for r in learner.reviews] + [
        c for learner in LEARNERS for c in learner.also_enrolled
    ]


async def _reply_to_first_review(
    ctx: CatalogContext, instructor: User, courses: Mapping[str, Course]
) -> None:
    page = await review_service.page(
        ctx, instructor, courses[SMARTPHONE_FILMMAKING.slug].id, cursor=None, limit=20
    )
    priya = next(r for r in page.items if r.author.display_name == LEARNERS[0].name)
    await review_service.reply(ctx, instructor, priya.id, ReplyWrite(body=INSTRUCTOR_REPLY))


async def _student_learning(
    ctx: CatalogContext, student: User, courses: Mapping[str, Course]
) -> None:
    """Sam finished one course (with its certificate and a review), is part way into the one
    with videos (a paused video, notes, a bookmark) and has started a third; and watched on
    four of the last seven days."""
    session = ctx.session
    finished = courses[WEEKLY_PLANNING.slug]
    started = courses[CSS_LAYOUT.slug]
    filming = await session.scalar(select(Course).where(Course.slug == SMARTPHONE_FILMMAKING.slug))
    assert filming is not None
    for course in (finished, started):
        await enrollment_service.enroll(ctx, student, course.id)

    for lesson in await _lessons(ctx, finished):
        await progress_service.complete_lesson(
            session, student.id, lesson.id, LessonCompletion.read
        )
    for lesson in (await _lessons(ctx, started))[:2]:
        await progress_service.complete_lesson(
            session, student.id, lesson.id, LessonCompletion.read
        )
    await review_service.save_mine(
        ctx,
        student,
        finished.id,
        ReviewWrite(rating=STUDENT_REVIEW.rating, body=STUDENT_REVIEW.body),
    )

    # The first video paused at 0:07 after watching it from the start, the day's last lesson.
    video = next(
        lesson for lesson in await _lessons(ctx, filming) if lesson.kind == LessonKind.video
    )
    now = utcnow()
    session.add(
        LessonProgress(
            user_id=student.id,
            lesson_id=video.id,
            course_id=filming.id,
            position_seconds=7.2,
            watched=[[0.0, 7.2]],
            watched_seconds=7.2,
            heartbeat_at=now - timedelta(minutes=40),
            started_at=now - timedelta(minutes=41),
        )
    )
    enrollment = await session.scalar(
        select(Enrollment).where(
            Enrollment.user_id == student.id, Enrollment.course_id == filming.id
        )
    )
    assert enrollment is not None
    enrollment.last_lesson_id = video.id
    enrollment.last_activity_at = now - timedelta(minutes=40)
    await session.flush()
    for at, words in (
        (2.0, "Lock **focus and exposure** before recording: long-press on the subject."),
        (5.5, "Shoot at 30 fps for talking heads; 24 only if everything else is 24."),
    ):
        await note_service.create(
            session, student, video.id, NoteCreate(body=words, position_seconds=at)
        )
    await bookmark_service.add(
        session, student, video.id, BookmarkCreate(position_seconds=4.0, label="Exposure lock")
    )

    today = now.date()
    for days_back, seconds in enumerate(reversed(WATCH_DAYS)):
        if seconds:
            session.add(
                WatchDay(user_id=student.id, day=today - timedelta(days=days_back), seconds=seconds)
            )
    await session.flush()


async def _lessons(ctx: CatalogContext, course: Course) -> list[Lesson]:
    """A course's lessons in curriculum order."""
    rows = await ctx.session.scalars(
        select(Lesson)
        .join(Section, Section.id == Lesson.section_id)
        .where(Lesson.course_id == course.id)
        .order_by(Section.position, Lesson.position)
    )
    return list(rows)
