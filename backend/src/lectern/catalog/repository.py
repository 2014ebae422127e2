"""Every SQL statement of the catalog, apart from the search (search.py)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from lectern.kit.db import RepositoryBase
from lectern.models import (
    Category,
    Course,
    CourseInstructor,
    CourseStatus,
    Lesson,
    Section,
    User,
    course_topics,
)

PUBLIC_STATUSES = (CourseStatus.published, CourseStatus.unlisted)


def _with_team() -> tuple[object, ...]:
    return (
        selectinload(Course.owner),
        selectinload(Course.topics),
        selectinload(Course.co_instructors).selectinload(CourseInstructor.user),
    )


class CourseRepository(RepositoryBase[Course]):
    model = Course

    async def with_team(self, course_id: uuid.UUID) -> Course | None:
        return await self.one_or_none(
            select(Course).where(Course.id == course_id).options(*_with_team())  # type: ignore[arg-type]
        )

    async def public_by_slug(self, slug: str) -> Course | None:
        return await self.one_or_none(
            select(Course)
            .where(Course.slug == slug, Course.status.in_(PUBLIC_STATUSES))
            .options(*_with_team())  # type: ignore[arg-type]
        )

    async def by_slug(self, slug: str) -> Course | None:
        return await self.one_or_none(
            select(Course).where(Course.slug == slug).options(*_with_team())  # type: ignore[arg-type]
        )

    async def slug_taken(self, slug: str, *, other_than: uuid.UUID | None = None) -> bool:
        statement = select(exists().where(Course.slug == slug, Course.id != other_than))
        if other_than is None:
            statement = select(exists().where(Course.slug == slug))
        return bool(await self.session.scalar(statement))

    async def slugs_like(self, stem: str) -> set[str]:
        found = await self.session.scalars(
            select(Course.slug).where(
                or_(Course.slug == stem, Course.slug.startswith(f"{stem}-", autoescape=True))
            )
        )
        return set(found)

    async def taught_by(self, user_id: uuid.UUID) -> Sequence[Course]:
        co_taught = select(CourseInstructor.course_id).where(CourseInstructor.user_id == user_id)
        return await self.all(
            select(Course)
            .where(or_(Course.owner_id == user_id, Course.id.in_(co_taught)))
            .options(selectinload(Course.owner))
            .order_by(Course.updated_at.desc())
        )

    async def with_status(
        self,
        statuses: Iterable[CourseStatus],
        *,
        query: str | None,
        limit: int,
        queue_order: bool = False,
    ) -> Sequence[Course]:
        statement = (
            select(Course)
            .where(Course.status.in_(list(statuses)))
            .options(selectinload(Course.owner))
        )
        if query:
            needle = f"%{query.lower()}%"
            statement = statement.where(
                or_(func.lower(Course.title).like(needle), Course.slug.like(needle))
            )
        if queue_order:
            # The oldest submission first: a fair queue.
            statement = statement.order_by(Course.submitted_at.asc().nulls_last(), Course.id)
        else:
            statement = statement.order_by(Course.updated_at.desc(), Course.id)
        return await self.all(statement.limit(limit))

    async def topics_of(self, course_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Category]]:
        rows = await self.session.execute(
            select(course_topics.c.course_id, Category)
            .join(Category, Category.id == course_topics.c.category_id)
            .where(course_topics.c.course_id.in_(course_ids))
            .order_by(Category.name)
        )
        found: dict[uuid.UUID, list[Category]] = defaultdict(list)
        for course_id, category in rows:
            found[course_id].append(category)
        return found

    async def teams_of(self, courses: Sequence[Course]) -> dict[uuid.UUID, list[User]]:
        """Owner first, then co-instructors in the order they joined."""
        ids = [c.id for c in courses]
        users: dict[uuid.UUID, User] = {}
        owner_ids = {c.owner_id for c in courses}
        co_rows = await self.session.execute(
            select(CourseInstructor.course_id, CourseInstructor.user_id)
            .where(CourseInstructor.course_id.in_(ids))
            .order_by(CourseInstructor.added_at)
        )
        co_by_course: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for course_id, user_id in co_rows:
            co_by_course[course_id].append(user_id)
        wanted = owner_ids | {u for members in co_by_course.values() for u in members}
        if wanted:
            for user in await self.session.scalars(select(User).where(User.id.in_(wanted))):
                users[user.id] = user
        return {
            c.id: [users[c.owner_id], *(users[u] for u in co_by_course[c.id] if u in users)]
            for c in courses
        }

    async def delete_topics_of(self, course_id: uuid.UUID) -> None:
        await self.session.execute(
            delete(course_topics).where(course_topics.c.course_id == course_id)
        )


class CurriculumRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def sections(self, course_id: uuid.UUID, *, bodies: bool = True) -> list[Section]:
        """The course's sections in order, each with its lessons in order; `bodies=False`
        leaves the lessons' text unread, for outlines."""
        lessons = selectinload(Section.lessons)
        found = await self.session.scalars(
            select(Section)
            .where(Section.course_id == course_id)
            .options(lessons if bodies else lessons.defer(Lesson.body, raiseload=True))
            .order_by(Section.position, Section.created_at)
            # Lessons may have moved between sections in this session: read them afresh.
            .execution_options(populate_existing=True)
        )
        return list(found)

    async def lesson_ids(
        self, course_id: uuid.UUID, section_id: uuid.UUID | None = None
    ) -> list[uuid.UUID]:
        statement = select(Lesson.id).where(Lesson.course_id == course_id)
        if section_id is not None:
            statement = statement.where(Lesson.section_id == section_id)
        return list((await self.session.scalars(statement)).all())

    async def section(self, section_id: uuid.UUID) -> Section | None:
        return await self.session.get(Section, section_id)

    async def lesson(self, lesson_id: uuid.UUID) -> Lesson | None:
        return await self.session.get(Lesson, lesson_id)

    async def next_section_position(self, course_id: uuid.UUID) -> int:
        found = await self.session.scalar(
            select(func.max(Section.position)).where(Section.course_id == course_id)
        )
        return 0 if found is None else found + 1

    async def next_lesson_position(self, section_id: uuid.UUID) -> int:
        found = await self.session.scalar(
            select(func.max(Lesson.position)).where(Lesson.section_id == section_id)
        )
        return 0 if found is None else found + 1

    async def totals(self, course_id: uuid.UUID) -> tuple[int, int]:
        """(lesson count, total seconds) of a course."""
        row = (
            await self.session.execute(
                select(
                    func.count(Lesson.id), func.coalesce(func.sum(Lesson.duration_seconds), 0)
                ).where(Lesson.course_id == course_id)
            )
        ).one()
        return int(row[0]), int(row[1])


