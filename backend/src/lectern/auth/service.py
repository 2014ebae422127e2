"""Accounts: registration, email verification, sessions, passwords, API tokens."""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from urllib.parse import quote

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.auth import mails
from lectern.auth.passwords import check_password_strength
from lectern.auth.repository import (
    AccountRepository,
    ActionTokenRepository,
    ApiTokenRepository,
    SessionRepository,
)
from lectern.config import Settings
from lectern.errors import BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated
from lectern.kit.cache import Cache
from lectern.kit.queue import JobBuffer
from lectern.kit.rate_limit import RateLimiter
from lectern.kit.security import (
    hash_password,
    new_token,
    password_needs_rehash,
    token_hash,
    verify_password,
)
from lectern.models import ActionToken, ApiToken, Role, TokenPurpose, User, UserRole, UserSession
from lectern.models.base import utcnow
from lectern.notifications.account_events import (
    announce_account_changed,
    announce_sessions_ended,
)

API_TOKEN_PREFIX = "lct_"  # noqa: S105 - a public prefix, not a secret
MAX_API_TOKENS = 50


def normalize_email(email: str) -> str:
    return email.strip().lower()


@dataclass(frozen=True)
class Principal:
    """Who is calling, and through what."""

    user: User
    via: Literal["session", "token"]
    credential_id: uuid.UUID


class Viewer:
    """The signed-in caller known by id, for hot paths that seldom need more (heartbeats):
    a cached session costs no database read, and the account with its roles is read only
    when ``user()`` is awaited (once)."""

    def __init__(
        self,
        user_id: uuid.UUID,
        load: Callable[[], Awaitable[User | None]],
        user: User | None = None,
    ) -> None:
        self.id = user_id
        self._load = load
        self._user = user

    async def user(self) -> User:
        if self._user is None:
            self._user = await self._load()
            if self._user is None:  # the account was deleted since the session was cached
                raise Unauthenticated("Sign in to continue.")
        return self._user


@dataclass(frozen=True)
class AuthContext:
    """What the account rules need around them, gathered once per request."""

    session: AsyncSession
    settings: Settings
    cache: Cache
    jobs: JobBuffer

    @property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self.session)

    @property
    def sessions(self) -> SessionRepository:
        return SessionRepository(self.session)

    @property
    def action_tokens(self) -> ActionTokenRepository:
        return ActionTokenRepository(self.session)

    @property
    def api_tokens(self) -> ApiTokenRepository:
        return ApiTokenRepository(self.session)

    def link(self, path: str, token: str) -> str:
        return f"{self.settings.public_url.rstrip('/')}{path}?token={quote(token)}"


def session_cache_key(hash_: str) -> str:
    """The cache key of a session, by its token's hash. Ending a session deletes it."""
    return f"session:{hash_}"


@dataclass(frozen=True, slots=True)
class CachedSession:
    """A session as the cache keeps it between reads of ``user_sessions``."""

    session_id: uuid.UUID
    user_id: uuid.UUID
    expires_at: datetime
    last_seen: datetime

    def dump(self) -> bytes:
        entry = {"sid": str(self.session_id), "uid": str(self.user_id)}
        entry["exp"] = self.expires_at.isoformat()
        entry["seen"] = self.last_seen.isoformat()
        return json.dumps(entry).encode()

    @classmethod
    def load(cls, raw: bytes) -> CachedSession:
        entry = json.loads(raw)
        return cls(
            uuid.UUID(entry["sid"]),
            uuid.UUID(entry["uid"]),
            datetime.fromisoformat(entry["exp"]),
            datetime.fromisoformat(entry["seen"]),
        )

    def state(self, now: datetime, settings: Settings) -> Literal["live", "ended", "touch"]:
        """Live as it is; over (absolute or idle timeout); or live with last-seen due a write."""
        if self.expires_at <= now or self.last_seen + settings.session_idle_timeout <= now:
            return "ended"
        if now - self.last_seen >= settings.session_touch_interval:
            return "touch"
        return "live"


