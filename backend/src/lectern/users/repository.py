from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload

from lectern.kit.db import RepositoryBase
from lectern.models import (
    ApplicationStatus,
    InstructorApplication,
    Role,
    User,
    UserRole,
)


class UserRepository(RepositoryBase[User]):
    model = User

    async def with_roles(self, user_id: uuid.UUID) -> User | None:
        return await self.one_or_none(
            select(User).where(User.id == user_id).options(selectinload(User.roles))
        )

    async def by_email_with_roles(self, email: str) -> User | None:
        return await self.one_or_none(
            select(User).where(User.email == email).options(selectinload(User.roles))
        )

    async def search(
        self,
        *,
        query: str | None,
        role: Role | None,
        after: tuple[datetime, uuid.UUID] | None,
        limit: int,
    ) -> Sequence[User]:
        """Newest first, keyset-paginated on (created_at, id)."""
        statement = select(User).options(selectinload(User.roles))
        if query:
            needle = f"%{query.lower()}%"
            statement = statement.where(
                or_(func.lower(User.email).like(needle), func.lower(User.display_name).like(needle))
            )
        if role is not None:
            statement = statement.where(
                User.id.in_(select(UserRole.user_id).where(UserRole.role == role))
            )
        if after is not None:
            created_at, id_ = after
            statement = statement.where(
                or_(
                    User.created_at < created_at, and_(User.created_at == created_at, User.id < id_)
                )
            )
        return await self.all(
            statement.order_by(User.created_at.desc(), User.id.desc()).limit(limit)
        )

    async def count_with_role(self, role: Role) -> int:
        found = await self.session.execute(
            select(func.count()).select_from(UserRole).where(UserRole.role == role)
        )
        return int(found.scalar_one())


class ApplicationRepository(RepositoryBase[InstructorApplication]):
    model = InstructorApplication

    async def latest_for(self, user_id: uuid.UUID) -> InstructorApplication | None:
        """Without its user: the caller has that already."""
        return await self.one_or_none(
            select(InstructorApplication)
            .where(InstructorApplication.user_id == user_id)
            .order_by(InstructorApplication.created_at.desc())
            .limit(1)
        )

    async def with_user(self, application_id: uuid.UUID) -> InstructorApplication | None:
        return await self.one_or_none(
            select(InstructorApplication)
            .where(InstructorApplication.id == application_id)
            .options(selectinload(InstructorApplication.user).selectinload(User.roles))
        )

    async def by_status(self, status: ApplicationStatus | None) -> Sequence[InstructorApplication]:
        statement = select(InstructorApplication).options(selectinload(InstructorApplication.user))
        if status is not None:
            statement = statement.where(InstructorApplication.status == status)
        return await self.all(statement.order_by(InstructorApplication.created_at).limit(500))

    async def pending_for(self, user_id: uuid.UUID) -> InstructorApplication | None:
        return await self.one_or_none(
            select(InstructorApplication).where(
                InstructorApplication.user_id == user_id,
                InstructorApplication.status == ApplicationStatus.pending,
            )
        )
