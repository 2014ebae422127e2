from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from lectern.audit.schemas import AuditEntry
from lectern.audit.service import audit_service
from lectern.auth.dependencies import CurrentUser
from lectern.kit.dependencies import DbSession
from lectern.kit.pagination import Page

router = APIRouter(prefix="/admin", tags=["admin"])


@router.get("/audit", operation_id="admin:audit_log", response_model=Page[AuditEntry])
async def audit_log(
    session: DbSession,
    user: CurrentUser,
    subject_id: uuid.UUID | None = None,
    action: Annotated[
        str | None, Query(max_length=60, description="Action or its prefix, e.g. `course.`")
    ] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> Page[AuditEntry]:
    return await audit_service.list_entries(
        session, user, subject_id=subject_id, action_prefix=action, cursor=cursor, limit=limit
    )
