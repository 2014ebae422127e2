"""Every SQL statement of the certificates domain."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import selectinload

from lectern.kit.db import RepositoryBase
from lectern.models import Certificate, Course, CourseInstructor, User


class CertificateRepository(RepositoryBase[Certificate]):
    model = Certificate

    async def of_student(self, user_id: uuid.UUID, course_id: uuid.UUID) -> Certificate | None:
        return await self.one_or_none(
            select(Certificate).where(
                Certificate.user_id == user_id, Certificate.course_id == course_id
            )
        )

    async def code_of(self, user_id: uuid.UUID, course_id: uuid.UUID) -> str | None:
        return await self.session.scalar(
            select(Certificate.code).where(
                Certificate.user_id == user_id, Certificate.course_id == course_id
            )
        )

    async def with_course(
        self, *, code: str | None = None, id: uuid.UUID | None = None
    ) -> tuple[Certificate, Course] | None:
        statement = select(Certificate, Course).join(Course, Course.id == Certificate.course_id)
        if code is not None:
            statement = statement.where(Certificate.code == code)
        if id is not None:
            statement = statement.where(Certificate.id == id)
        row = (await self.session.execute(statement)).first()
        return (row[0], row[1]) if row else None

    async def of_student_with_courses(
        self, user_id: uuid.UUID
    ) -> Sequence[tuple[Certificate, Course]]:
        rows = await self.session.execute(
            select(Certificate, Course)
            .join(Course, Course.id == Certificate.course_id)
            .where(Certificate.user_id == user_id)
            .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
        )
        return [(certificate, course) for certificate, course in rows.all()]

    async def insert_unless_taken(self, values: dict[str, Any]) -> None:
        """Insert, or do nothing when the student already has this course's certificate (a
        concurrent completion) or, once in 2^60, the code is taken: the caller looks again."""
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        await self.session.execute(insert(Certificate).values(values).on_conflict_do_nothing())

    async def course_with_team(self, course_id: uuid.UUID) -> Course | None:
        return await self.session.scalar(
            select(Course)
            .where(Course.id == course_id)
            .options(
                selectinload(Course.owner),
                selectinload(Course.co_instructors).selectinload(CourseInstructor.user),
            )
        )

    async def student(self, user_id: uuid.UUID) -> User | None:
        return await self.session.get(User, user_id)
