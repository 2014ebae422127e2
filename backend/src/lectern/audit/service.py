"""The audit log: every moderation decision and admin act, who, what, when and why."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.audit.repository import AuditRepository
from lectern.audit.schemas import AuditEntry
from lectern.auth.permissions import require_role
from lectern.kit.pagination import Page, decode_cursor, encode_cursor
from lectern.models import AuditEvent, Role, User


class AuditService:
    async def record(
        self,
        session: AsyncSession,
        *,
        actor: User | None,
        action: str,
        subject_type: str,
        subject_id: uuid.UUID,
        subject_label: str,
        reason: str | None = None,
        data: dict[str, str] | None = None,
    ) -> AuditEvent:
        """Write one entry in the caller's transaction: the act and its record commit together."""
        event = AuditEvent(
            actor_id=actor.id if actor else None,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            subject_label=subject_label[:200],
            reason=reason,
            data=data or {},
        )
        await AuditRepository(session).add(event, flush=False)
        return event

    async def history_of(self, session: AsyncSession, subject_id: uuid.UUID) -> list[AuditEvent]:
        """Every entry about one thing, newest first (callers check who may read it)."""
        found = await AuditRepository(session).newest(
            subject_id=subject_id, action_prefix=None, after=None, limit=200
        )
        return list(found)

    async def list_entries(
        self,
        session: AsyncSession,
        actor: User,
        *,
        subject_id: uuid.UUID | None,
        action_prefix: str | None,
        cursor: str | None,
        limit: int,
    ) -> Page[AuditEntry]:
        require_role(actor, Role.admin)
        after = decode_cursor(cursor) if cursor else None
        events = await AuditRepository(session).newest(
            subject_id=subject_id, action_prefix=action_prefix, after=after, limit=limit + 1
        )
        more = len(events) > limit
        events = events[:limit]
        next_cursor = encode_cursor(events[-1].created_at, events[-1].id) if more else None
        return Page[AuditEntry](items=[AuditEntry.of(e) for e in events], next_cursor=next_cursor)


audit_service = AuditService()