class CategoryRepository(RepositoryBase[Category]):
    model = Category

    async def everything(self) -> Sequence[Category]:
        return await self.all(select(Category).order_by(Category.position, Category.name))

    async def by_slug(self, slug: str) -> Category | None:
        return await self.one_or_none(select(Category).where(Category.slug == slug))

    async def slugs_like(self, stem: str) -> set[str]:
        found = await self.session.scalars(
            select(Category.slug).where(
                or_(Category.slug == stem, Category.slug.startswith(f"{stem}-", autoescape=True))
            )
        )
        return set(found)

    async def has_children(self, category_id: uuid.UUID) -> bool:
        return bool(
            await self.session.scalar(select(exists().where(Category.parent_id == category_id)))
        )

    async def has_courses(self, category_id: uuid.UUID) -> bool:
        return bool(
            await self.session.scalar(
                select(exists().where(course_topics.c.category_id == category_id))
            )
        )

    async def public_course_counts(self) -> dict[uuid.UUID, set[uuid.UUID]]:
        """For each topic, the published courses filed directly under it."""
        rows = await self.session.execute(
            select(course_topics.c.category_id, course_topics.c.course_id)
            .join(Course, Course.id == course_topics.c.course_id)
            .where(Course.status == CourseStatus.published)
        )
        found: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for category_id, course_id in rows:
            found[category_id].add(course_id)
        return found
