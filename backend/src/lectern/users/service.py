"""Profiles, avatars, roles and instructor applications."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.auth.permissions import require_role
from lectern.auth.service import auth_service
from lectern.config import Settings
from lectern.errors import Conflict, Invalid, NotFound
from lectern.kit.pagination import Page, decode_cursor, encode_cursor
from lectern.kit.queue import JobBuffer
from lectern.kit.storage import FileStore
from lectern.models import ApplicationStatus, InstructorApplication, Role, User, UserRole
from lectern.models.base import utcnow
from lectern.notifications.account_events import announce_account_changed
from lectern.notifications.service import queue_email
from lectern.users.avatars import make_avatar
from lectern.users.repository import ApplicationRepository, UserRepository
from lectern.users.schemas import AdminUser, Me, ProfileUpdate, avatar_url
from lectern.users.schemas import InstructorApplication as ApplicationOut


class UsersService:
    async def me(self, session: AsyncSession, user: User) -> Me:
        """Everything the signed-in person sees about their own account."""
        application = await ApplicationRepository(session).latest_for(user.id)
        return Me(
            id=user.id,
            email=user.email,
            display_name=user.display_name,
            bio=user.bio,
            timezone=user.timezone,
            language=user.language,
            avatar_url=avatar_url(user),
            roles=user.role_names,
            email_verified=user.email_verified_at is not None,
            pending_email=await auth_service.pending_email(session, user),
            created_at=user.created_at,
            instructor_application=ApplicationOut.of(application, user) if application else None,
        )

    async def instructor_by_email(self, session: AsyncSession, email: str) -> User | None:
        """The account with this address, if it holds the instructor role."""
        user = await UserRepository(session).by_email_with_roles(email.strip().lower())
        return user if user is not None and user.has_role(Role.instructor) else None

    async def update_profile(
        self, session: AsyncSession, jobs: JobBuffer, user: User, changes: ProfileUpdate
    ) -> None:
        for field, value in changes.model_dump(exclude_unset=True).items():
            if value is None:
                raise Invalid(
                    f"{field} can't be empty.",
                    details={"errors": [{"field": field, "message": "Can't be empty."}]},
                )
            setattr(user, field, value)
        await session.flush()
        announce_account_changed(jobs, user.id, "profile")

    async def set_avatar(
        self,
        session: AsyncSession,
        jobs: JobBuffer,
        store: FileStore,
        settings: Settings,
        user: User,
        data: bytes,
    ) -> None:
        key, webp = await make_avatar(
            user.id, data, max_bytes=settings.avatar_max_bytes, size=settings.avatar_size_px
        )
        await store.put(key, webp)
        self._drop_old_avatar(jobs, store, user.avatar_key, keep=key)
        user.avatar_key = key
        await session.flush()
        announce_account_changed(jobs, user.id, "avatar")

    async def remove_avatar(
        self, session: AsyncSession, jobs: JobBuffer, store: FileStore, user: User
    ) -> None:
        self._drop_old_avatar(jobs, store, user.avatar_key, keep=None)
        user.avatar_key = None
        await session.flush()
        announce_account_changed(jobs, user.id, "avatar")

    def _drop_old_avatar(
        self, jobs: JobBuffer, store: FileStore, old: str | None, *, keep: str | None
    ) -> None:
        if old and old != keep:

            async def delete() -> None:
                await store.delete(old)

            # Only once the new key is committed; a rollback keeps the old picture working.
            jobs.after_commit(delete)

    # --- instructor applications ------------------------------------------------------

    async def apply_for_instructor(
        self, session: AsyncSession, user: User, *, motivation: str
    ) -> ApplicationOut:
        if user.has_role(Role.instructor):
            raise Conflict("You already teach on Lectern.", code="already_instructor")
        applications = ApplicationRepository(session)
        if await applications.pending_for(user.id) is not None:
            raise Conflict(
                "Your application is already waiting for review.", code="application_pending"
            )
        application = InstructorApplication(user_id=user.id, motivation=motivation)
        await applications.add(application)
        return ApplicationOut.of(application, user)

    async def list_applications(
        self, session: AsyncSession, actor: User, *, status: ApplicationStatus | None
    ) -> list[ApplicationOut]:
        require_role(actor, Role.admin)
        found = await ApplicationRepository(session).by_status(status)
        return [ApplicationOut.of(a) for a in found]

    async def decide_application(
        self,
        session: AsyncSession,
        jobs: JobBuffer,
        settings: Settings,
        actor: User,
        *,
        application_id: uuid.UUID,
        approve: bool,
        reason: str | None,
    ) -> ApplicationOut:
        require_role(actor, Role.admin)
        application = await ApplicationRepository(session).with_user(application_id)
        if application is None:
            raise NotFound("No such application.")
        if application.status != ApplicationStatus.pending:
            raise Conflict(
                f"This application was already {application.status.value}.", code="already_decided"
            )
        application.status = ApplicationStatus.approved if approve else ApplicationStatus.rejected
        application.reason = reason
        application.decided_at = utcnow()
        application.decided_by_id = actor.id
        applicant = application.user
        if approve and not applicant.has_role(Role.instructor):
            applicant.roles.append(UserRole(role=Role.instructor, granted_by_id=actor.id))
        await session.flush()
        announce_account_changed(jobs, applicant.id, "instructor_application")
        studio = f"{settings.public_url.rstrip('/')}/account"
        queue_email(
            jobs,
            to=applicant.email,
            subject="You can now teach on Lectern"
            if approve
            else "About your application to teach on Lectern",
            link=studio,
            text=(
                f"Hello {applicant.display_name},\n\n"
                + (
                    "Your application was approved: you can now create courses.\n"
                    if approve
                    else f"Your application was not approved this time.\n\nReason: {reason}\n"
                )
                + f"\n{studio}\n"
            ),
        )
        return ApplicationOut.of(application)

    # --- administration of accounts ---------------------------------------------------

    async def list_users(
        self,
        session: AsyncSession,
        actor: User,
        *,
        query: str | None,
        role: Role | None,
        cursor: str | None,
        limit: int,
    ) -> Page[AdminUser]:
        require_role(actor, Role.admin)
        after = decode_cursor(cursor) if cursor else None
        users = await UserRepository(session).search(
            query=query.strip() if query else None, role=role, after=after, limit=limit + 1
        )
        more = len(users) > limit
        users = users[:limit]
        next_cursor = encode_cursor(users[-1].created_at, users[-1].id) if more else None
        return Page[AdminUser](items=[AdminUser.of(u) for u in users], next_cursor=next_cursor)

    async def grant_role(
        self, session: AsyncSession, jobs: JobBuffer, actor: User, *, user_id: uuid.UUID, role: Role
    ) -> AdminUser:
        require_role(actor, Role.admin)
        user = await self._user(session, user_id)
        if not user.has_role(role):
            user.roles.append(UserRole(role=role, granted_by_id=actor.id))
            await session.flush()
            announce_account_changed(jobs, user.id, "roles")
        return AdminUser.of(user)

    async def revoke_role(
        self, session: AsyncSession, jobs: JobBuffer, actor: User, *, user_id: uuid.UUID, role: Role
    ) -> AdminUser:
        require_role(actor, Role.admin)
        if role == Role.student:
            raise Invalid(
                "Everyone is a student; that role can't be taken away.", code="role_fixed"
            )
        users = UserRepository(session)
        user = await self._user(session, user_id)
        if (
            role == Role.admin
            and user.has_role(Role.admin)
            and await users.count_with_role(Role.admin) <= 1
        ):
            raise Conflict("Lectern needs at least one admin.", code="last_admin")
        if user.has_role(role):
            user.roles = [r for r in user.roles if r.role != role]
            await session.flush()
            announce_account_changed(jobs, user.id, "roles")
        return AdminUser.of(user)

    async def _user(self, session: AsyncSession, user_id: uuid.UUID) -> User:
        user = await UserRepository(session).with_roles(user_id)
        if user is None:
            raise NotFound("No such user.")
        return user


users_service = UsersService()
