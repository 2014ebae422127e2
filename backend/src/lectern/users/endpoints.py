from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile, status
from fastapi.responses import StreamingResponse

from lectern.auth.dependencies import CurrentPrincipal, CurrentUser
from lectern.kit.dependencies import DbSession, Events, Jobs, SettingsDep, Store
from lectern.kit.images import stored_webp
from lectern.kit.pagination import Page
from lectern.models import ApplicationStatus, Role
from lectern.notifications.account_events import account_event_stream
from lectern.users.schemas import (
    AdminUser,
    ApplicationCreate,
    ApplicationRejection,
    InstructorApplication,
    Me,
    ProfileUpdate,
)
from lectern.users.service import users_service

router = APIRouter(tags=["users"])
admin_router = APIRouter(prefix="/admin", tags=["admin"])


@router.get("/me", operation_id="users:me", response_model=Me)
async def read_me(session: DbSession, user: CurrentUser) -> Me:
    return await users_service.me(session, user)


@router.patch("/me", operation_id="users:update_me", response_model=Me)
async def update_me(body: ProfileUpdate, session: DbSession, jobs: Jobs, user: CurrentUser) -> Me:
    await users_service.update_profile(session, jobs, user, body)
    return await users_service.me(session, user)


@router.get(
    "/me/events",
    operation_id="users:events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def account_events(principal: CurrentPrincipal, events: Events) -> StreamingResponse:
    """Server-sent events: `account_changed` (refetch /api/me) and `sessions_ended` (the
    listed sessions were signed out; the stream ends when its own session is among them)."""
    session_id = principal.credential_id if principal.via == "session" else None
    return StreamingResponse(
        account_event_stream(events, principal.user.id, session_id),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no"},
    )


@router.put("/me/avatar", operation_id="users:set_avatar", response_model=Me)
async def set_avatar(
    file: Annotated[UploadFile, File(description="JPEG, PNG, WebP or GIF")],
    session: DbSession,
    jobs: Jobs,
    store: Store,
    settings: SettingsDep,
    user: CurrentUser,
) -> Me:
    data = await file.read(settings.avatar_max_bytes + 1)
    await users_service.set_avatar(session, jobs, store, settings, user, data)
    return await users_service.me(session, user)


@router.delete("/me/avatar", operation_id="users:remove_avatar", response_model=Me)
async def remove_avatar(session: DbSession, jobs: Jobs, store: Store, user: CurrentUser) -> Me:
    await users_service.remove_avatar(session, jobs, store, user)
    return await users_service.me(session, user)


@router.get(
    "/avatars/{user_id}/{name}",
    operation_id="users:avatar",
    response_class=Response,
    responses={200: {"content": {"image/webp": {}}}},
)
async def read_avatar(user_id: uuid.UUID, name: str, store: Store) -> Response:
    return await stored_webp(store, "avatars", user_id, name)


@router.post(
    "/me/instructor-application",
    operation_id="users:apply_instructor",
    status_code=status.HTTP_201_CREATED,
    response_model=InstructorApplication,
)
async def apply_instructor(
    body: ApplicationCreate, session: DbSession, user: CurrentUser
) -> InstructorApplication:
    return await users_service.apply_for_instructor(session, user, motivation=body.motivation)


@admin_router.get("/users", operation_id="admin:list_users", response_model=Page[AdminUser])
async def list_users(
    session: DbSession,
    user: CurrentUser,
    q: Annotated[str | None, Query(max_length=200, description="Part of a name or email")] = None,
    role: Role | None = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
) -> Page[AdminUser]:
    return await users_service.list_users(
        session, user, query=q, role=role, cursor=cursor, limit=limit
    )


@admin_router.put(
    "/users/{user_id}/roles/{role}", operation_id="admin:grant_role", response_model=AdminUser
)
async def grant_role(
    user_id: uuid.UUID, role: Role, session: DbSession, jobs: Jobs, user: CurrentUser
) -> AdminUser:
    return await users_service.grant_role(session, jobs, user, user_id=user_id, role=role)


@admin_router.delete(
    "/users/{user_id}/roles/{role}", operation_id="admin:revoke_role", response_model=AdminUser
)
async def revoke_role(
    user_id: uuid.UUID, role: Role, session: DbSession, jobs: Jobs, user: CurrentUser
) -> AdminUser:
    return await users_service.revoke_role(session, jobs, user, user_id=user_id, role=role)


@admin_router.get(
    "/instructor-applications",
    operation_id="admin:list_applications",
    response_model=list[InstructorApplication],
)
async def list_applications(
    session: DbSession, user: CurrentUser, status: ApplicationStatus | None = None
) -> list[InstructorApplication]:
    return await users_service.list_applications(session, user, status=status)


@admin_router.post(
    "/instructor-applications/{application_id}/approve",
    operation_id="admin:approve_application",
    response_model=InstructorApplication,
)
async def approve_application(
    application_id: uuid.UUID,
    session: DbSession,
    jobs: Jobs,
    settings: SettingsDep,
    user: CurrentUser,
) -> InstructorApplication:
    return await users_service.decide_application(
        session, jobs, settings, user, application_id=application_id, approve=True, reason=None
    )


@admin_router.post(
    "/instructor-applications/{application_id}/reject",
    operation_id="admin:reject_application",
    response_model=InstructorApplication,
)
async def reject_application(
    application_id: uuid.UUID,
    body: ApplicationRejection,
    session: DbSession,
    jobs: Jobs,
    settings: SettingsDep,
    user: CurrentUser,
) -> InstructorApplication:
    return await users_service.decide_application(
        session,
        jobs,
        settings,
        user,
        application_id=application_id,
        approve=False,
        reason=body.reason,
    )