class AuthService:
    # --- registration and verification -------------------------------------------------

    async def register(
        self,
        ctx: AuthContext,
        limiter: RateLimiter,
        *,
        email: str,
        password: str,
        display_name: str,
        ip: str,
    ) -> None:
        """Create an unverified account and mail its link. Answers the same for a taken email."""
        await limiter.check("register-ip", ip, ctx.settings.rate_limit_register_ip)
        email = normalize_email(email)
        await check_password_strength(password, user_inputs=[email, display_name, "lectern"])
        existing = await ctx.accounts.by_email(email)
        if existing is not None:
            await limiter.check("mail-account", email, ctx.settings.rate_limit_mail_account)
            if existing.email_verified_at is None:
                await self._send_verification(ctx, existing)
            else:
                mails.send_already_registered(
                    ctx.jobs,
                    to=email,
                    sign_in=f"{ctx.settings.public_url.rstrip('/')}/sign-in",
                    reset=f"{ctx.settings.public_url.rstrip('/')}/forgot-password",
                )
            return
        user = User(
            email=email,
            password_hash=await hash_password(password),
            display_name=display_name,
            roles=[UserRole(role=Role.student)],
        )
        await ctx.accounts.add(user)
        await self._send_verification(ctx, user)

    async def resend_verification(
        self, ctx: AuthContext, limiter: RateLimiter, *, email: str, ip: str
    ) -> None:
        await limiter.check("mail-ip", ip, ctx.settings.rate_limit_mail_ip)
        email = normalize_email(email)
        await limiter.check("mail-account", email, ctx.settings.rate_limit_mail_account)
        user = await ctx.accounts.by_email(email)
        if user is not None and user.email_verified_at is None:
            await self._send_verification(ctx, user)

    async def _send_verification(self, ctx: AuthContext, user: User) -> None:
        token = await self._issue_action_token(
            ctx, user, TokenPurpose.verify_email, user.email, ctx.settings.email_verification_ttl
        )
        mails.send_verification(
            ctx.jobs,
            to=user.email,
            name=user.display_name,
            link=ctx.link("/verify-email", token),
            hours=int(ctx.settings.email_verification_ttl.total_seconds() // 3600),
        )

    async def _issue_action_token(
        self, ctx: AuthContext, user: User, purpose: TokenPurpose, email: str, ttl: timedelta
    ) -> str:
        now = utcnow()
        await ctx.action_tokens.retire_open(user.id, purpose, now)
        token = new_token()
        await ctx.action_tokens.add(
            ActionToken(
                user_id=user.id,
                purpose=purpose,
                token_hash=token_hash(token),
                email=email,
                expires_at=now + ttl,
            )
        )
        return token

    async def _redeem(
        self, ctx: AuthContext, token: str, purposes: set[TokenPurpose]
    ) -> tuple[ActionToken, User]:
        found = await ctx.action_tokens.by_token_hash(token_hash(token))
        if found is None or found.purpose not in purposes:
            raise BadRequest("This link is not valid. Ask for a new one.", code="token_invalid")
        if found.used_at is not None:
            raise BadRequest("This link was already used. Ask for a new one.", code="token_used")
        now = utcnow()
        if found.expires_at <= now:
            raise BadRequest("This link has expired. Ask for a new one.", code="token_expired")
        user = await ctx.accounts.by_id(found.user_id)
        if user is None:
            raise BadRequest("This link is not valid. Ask for a new one.", code="token_invalid")
        found.used_at = now
        return found, user

    async def verify_email(self, ctx: AuthContext, *, token: str) -> User:
        """Confirm a new account's address, or switch to a new address after a change."""
        action, user = await self._redeem(
            ctx, token, {TokenPurpose.verify_email, TokenPurpose.change_email}
        )
        now = utcnow()
        if action.purpose == TokenPurpose.change_email:
            if await ctx.accounts.email_taken(action.email):
                raise Conflict("Another account uses this address now.", code="email_taken")
            old_email = user.email
            user.email = action.email
            user.email_verified_at = now
            mails.send_email_changed_notice(ctx.jobs, to=old_email, new_email=action.email)
            announce_account_changed(ctx.jobs, user.id, "email")
        elif action.email != user.email:
            raise BadRequest("This link is not valid. Ask for a new one.", code="token_invalid")
        else:
            user.email_verified_at = user.email_verified_at or now
        await ctx.session.flush()
        return user

    # --- sign-in and sessions ----------------------------------------------------------

    async def sign_in(
        self,
        ctx: AuthContext,
        limiter: RateLimiter,
        *,
        email: str,
        password: str,
        ip: str,
        user_agent: str | None,
        replacing_token: str | None,
    ) -> tuple[User, str]:
        """Check the password and open a new session; returns the user and the session token."""
        email = normalize_email(email)
        await limiter.check("sign-in-ip", ip, ctx.settings.rate_limit_sign_in_ip)
        await limiter.check("sign-in-account", email, ctx.settings.rate_limit_sign_in_account)
        user = await ctx.accounts.by_email(email)
        if not await verify_password(user.password_hash if user else None, password) or not user:
            raise Unauthenticated("Wrong email or password.", code="invalid_credentials")
        if user.email_verified_at is None:
            raise Forbidden(
                "Confirm your email first: we sent you a link. You can ask for a new one.",
                code="email_not_verified",
            )
        assert user.password_hash is not None
        if password_needs_rehash(user.password_hash):
            user.password_hash = await hash_password(password)
        if replacing_token:
            # Rotation: whatever session this browser had before is ended, never reused.
            await self._end_session_by_token(ctx, replacing_token)
        now = utcnow()
        user.last_sign_in_at = now
        token = new_token()
        await ctx.sessions.add(
            UserSession(
                user_id=user.id,
                token_hash=token_hash(token),
                created_at=now,
                last_seen_at=now,
                expires_at=now + ctx.settings.session_absolute_timeout,
                ip=ip[:45],
                user_agent=(user_agent or "")[:300] or None,
            )
        )
        return user, token

    async def _end_session_by_token(self, ctx: AuthContext, token: str) -> None:
        hash_ = token_hash(token)
        found = await ctx.sessions.by_token_hash(hash_)
        if found is None:
            await self._forget_cached(ctx, [hash_])
            return
        await ctx.sessions.delete(found)
        await self._sessions_ended(ctx, found.user_id, [(found.id, hash_)])

    async def _sessions_ended(
        self, ctx: AuthContext, user_id: uuid.UUID, ended: list[tuple[uuid.UUID, str]]
    ) -> None:
        """Forget the ended sessions' cache entries and tell their open pages."""
        await self._forget_cached(ctx, [hash_ for _, hash_ in ended])
        announce_sessions_ended(ctx.jobs, user_id, [id_ for id_, _ in ended])

    async def _forget_cached(self, ctx: AuthContext, hashes: list[str]) -> None:
        keys = [session_cache_key(h) for h in hashes]

        async def drop() -> None:
            await ctx.cache.delete(*keys)

        # Drop now and again after the commit, so no request can re-cache a deleted row.
        await drop()
        ctx.jobs.after_commit(drop)

    async def sign_out(self, ctx: AuthContext, *, token: str) -> None:
        await self._end_session_by_token(ctx, token)

    async def end_all_sessions(
        self, ctx: AuthContext, user: User, *, keep: uuid.UUID | None = None
    ) -> None:
        await self._sessions_ended(ctx, user.id, await ctx.sessions.end_all(user.id, keep=keep))

    async def list_sessions(self, ctx: AuthContext, user: User) -> list[UserSession]:
        now = utcnow()
        return [s for s in await ctx.sessions.for_user(user.id) if self._alive(ctx, s, now)]

    async def end_session(self, ctx: AuthContext, user: User, *, session_id: uuid.UUID) -> None:
        found = await ctx.sessions.get(session_id)
        if found is None or found.user_id != user.id:
            raise NotFound("No such session.")
        await ctx.sessions.delete(found)
        await self._sessions_ended(ctx, user.id, [(found.id, found.token_hash)])

    def _alive(self, ctx: AuthContext, s: UserSession, now: datetime) -> bool:
        return s.expires_at > now and s.last_seen_at + ctx.settings.session_idle_timeout > now

    async def authenticate_session(self, ctx: AuthContext, token: str) -> Principal | None:
        """The user behind a session cookie, or None if it is unknown, ended or timed out."""
        found = await self.session_owner(ctx, token)
        if found is None:
            return None
        session_id, user_id = found
        user = await ctx.accounts.by_id(user_id)
        if user is None:
            return None
        return Principal(user=user, via="session", credential_id=session_id)

    async def session_owner(
        self, ctx: AuthContext, token: str
    ) -> tuple[uuid.UUID, uuid.UUID] | None:
        """The (session id, user id) of a live session cookie, or None. A session asked about
        lately comes from the cache: no database read, unless last-seen is due a write."""
        hash_ = token_hash(token)
        key = session_cache_key(hash_)
        now = utcnow()
        raw = await ctx.cache.get(key)
        found = CachedSession.load(raw) if raw is not None else None
        if found is None:
            row = await ctx.sessions.by_token_hash(hash_)
            if row is None:
                return None
            found = CachedSession(row.id, row.user_id, row.expires_at, row.last_seen_at)
        state = found.state(now, ctx.settings)
        if state == "ended":
            await self._end_session_by_token(ctx, token)
            return None
        if state == "touch":
            if not await ctx.sessions.touch(found.session_id, now):  # ended meanwhile
                await self._forget_cached(ctx, [hash_])
                return None
            found = CachedSession(found.session_id, found.user_id, found.expires_at, now)
            raw = None
        if raw is None:
            ttl = int(ctx.settings.session_cache_ttl.total_seconds())
            await ctx.cache.set(key, found.dump(), ttl)
        return found.session_id, found.user_id

    # --- passwords and email ------------------------------------------------------------

    async def forgot_password(
        self, ctx: AuthContext, limiter: RateLimiter, *, email: str, ip: str
    ) -> None:
        await limiter.check("mail-ip", ip, ctx.settings.rate_limit_mail_ip)
        email = normalize_email(email)
        await limiter.check("mail-account", email, ctx.settings.rate_limit_mail_account)
        user = await ctx.accounts.by_email(email)
        if user is None:
            return
        ttl = ctx.settings.password_reset_ttl
        token = await self._issue_action_token(ctx, user, TokenPurpose.reset_password, email, ttl)
        mails.send_password_reset(
            ctx.jobs,
            to=email,
            name=user.display_name,
            link=ctx.link("/reset-password", token),
            minutes=int(ttl.total_seconds() // 60),
        )

    async def reset_password(self, ctx: AuthContext, *, token: str, password: str) -> None:
        """Set a new password from a mailed link; every session of the account ends."""
        action, user = await self._redeem(ctx, token, {TokenPurpose.reset_password})
        if action.email != user.email:
            raise BadRequest("This link is not valid. Ask for a new one.", code="token_invalid")
        await check_password_strength(password, user_inputs=[user.email, user.display_name])
        user.password_hash = await hash_password(password)
        # Following the link proved the mailbox is theirs.
        user.email_verified_at = user.email_verified_at or utcnow()
        await self.end_all_sessions(ctx, user)
        mails.send_password_changed_notice(ctx.jobs, to=user.email)

    async def change_password(
        self,
        ctx: AuthContext,
        principal: Principal,
        *,
        current_password: str,
        new_password: str,
    ) -> None:
        user = principal.user
        await self._require_password(user, current_password, "current_password")
        await check_password_strength(new_password, user_inputs=[user.email, user.display_name])
        user.password_hash = await hash_password(new_password)
        keep = principal.credential_id if principal.via == "session" else None
        await self.end_all_sessions(ctx, user, keep=keep)
        mails.send_password_changed_notice(ctx.jobs, to=user.email)

    async def change_email(
        self, ctx: AuthContext, user: User, *, password: str, new_email: str
    ) -> None:
        await self._require_password(user, password, "password")
        new_email = normalize_email(new_email)
        if new_email == user.email:
            raise Invalid(
                "That is already your address.",
                code="invalid_request",
                details={"errors": [{"field": "new_email", "message": "Same as now."}]},
            )
        if await ctx.accounts.email_taken(new_email):
            raise Conflict("Another account uses this address.", code="email_taken")
        ttl = ctx.settings.email_verification_ttl
        token = await self._issue_action_token(ctx, user, TokenPurpose.change_email, new_email, ttl)
        mails.send_email_change(
            ctx.jobs,
            to=new_email,
            name=user.display_name,
            link=ctx.link("/verify-email", token),
            hours=int(ttl.total_seconds() // 3600),
        )

    async def pending_email(self, session: AsyncSession, user: User) -> str | None:
        """The new address a change is waiting to be confirmed for, if any."""
        return await ActionTokenRepository(session).pending_email_change(user.id, utcnow())

    async def _require_password(self, user: User, password: str, field: str) -> None:
        if not await verify_password(user.password_hash, password):
            raise Invalid(
                "Your password is not right.",
                code="wrong_password",
                details={"errors": [{"field": field, "message": "Wrong password."}]},
            )

    # --- API tokens -------------------------------------------------------------------

    async def list_api_tokens(self, ctx: AuthContext, user: User) -> list[ApiToken]:
        return list(await ctx.api_tokens.for_user(user.id))

    async def create_api_token(
        self, ctx: AuthContext, user: User, *, name: str, expires_in_days: int | None
    ) -> tuple[ApiToken, str]:
        if len(await ctx.api_tokens.for_user(user.id)) >= MAX_API_TOKENS:
            raise Conflict(
                f"You have {MAX_API_TOKENS} tokens already. Revoke one first.",
                code="too_many_tokens",
            )
        secret = new_token(API_TOKEN_PREFIX)
        now = utcnow()
        token = ApiToken(
            user_id=user.id,
            name=name,
            token_hash=token_hash(secret),
            prefix=secret[: len(API_TOKEN_PREFIX) + 4],
            created_at=now,
            expires_at=now + timedelta(days=expires_in_days) if expires_in_days else None,
        )
        await ctx.api_tokens.add(token)
        return token, secret

    async def revoke_api_token(self, ctx: AuthContext, user: User, *, token_id: uuid.UUID) -> None:
        found = await ctx.api_tokens.get(token_id)
        if found is None or found.user_id != user.id:
            raise NotFound("No such token.")
        await ctx.api_tokens.delete(found)

    async def authenticate_api_token(self, ctx: AuthContext, secret: str) -> Principal | None:
        found = await ctx.api_tokens.by_token_hash(token_hash(secret))
        now = utcnow()
        if found is None or (found.expires_at is not None and found.expires_at <= now):
            return None
        last_used = found.last_used_at
        if last_used is None or now - last_used >= ctx.settings.session_touch_interval:
            await ctx.api_tokens.touch(found.id, now)
        user = await ctx.accounts.by_id(found.user_id)
        if user is None:
            return None
        return Principal(user=user, via="token", credential_id=found.id)


auth_service = AuthService()
