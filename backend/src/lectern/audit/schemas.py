from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel

from lectern.models import AuditEvent


class AuditActor(BaseModel):
    id: uuid.UUID
    display_name: str


class AuditEntry(BaseModel):
    id: uuid.UUID
    action: str
    subject_type: str
    subject_id: uuid.UUID
    subject_label: str
    reason: str | None
    data: dict[str, str]
    actor: AuditActor | None
    created_at: datetime

    @classmethod
    def of(cls, event: AuditEvent) -> AuditEntry:
        actor = event.actor
        return cls(
            id=event.id,
            action=event.action,
            subject_type=event.subject_type,
            subject_id=event.subject_id,
            subject_label=event.subject_label,
            reason=event.reason,
            data=event.data,
            actor=AuditActor(id=actor.id, display_name=actor.display_name) if actor else None,
            created_at=event.created_at,
        )
