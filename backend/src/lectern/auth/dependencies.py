"""Who is calling: the session cookie or a bearer token, resolved once per request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from lectern.auth.service import AuthContext, Principal, Viewer, auth_service
from lectern.errors import Unauthenticated
from lectern.kit.dependencies import CacheDep, DbSession, Jobs, SettingsDep
from lectern.models import User

SESSION_COOKIE = "lectern_session"

# auto_error=False: a missing credential is our own 401 with our error shape.
_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, description="Browser session")
_bearer = HTTPBearer(auto_error=False, description="Personal API token (lct_...)")


async def get_auth_context(
    session: DbSession, settings: SettingsDep, cache: CacheDep, jobs: Jobs
) -> AuthContext:
    return AuthContext(session=session, settings=settings, cache=cache, jobs=jobs)


AuthCtx = Annotated[AuthContext, Depends(get_auth_context)]


async def get_optional_principal(
    request: Request,
    ctx: AuthCtx,
    cookie: Annotated[str | None, Depends(_cookie)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal | None:
    cached: Principal | None = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    principal: Principal | None = None
    if bearer is not None:
        principal = await auth_service.authenticate_api_token(ctx, bearer.credentials)
        if principal is None:
            raise Unauthenticated("This API token is unknown, revoked or expired.")
    elif cookie:
        principal = await auth_service.authenticate_session(ctx, cookie)
    request.state.principal = principal
    return principal


async def get_principal(
    principal: Annotated[Principal | None, Depends(get_optional_principal)],
) -> Principal:
    if principal is None:
        raise Unauthenticated("Sign in to continue.")
    return principal


async def get_current_user(principal: Annotated[Principal, Depends(get_principal)]) -> User:
    return principal.user


async def get_viewer(
    request: Request,
    ctx: AuthCtx,
    cookie: Annotated[str | None, Depends(_cookie)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Viewer:
    if cookie and bearer is None and getattr(request.state, "principal", None) is None:
        found = await auth_service.session_owner(ctx, cookie)
        if found is None:
            raise Unauthenticated("Sign in to continue.")
        user_id = found[1]
        return Viewer(user_id, lambda: ctx.accounts.by_id(user_id))
    # API tokens (and a caller already resolved) take the usual way.
    user = (await get_principal(await get_optional_principal(request, ctx, cookie, bearer))).user
    return Viewer(user.id, lambda: ctx.accounts.by_id(user.id), user)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(get_optional_principal)]
CurrentUser = Annotated[User, Depends(get_current_user)]
CurrentViewer = Annotated[Viewer, Depends(get_viewer)]
SessionCookie = Annotated[str | None, Depends(_cookie)]
