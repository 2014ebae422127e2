from __future__ import annotations

import uuid

from fastapi import APIRouter, Header, Response, status

from lectern.auth.dependencies import SESSION_COOKIE, AuthCtx, CurrentPrincipal, SessionCookie
from lectern.auth.schemas import (
    ApiTokenCreate,
    ApiTokenCreated,
    ApiTokenInfo,
    ChangeEmailRequest,
    ChangePasswordRequest,
    EmailRequest,
    Message,
    RegisterRequest,
    ResetPasswordRequest,
    SessionInfo,
    SignInRequest,
    TokenRequest,
)
from lectern.auth.service import auth_service
from lectern.config import Settings
from lectern.kit.dependencies import ClientIp, Limiter
from lectern.users.schemas import Me
from lectern.users.service import users_service

router = APIRouter(prefix="/auth", tags=["auth"])

CHECK_MAIL = "If the address can receive mail, a message is on its way. Check your inbox."


def _set_session_cookie(response: Response, settings: Settings, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(settings.session_absolute_timeout.total_seconds()),
        httponly=True,
        secure=settings.secure_cookies,
        samesite="lax",
        path="/",
    )


def _clear_session_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, secure=settings.secure_cookies, samesite="lax"
    )


@router.post(
    "/register",
    operation_id="auth:register",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Message,
)
async def register(body: RegisterRequest, ctx: AuthCtx, limiter: Limiter, ip: ClientIp) -> Message:
    await auth_service.register(
        ctx,
        limiter,
        email=body.email,
        password=body.password,
        display_name=body.display_name,
        ip=ip,
    )
    return Message(message=f"Almost done. {CHECK_MAIL} Follow the link in it to confirm.")


@router.post("/verify-email", operation_id="auth:verify_email", response_model=Message)
async def verify_email(body: TokenRequest, ctx: AuthCtx) -> Message:
    user = await auth_service.verify_email(ctx, token=body.token)
    return Message(message=f"{user.email} is confirmed. You can sign in with it.")


@router.post(
    "/resend-verification",
    operation_id="auth:resend_verification",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Message,
)
async def resend_verification(
    body: EmailRequest, ctx: AuthCtx, limiter: Limiter, ip: ClientIp
) -> Message:
    await auth_service.resend_verification(ctx, limiter, email=body.email, ip=ip)
    return Message(message=CHECK_MAIL)


@router.post("/sign-in", operation_id="auth:sign_in", response_model=Me)
async def sign_in(
    body: SignInRequest,
    response: Response,
    ctx: AuthCtx,
    limiter: Limiter,
    ip: ClientIp,
    cookie: SessionCookie,
    user_agent: str | None = Header(None, include_in_schema=False),
) -> Me:
    user, token = await auth_service.sign_in(
        ctx,
        limiter,
        email=body.email,
        password=body.password,
        ip=ip,
        user_agent=user_agent,
        replacing_token=cookie,
    )
    _set_session_cookie(response, ctx.settings, token)
    return await users_service.me(ctx.session, user)


@router.post("/sign-out", operation_id="auth:sign_out", status_code=status.HTTP_204_NO_CONTENT)
async def sign_out(response: Response, ctx: AuthCtx, cookie: SessionCookie) -> None:
    if cookie:
        await auth_service.sign_out(ctx, token=cookie)
    _clear_session_cookie(response, ctx.settings)


@router.post(
    "/sign-out-everywhere",
    operation_id="auth:sign_out_everywhere",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def sign_out_everywhere(
    response: Response, ctx: AuthCtx, principal: CurrentPrincipal
) -> None:
    await auth_service.end_all_sessions(ctx, principal.user)
    _clear_session_cookie(response, ctx.settings)


@router.post(
    "/forgot-password",
    operation_id="auth:forgot_password",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Message,
)
async def forgot_password(
    body: EmailRequest, ctx: AuthCtx, limiter: Limiter, ip: ClientIp
) -> Message:
    await auth_service.forgot_password(ctx, limiter, email=body.email, ip=ip)
    return Message(message=f"{CHECK_MAIL} The link in it lets you choose a new password.")


@router.post("/reset-password", operation_id="auth:reset_password", response_model=Message)
async def reset_password(body: ResetPasswordRequest, ctx: AuthCtx) -> Message:
    await auth_service.reset_password(ctx, token=body.token, password=body.password)
    return Message(message="Your password is changed. Sign in with the new one.")


@router.post("/change-password", operation_id="auth:change_password", response_model=Message)
async def change_password(
    body: ChangePasswordRequest, ctx: AuthCtx, principal: CurrentPrincipal
) -> Message:
    await auth_service.change_password(
        ctx, principal, current_password=body.current_password, new_password=body.new_password
    )
    return Message(message="Password changed. Your other devices were signed out.")


@router.post(
    "/change-email",
    operation_id="auth:change_email",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Message,
)
async def change_email(
    body: ChangeEmailRequest, ctx: AuthCtx, principal: CurrentPrincipal
) -> Message:
    await auth_service.change_email(
        ctx, principal.user, password=body.password, new_email=body.new_email
    )
    return Message(
        message=f"We sent a link to {body.new_email}. Your address changes once you follow it."
    )


@router.get("/sessions", operation_id="auth:list_sessions", response_model=list[SessionInfo])
async def list_sessions(ctx: AuthCtx, principal: CurrentPrincipal) -> list[SessionInfo]:
    sessions = await auth_service.list_sessions(ctx, principal.user)
    current = principal.credential_id if principal.via == "session" else None
    return [
        SessionInfo.model_validate(s).model_copy(update={"current": s.id == current})
        for s in sessions
    ]


@router.delete(
    "/sessions/{session_id}",
    operation_id="auth:end_session",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def end_session(
    session_id: uuid.UUID, response: Response, ctx: AuthCtx, principal: CurrentPrincipal
) -> None:
    await auth_service.end_session(ctx, principal.user, session_id=session_id)
    if principal.via == "session" and principal.credential_id == session_id:
        _clear_session_cookie(response, ctx.settings)


@router.get("/tokens", operation_id="auth:list_tokens", response_model=list[ApiTokenInfo])
async def list_tokens(ctx: AuthCtx, principal: CurrentPrincipal) -> list[ApiTokenInfo]:
    tokens = await auth_service.list_api_tokens(ctx, principal.user)
    return [ApiTokenInfo.model_validate(t) for t in tokens]


@router.post(
    "/tokens",
    operation_id="auth:create_token",
    status_code=status.HTTP_201_CREATED,
    response_model=ApiTokenCreated,
)
async def create_token(
    body: ApiTokenCreate, ctx: AuthCtx, principal: CurrentPrincipal
) -> ApiTokenCreated:
    token, secret = await auth_service.create_api_token(
        ctx, principal.user, name=body.name, expires_in_days=body.expires_in_days
    )
    info = ApiTokenInfo.model_validate(token)
    return ApiTokenCreated(**info.model_dump(), token=secret)


@router.delete(
    "/tokens/{token_id}", operation_id="auth:revoke_token", status_code=status.HTTP_204_NO_CONTENT
)
async def revoke_token(token_id: uuid.UUID, ctx: AuthCtx, principal: CurrentPrincipal) -> None:
    await auth_service.revoke_api_token(ctx, principal.user, token_id=token_id)
