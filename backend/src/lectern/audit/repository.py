from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from lectern.kit.db import RepositoryBase
from lectern.models import AuditEvent


class AuditRepository(RepositoryBase[AuditEvent]):
    model = AuditEvent

    async def newest(
        self,
        *,
        subject_id: uuid.UUID | None,
        action_prefix: str | None,
        after: tuple[datetime, uuid.UUID] | None,
        limit: int,
    ) -> Sequence[AuditEvent]:
        statement = select(AuditEvent).options(selectinload(AuditEvent.actor))
        if subject_id is not None:
            statement = statement.where(AuditEvent.subject_id == subject_id)
        if action_prefix:
            statement = statement.where(
                AuditEvent.action.startswith(action_prefix, autoescape=True)
            )
        if after is not None:
            created_at, id_ = after
            statement = statement.where(
                or_(
                    AuditEvent.created_at < created_at,
                    and_(AuditEvent.created_at == created_at, AuditEvent.id < id_),
                )
            )
        return await self.all(
            statement.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(limit)
        )
