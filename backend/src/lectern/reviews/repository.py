"""Every SQL statement of the reviews domain."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import aliased, selectinload
from sqlalchemy.sql import Select

from lectern.kit.db import RepositoryBase
from lectern.models import Course, StudentReview, User
from lectern.models.base import utcnow

Cursor = tuple[datetime, uuid.UUID]


@dataclass(frozen=True)
class ReviewRow:
    review: StudentReview
    author: User
    replier_name: str | None
    course: Course | None = None
    hider_name: str | None = None


_replier = aliased(User)
_hider = aliased(User)


def _newest_first(statement: Select[Any], after: Cursor | None) -> Select[Any]:
    if after is not None:
        created_at, id_ = after
        statement = statement.where(
            or_(
                StudentReview.created_at < created_at,
                and_(StudentReview.created_at == created_at, StudentReview.id < id_),
            )
        )
    return statement.order_by(StudentReview.created_at.desc(), StudentReview.id.desc())


class ReviewRepository(RepositoryBase[StudentReview]):
    model = StudentReview

    async def course_with_team(self, course_id: uuid.UUID) -> Course | None:
        return await self.session.scalar(
            select(Course)
            .where(Course.id == course_id)
            .options(selectinload(Course.co_instructors))
        )

    async def of_student(self, user_id: uuid.UUID, course_id: uuid.UUID) -> ReviewRow | None:
        rows = await self._rows(
            self._select().where(
                StudentReview.user_id == user_id, StudentReview.course_id == course_id
            )
        )
        return rows[0] if rows else None

    async def row(self, review_id: uuid.UUID) -> ReviewRow | None:
        rows = await self._rows(self._select().where(StudentReview.id == review_id))
        return rows[0] if rows else None

    async def upsert(
        self, user_id: uuid.UUID, course_id: uuid.UUID, *, rating: int, body: str
    ) -> None:
        """One review per student and course: a second write edits the first (also when two
        arrive at once)."""
        now = utcnow()
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        statement = insert(StudentReview).values(
            id=uuid.uuid4(),
            course_id=course_id,
            user_id=user_id,
            rating=rating,
            body=body,
            created_at=now,
            updated_at=now,
        )
        await self.session.execute(
            statement.on_conflict_do_update(
                index_elements=["course_id", "user_id"],
                set_={"rating": rating, "body": body, "updated_at": now},
            )
        )

    async def visible_page(
        self, course_id: uuid.UUID, after: Cursor | None, limit: int
    ) -> list[ReviewRow]:
        statement = self._select().where(
            StudentReview.course_id == course_id, StudentReview.hidden_at.is_(None)
        )
        return await self._rows(_newest_first(statement, after).limit(limit))

    async def moderation_page(
        self,
        *,
        hidden: bool | None,
        course_id: uuid.UUID | None,
        after: Cursor | None,
        limit: int,
        review_id: uuid.UUID | None = None,
    ) -> list[ReviewRow]:
        """Reviews with their course and moderator, hidden ones too (admins only)."""
        statement = (
            self._select()
            .add_columns(Course, _hider.display_name)
            .join(Course, Course.id == StudentReview.course_id)
            .outerjoin(_hider, _hider.id == StudentReview.hidden_by_id)
        )
        if hidden is not None:
            statement = statement.where(
                StudentReview.hidden_at.is_not(None)
                if hidden
                else StudentReview.hidden_at.is_(None)
            )
        if course_id is not None:
            statement = statement.where(StudentReview.course_id == course_id)
        if review_id is not None:
            statement = statement.where(StudentReview.id == review_id)
        result = await self.session.execute(_newest_first(statement, after).limit(limit))
        return [
            ReviewRow(review, author, replier, course, hider)
            for review, author, replier, course, hider in result.all()
        ]

    async def histogram(self, course_id: uuid.UUID) -> dict[int, int]:
        """How many visible reviews give each number of stars (one aggregate query)."""
        rows = await self.session.execute(
            select(StudentReview.rating, func.count())
            .where(StudentReview.course_id == course_id, StudentReview.hidden_at.is_(None))
            .group_by(StudentReview.rating)
        )
        return {int(rating): int(count) for rating, count in rows.all()}

    async def store_course_rating(
        self, course_id: uuid.UUID, average: float | None, count: int
    ) -> None:
        # Setting updated_at to itself keeps its onupdate from firing: a new review is not a
        # change to the course ("Updated <date>" on the landing, the sitemap).
        await self.session.execute(
            update(Course)
            .where(Course.id == course_id)
            .values(rating_average=average, rating_count=count, updated_at=Course.updated_at)
            .execution_options(synchronize_session=False)
        )

    async def update_keeping_date(self, review_id: uuid.UUID, **values: object) -> None:
        """A reply or a moderation is not an edit by the student: updated_at stays (setting it
        to itself keeps its onupdate from firing)."""
        await self.session.execute(
            update(StudentReview)
            .where(StudentReview.id == review_id)
            .values(**values, updated_at=StudentReview.updated_at)
            .execution_options(synchronize_session="fetch")
        )

    def _select(self) -> Select[Any]:
        return (
            select(StudentReview)
            .add_columns(User, _replier.display_name)
            .join(User, User.id == StudentReview.user_id)
            .outerjoin(_replier, _replier.id == StudentReview.reply_by_id)
        )

    async def _rows(self, statement: Select[Any]) -> list[ReviewRow]:
        result = await self.session.execute(statement)
        return [ReviewRow(review, author, replier) for review, author, replier in result.all()]
