"""Putting the demo school into the database the way people would: topics through the topic
admin, courses through the studio, and each course through the review workflow as far as its
stage says. So slugs, search documents, durations and the audit log are the app's own.

Idempotent: topics are found by slug, and a course whose slug exists is left alone (whatever
has happened to it since), so running the seed again adds only what is missing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

import anyio
import anyio.abc
from sqlalchemy import func, select

from lectern.catalog.context import CatalogContext
from lectern.catalog.schemas import (
    CourseCreate,
    CourseUpdate,
    LessonCreate,
    LessonUpdate,
    TopicCreate,
)
from lectern.catalog.studio import studio_service
from lectern.catalog.topics import topic_service
from lectern.catalog.workflow import course_workflow
from lectern.demo.assessments import seed_assessments
from lectern.demo.content import (
    COURSES,
    TOPICS,
    DemoCourse,
    Person,
    Stage,
)
from lectern.demo.content import (
    SMARTPHONE_FILMMAKING as ENROLLED_COURSE,
)
from lectern.demo.covers import PALETTES, draw_cover
from lectern.demo.learning import seed_learning
from lectern.demo.offers import seed_offers
from lectern.models import (
    Category,
    Course,
    CourseStatus,
    Enrollment,
    EnrollmentSource,
    LessonKind,
    User,
)


@dataclass(frozen=True)
class SchoolSummary:
    """What the demo school holds after seeding, counted from the database."""

    published: int
    in_review: int
    drafts: int
    rejected: int
    topics: int
    new_courses: int
    new_topics: int

    def line(self) -> str:
        drafts = f"{self.drafts} draft{'s' if self.drafts != 1 else ''}"
        added = (
            f"added {self.new_courses} courses and {self.new_topics} topics"
            if self.new_courses or self.new_topics
            else "already in place"
        )
        return (
            f"Demo school: {self.published} published courses, {self.in_review} in review, "
            f"{drafts}, {self.rejected} rejected, in {self.topics} topics ({added})."
        )


async def seed_school(ctx: CatalogContext, people: Mapping[Person, User]) -> SchoolSummary:
    """Create whatever of the demo school is missing. `people` are the demo accounts, with
    their roles loaded. Mails the workflow would send are dropped: the seed tells no one."""
    mails_before = len(ctx.jobs.pending)
    topic_ids, new_topics = await _ensure_topics(ctx, people[Person.admin])
    existing = set(
        await ctx.session.scalars(
            select(Course.slug).where(Course.slug.in_([c.slug for c in COURSES]))
        )
    )
    missing = [c for c in COURSES if c.slug not in existing]
    async with anyio.create_task_group() as tasks:
        # The covers are drawn in a thread while the courses are written.
        covers = _Covers(tasks, [c for c in missing if c.has_cover])
        for course in missing:
            await _create_course(ctx, people, course, topic_ids[course.topic], covers)
    # The course with videos ends with a quiz and an assignment (issue 6).
    await seed_assessments(ctx, people)
    await _enrol_demo_student(ctx, people[Person.student])
    await seed_learning(ctx, people)
    del ctx.jobs.pending[mails_before:]
    await seed_offers(ctx.session)
    return await _summary(ctx, new_courses=len(missing), new_topics=new_topics)


# --- topics -----------------------------------------------------------------------------------


async def _ensure_topics(ctx: CatalogContext, admin: User) -> tuple[dict[str, uuid.UUID], int]:
    """Every demo topic's id by slug, creating the missing ones (parents first)."""
    slugs = [t.slug for parent in TOPICS for t in (parent, *parent.children)]
    found = await ctx.session.execute(
        select(Category.slug, Category.id).where(Category.slug.in_(slugs))
    )
    ids: dict[str, uuid.UUID] = dict(found.all())
    created = 0
    for parent in TOPICS:
        if parent.slug not in ids:
            ids[parent.slug] = (
                await topic_service.create(ctx, admin, TopicCreate(name=parent.name))
            ).id
            created += 1
        for child in parent.children:
            if child.slug not in ids:
                topic = await topic_service.create(
                    ctx, admin, TopicCreate(name=child.name, parent_id=ids[parent.slug])
                )
                ids[child.slug] = topic.id
                created += 1
    return ids, created


def _top_level_of(topic_slug: str) -> str:
    for parent in TOPICS:
        if topic_slug == parent.slug or any(c.slug == topic_slug for c in parent.children):
            return parent.slug
    raise LookupError(f"{topic_slug!r} is not a demo topic")


# --- covers -----------------------------------------------------------------------------------


