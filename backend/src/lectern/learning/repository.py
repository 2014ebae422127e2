"""Every SQL statement of enrolment, the dashboard and recommendations.

Everything here is read for one student and many courses at once: the dashboard of a student
with 30 courses is the same handful of statements as with one.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.learning.entitlements import ENROLLED_STATUSES
from lectern.learning.schemas import LessonRef
from lectern.models import (
    Category,
    Course,
    CourseInstructor,
    CourseLevel,
    CourseStatus,
    Enrollment,
    EnrollmentSource,
    Lesson,
    LessonProgress,
    Section,
    course_topics,
)
from lectern.models.base import utcnow


@dataclass(frozen=True)
class LessonState:
    lesson: LessonRef
    completed: bool


@dataclass(frozen=True)
class CoEnrolment:
    """Students of ``source`` (a course of the student's) also took ``course_id``, ``peers``
    of them."""

    course_id: uuid.UUID
    source_id: uuid.UUID
    peers: int


@dataclass(frozen=True)
class TopicMatch:
    course: Course
    topic: Category


class LearningRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- enrolments ---------------------------------------------------------------------

    async def enrollment(self, user_id: uuid.UUID, course_id: uuid.UUID) -> Enrollment | None:
        found: Enrollment | None = await self.session.scalar(
            select(Enrollment).where(
                Enrollment.user_id == user_id, Enrollment.course_id == course_id
            )
        )
        return found

    async def add_enrollment(
        self,
        user_id: uuid.UUID,
        course_id: uuid.UUID,
        source: EnrollmentSource,
        granted_by_id: uuid.UUID | None = None,
    ) -> Enrollment | None:
        """The new enrolment, or None when the student already had one: two clicks at once
        make one enrolment (the unique key decides), and the count goes up once."""
        values = {
            "id": uuid.uuid4(),
            "user_id": user_id,
            "course_id": course_id,
            "source": source,
            "granted_by_id": granted_by_id,
            "created_at": utcnow(),
        }
        insert = (
            pg_insert if self.session.get_bind().dialect.name == "postgresql" else sqlite_insert
        )
        inserted = await self.session.scalar(
            insert(Enrollment)
            .values(values)
            .on_conflict_do_nothing(index_elements=["user_id", "course_id"])
            .returning(Enrollment.id)
        )
        if inserted is None:
            return None
        await self.change_enrollment_count(course_id, +1)
        return await self.enrollment(user_id, course_id)

    async def remove_enrollment(self, enrollment: Enrollment) -> None:
        await self.session.delete(enrollment)
        await self.session.flush()
        await self.change_enrollment_count(enrollment.course_id, -1)

    async def change_enrollment_count(self, course_id: uuid.UUID, delta: int) -> None:
        # In SQL, not on the loaded row: concurrent enrolments must not overwrite each other.
        count = Course.enrollment_count + delta
        await self.session.execute(
            update(Course)
            .where(Course.id == course_id)
            .values(enrollment_count=case((count < 0, 0), else_=count))
            .execution_options(synchronize_session=False)
        )

    # --- the dashboard ------------------------------------------------------------------

    async def enrolled_courses(self, user_id: uuid.UUID) -> list[tuple[Enrollment, Course]]:
        """The student's enrolments in courses they can still open, most recently studied
        (or joined) first."""
        rows = await self.session.execute(
            select(Enrollment, Course)
            .join(Course, Course.id == Enrollment.course_id)
            .where(Enrollment.user_id == user_id, Course.status.in_(ENROLLED_STATUSES))
            .order_by(
                func.coalesce(Enrollment.last_activity_at, Enrollment.created_at).desc(),
                Enrollment.id,
            )
        )
        return [(enrollment, course) for enrollment, course in rows]

    async def lesson_states(
        self, user_id: uuid.UUID, lesson_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, LessonState]:
        if not lesson_ids:
            return {}
        rows = await self.session.execute(
            select(Lesson.id, Lesson.title, LessonProgress.completed_at)
            .outerjoin(
                LessonProgress,
                and_(LessonProgress.lesson_id == Lesson.id, LessonProgress.user_id == user_id),
            )
            .where(Lesson.id.in_(list(lesson_ids)))
        )
        return {
            lesson_id: LessonState(LessonRef(id=lesson_id, title=title), done is not None)
            for lesson_id, title, done in rows
        }

    async def first_open_lessons(
        self, user_id: uuid.UUID, course_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, LessonState]:
        """Per course, the first lesson in curriculum order the student has not completed;
        when every one is complete, the course's first lesson (``completed`` says which)."""
        if not course_ids:
            return {}
        done = LessonProgress.completed_at.is_not(None)
        ranked = (
            select(
                Lesson.course_id,
                Lesson.id,
                Lesson.title,
                done.label("done"),
                func.row_number()
                .over(
                    partition_by=Lesson.course_id,
                    order_by=(
                        case((done, 1), else_=0),
                        Section.position,
                        Section.created_at,
                        Lesson.position,
                        Lesson.created_at,
                    ),
                )
                .label("rank"),
            )
            .join(Section, Section.id == Lesson.section_id)
            .outerjoin(
                LessonProgress,
                and_(LessonProgress.lesson_id == Lesson.id, LessonProgress.user_id == user_id),
            )
            .where(Lesson.course_id.in_(list(course_ids)))
            .subquery()
        )
        rows = await self.session.execute(
            select(ranked.c.course_id, ranked.c.id, ranked.c.title, ranked.c.done).where(
                ranked.c.rank == 1
            )
        )
        return {
            course_id: LessonState(LessonRef(id=lesson_id, title=title), bool(is_done))
            for course_id, lesson_id, title, is_done in rows
        }

    async def lessons_with_courses(
        self, lesson_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[uuid.UUID, str, Course]]:
        """lesson id -> (id, title, course) for the continue-watching cards."""
        if not lesson_ids:
            return {}
        rows = await self.session.execute(
            select(Lesson.id, Lesson.title, Course)
            .join(Course, Course.id == Lesson.course_id)
            .where(Lesson.id.in_(list(lesson_ids)))
        )
        return {lesson_id: (lesson_id, title, course) for lesson_id, title, course in rows}

    # --- recommendations ----------------------------------------------------------------

    async def enrolled_course_ids(self, user_id: uuid.UUID) -> list[uuid.UUID]:
        """Every course the student is enrolled in, whatever its status, newest first."""
        found = await self.session.scalars(
            select(Enrollment.course_id)
            .where(Enrollment.user_id == user_id)
            .order_by(Enrollment.created_at.desc())
        )
        return list(found)

    async def taught_course_ids(self, user_id: uuid.UUID) -> set[uuid.UUID]:
        co_taught = select(CourseInstructor.course_id).where(CourseInstructor.user_id == user_id)
        found = await self.session.scalars(
            select(Course.id).where(or_(Course.owner_id == user_id, Course.id.in_(co_taught)))
        )
        return set(found)

    async def co_enrolments(
        self,
        user_id: uuid.UUID,
        source_ids: Sequence[uuid.UUID],
        exclude: set[uuid.UUID],
        limit: int,
    ) -> list[CoEnrolment]:
        """Published courses that other students of ``source_ids`` also enrolled in, most
        shared first."""
        if not source_ids:
            return []
        peer = Enrollment.__table__.alias("peer")
        other = Enrollment.__table__.alias("other")
        peers = func.count().label("peers")
        statement = (
            select(other.c.course_id, peer.c.course_id, peers)
            .select_from(peer)
            .join(other, and_(other.c.user_id == peer.c.user_id))
            .join(Course, Course.id == other.c.course_id)
            .where(
                peer.c.course_id.in_(list(source_ids)),
                peer.c.user_id != user_id,
                Course.status == CourseStatus.published,
            )
            .group_by(other.c.course_id, peer.c.course_id, Course.enrollment_count)
            .order_by(peers.desc(), Course.enrollment_count.desc(), other.c.course_id)
            .limit(limit)
        )
        if exclude:
            statement = statement.where(other.c.course_id.not_in(list(exclude)))
        rows = await self.session.execute(statement)
        return [CoEnrolment(course_id, source_id, int(n)) for course_id, source_id, n in rows]

    async def topics_and_levels(
        self, course_ids: Sequence[uuid.UUID]
    ) -> list[tuple[Category, CourseLevel]]:
        """The topics of these courses, each with the level of the course filed under it."""
        if not course_ids:
            return []
        rows = await self.session.execute(
            select(Category, Course.level)
            .join(course_topics, course_topics.c.category_id == Category.id)
            .join(Course, Course.id == course_topics.c.course_id)
            .where(Course.id.in_(list(course_ids)))
        )
        return [(category, level) for category, level in rows]

    async def popular_in_topics(
        self, topic_ids: Sequence[uuid.UUID], exclude: set[uuid.UUID], limit: int
    ) -> list[TopicMatch]:
        """Published courses filed under these topics, most enrolled first."""
        if not topic_ids:
            return []
        statement = (
            select(Course, Category)
            .join(course_topics, course_topics.c.course_id == Course.id)
            .join(Category, Category.id == course_topics.c.category_id)
            .where(Category.id.in_(list(topic_ids)), Course.status == CourseStatus.published)
            .order_by(Course.enrollment_count.desc(), Course.published_at.desc(), Course.id)
            .limit(limit)
        )
        if exclude:
            statement = statement.where(Course.id.not_in(list(exclude)))
        rows = await self.session.execute(statement)
        return [TopicMatch(course, topic) for course, topic in rows]

    async def popular_for_newcomers(self, exclude: set[uuid.UUID], limit: int) -> list[Course]:
        """Published courses, those a newcomer can start (beginner, all levels) first, each
        group most enrolled first."""
        starter = case(
            (Course.level.in_((CourseLevel.beginner, CourseLevel.all_levels)), 0), else_=1
        )
        statement = (
            select(Course)
            .where(Course.status == CourseStatus.published)
            .order_by(starter, Course.enrollment_count.desc(), Course.published_at.desc())
            .limit(limit)
        )
        if exclude:
            statement = statement.where(Course.id.not_in(list(exclude)))
        return list(await self.session.scalars(statement))

    async def published_courses(self, course_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Course]:
        if not course_ids:
            return {}
        found = await self.session.scalars(
            select(Course).where(
                Course.id.in_(list(course_ids)), Course.status == CourseStatus.published
            )
        )
        return {course.id: course for course in found}

    async def course_titles(self, course_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        if not course_ids:
            return {}
        rows = await self.session.execute(
            select(Course.id, Course.title).where(Course.id.in_(list(course_ids)))
        )
        return dict(rows.all())
