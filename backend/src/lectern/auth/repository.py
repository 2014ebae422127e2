from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.orm import joinedload
from sqlalchemy.sql import Select

from lectern.kit.db import RepositoryBase
from lectern.models import ActionToken, ApiToken, TokenPurpose, User, UserSession


class AccountRepository(RepositoryBase[User]):
    model = User

    async def by_email(self, email: str) -> User | None:
        return await self._with_roles(select(User).where(User.email == email))

    async def by_id(self, user_id: uuid.UUID) -> User | None:
        """The account and its roles in one query (this runs on every authenticated call)."""
        return await self._with_roles(select(User).where(User.id == user_id))

    async def _with_roles(self, statement: Select[User]) -> User | None:
        found = await self.session.execute(statement.options(joinedload(User.roles)))
        return found.unique().scalars().first()

    async def email_taken(self, email: str) -> bool:
        found = await self.session.execute(select(User.id).where(User.email == email))
        return found.first() is not None


class SessionRepository(RepositoryBase[UserSession]):
    model = UserSession

    async def by_token_hash(self, token_hash: str) -> UserSession | None:
        return await self.one_or_none(
            select(UserSession).where(UserSession.token_hash == token_hash)
        )

    async def for_user(self, user_id: uuid.UUID) -> Sequence[UserSession]:
        return await self.all(
            select(UserSession)
            .where(UserSession.user_id == user_id)
            .order_by(UserSession.last_seen_at.desc())
        )

    async def end_all(
        self, user_id: uuid.UUID, *, keep: uuid.UUID | None = None
    ) -> list[tuple[uuid.UUID, str]]:
        """Delete the user's sessions (but ``keep``); return their ids and token hashes."""
        condition = UserSession.user_id == user_id
        if keep is not None:
            condition = condition & (UserSession.id != keep)
        found = await self.session.execute(
            select(UserSession.id, UserSession.token_hash).where(condition)
        )
        ended = [(row.id, row.token_hash) for row in found]
        await self.session.execute(delete(UserSession).where(condition))
        return ended

    async def touch(self, session_id: uuid.UUID, at: datetime) -> bool:
        """Write the session's last-seen time; False if the session is gone."""
        result = await self.session.execute(
            update(UserSession).where(UserSession.id == session_id).values(last_seen_at=at)
        )
        return bool(getattr(result, "rowcount", 0))

    async def touch_many(self, touches: dict[uuid.UUID, datetime]) -> set[uuid.UUID]:
        """Write many sessions' last-seen times (no time goes back); the ids of those found
        (the rest are gone: ended since)."""
        found: set[uuid.UUID] = set()
        ids = sorted(touches)
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            rows = await self.session.scalars(
                select(UserSession.id).where(UserSession.id.in_(chunk))
            )
            found.update(rows)
        if not found:
            return found
        table = cast(Table, UserSession.__table__)
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.last_seen_at < bindparam("b_at"))
            .values(last_seen_at=bindparam("b_at"))
        )
        # In id order: two writers never wait on each other's rows in opposite orders.
        await self.session.execute(
            statement, [{"b_id": id_, "b_at": touches[id_]} for id_ in ids if id_ in found]
        )
        return found


class ApiTokenRepository(RepositoryBase[ApiToken]):
    model = ApiToken

    async def by_token_hash(self, token_hash: str) -> ApiToken | None:
        return await self.one_or_none(select(ApiToken).where(ApiToken.token_hash == token_hash))

    async def for_user(self, user_id: uuid.UUID) -> Sequence[ApiToken]:
        return await self.all(
            select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.created_at.desc())
        )

    async def touch(self, token_id: uuid.UUID, at: datetime) -> None:
        await self.session.execute(
            update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=at)
        )


class ActionTokenRepository(RepositoryBase[ActionToken]):
    model = ActionToken

    async def by_token_hash(self, token_hash: str) -> ActionToken | None:
        return await self.one_or_none(
            select(ActionToken).where(ActionToken.token_hash == token_hash)
        )

    async def retire_open(self, user_id: uuid.UUID, purpose: TokenPurpose, now: datetime) -> None:
        """A new link replaces the older ones of the same kind."""
        await self.session.execute(
            update(ActionToken)
            .where(
                ActionToken.user_id == user_id,
                ActionToken.purpose == purpose,
                ActionToken.used_at.is_(None),
            )
            .values(expires_at=now)
        )

    async def pending_email_change(self, user_id: uuid.UUID, now: datetime) -> str | None:
        found = await self.session.execute(
            select(ActionToken.email)
            .where(
                ActionToken.user_id == user_id,
                ActionToken.purpose == TokenPurpose.change_email,
                ActionToken.used_at.is_(None),
                ActionToken.expires_at > now,
            )
            .order_by(ActionToken.created_at.desc())
            .limit(1)
        )
        return found.scalar_one_or_none()