class _Covers:
    """Each course's PNG cover, drawn one after another in a worker thread (Pillow lets go of
    the GIL while it draws, so this overlaps with the database work)."""

    def __init__(self, tasks: anyio.abc.TaskGroup, courses: list[DemoCourse]) -> None:
        self._pictures: dict[str, bytes] = {}
        self._ready = {c.slug: anyio.Event() for c in courses}
        tasks.start_soon(self._draw_all, courses)

    async def _draw_all(self, courses: list[DemoCourse]) -> None:
        for course in courses:
            palette = PALETTES[_top_level_of(course.topic)]
            draw = partial(draw_cover, course.glyph, palette, variant=COURSES.index(course))
            self._pictures[course.slug] = await anyio.to_thread.run_sync(draw)
            self._ready[course.slug].set()

    async def get(self, course: DemoCourse) -> bytes | None:
        ready = self._ready.get(course.slug)
        if ready is None:
            return None
        await ready.wait()
        return self._pictures.pop(course.slug)


# --- courses ----------------------------------------------------------------------------------


async def _create_course(
    ctx: CatalogContext,
    people: Mapping[Person, User],
    course: DemoCourse,
    topic_id: uuid.UUID,
    covers: _Covers,
) -> None:
    owner = people[course.owner]
    created = await studio_service.create(ctx, owner, CourseCreate(title=course.title))
    course_id = created.id
    await studio_service.update(
        ctx,
        owner,
        course_id,
        CourseUpdate(
            subtitle=course.subtitle,
            description=course.description,
            language=course.language,
            level=course.level,
            topic_ids=[topic_id],
            tags=list(course.tags),
            outcomes=list(course.outcomes),
            requirements=list(course.requirements),
            price_amount=course.price_amount,
            currency=course.currency,
        ),
    )
    for section in course.sections:
        studio = await studio_service.add_section(ctx, owner, course_id, title=section.title)
        section_id = studio.sections[-1].id
        for lesson in section.lessons:
            studio = await studio_service.add_lesson(
                ctx,
                owner,
                section_id,
                LessonCreate(
                    title=lesson.title,
                    kind=LessonKind.video if lesson.video else LessonKind.article,
                ),
            )
            lesson_id = next(s for s in studio.sections if s.id == section_id).lessons[-1].id
            changes = LessonUpdate()
            if lesson.body:
                changes.body = lesson.body
            if lesson.preview:
                changes.is_preview = True
            if changes.model_fields_set:
                await studio_service.update_lesson(ctx, owner, lesson_id, changes)
    cover = await covers.get(course)
    if cover is not None:
        await studio_service.set_cover(ctx, owner, course_id, cover)
    if course.co_instructor is not None:
        await studio_service.add_co_instructor(
            ctx, owner, course_id, email=people[course.co_instructor].email
        )
    if course.stage == Stage.draft:
        return
    await course_workflow.submit(ctx, owner, course_id)
    admin = people[Person.admin]
    if course.stage == Stage.published:
        await course_workflow.approve(ctx, admin, course_id)
    elif course.stage == Stage.rejected:
        await course_workflow.reject(ctx, admin, course_id, reason=course.review_reason or "")


async def _enrol_demo_student(ctx: CatalogContext, student: User) -> None:
    """The demo student can watch the whole of the course with videos."""
    course = await ctx.session.scalar(select(Course).where(Course.slug == ENROLLED_COURSE.slug))
    if course is None:
        return
    enrolled = await ctx.session.scalar(
        select(Enrollment.id).where(
            Enrollment.user_id == student.id, Enrollment.course_id == course.id
        )
    )
    if enrolled is None:
        ctx.session.add(
            Enrollment(user_id=student.id, course_id=course.id, source=EnrollmentSource.grant)
        )
        course.enrollment_count += 1


async def _summary(ctx: CatalogContext, *, new_courses: int, new_topics: int) -> SchoolSummary:
    rows = await ctx.session.execute(
        select(Course.status, func.count())
        .where(Course.slug.in_([c.slug for c in COURSES]))
        .group_by(Course.status)
    )
    counts: dict[CourseStatus, int] = dict(rows.all())
    topics = await ctx.session.scalar(
        select(func.count())
        .select_from(Category)
        .where(Category.slug.in_([t.slug for p in TOPICS for t in (p, *p.children)]))
    )
    return SchoolSummary(
        published=counts.get(CourseStatus.published, 0),
        in_review=counts.get(CourseStatus.in_review, 0),
        drafts=counts.get(CourseStatus.draft, 0),
        rejected=counts.get(CourseStatus.rejected, 0),
        topics=topics or 0,
        new_courses=new_courses,
        new_topics=new_topics,
    )
