"""Pure ASGI middleware (no BaseHTTPMiddleware: it costs a task per request)."""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lectern.errors import PayloadTooLarge
from lectern.kit.client_ip import client_ip
from lectern.kit.error_response import error_response

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
access_log = logging.getLogger("lectern.access")
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def request_id_of(incoming: str) -> str:
    """The request's id: the caller's X-Request-ID when sane, else a new one."""
    return incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex


def log_request(scope: Scope, status: int, started: float, trusted_proxies: list[str]) -> None:
    """The access log's line for a request answered with ``status``."""
    access_log.info(
        "request",
        extra={
            "method": scope["method"],
            "path": scope["path"],
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            "client_ip": client_ip(scope, trusted_proxies),
        },
    )


class RequestContextMiddleware:
    """Gives each request an id (kept from X-Request-ID when sane), echoes it, logs the request."""

    def __init__(self, app: ASGIApp, trusted_proxies: list[str]) -> None:
        self.app = app
        self.trusted_proxies = trusted_proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_of(Headers(scope=scope).get("x-request-id", ""))
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            log_request(scope, status, started, self.trusted_proxies)
            request_id_var.reset(token)


def security_headers(*, hsts: bool) -> list[tuple[bytes, bytes]]:
    """The headers every response carries (an API response also carries ``API_CSP``)."""
    headers = [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"strict-origin-when-cross-origin"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]
    if hsts:
        headers.append((b"strict-transport-security", b"max-age=63072000; includeSubDomains"))
    return headers


# JSON needs no scripts or frames; the interactive docs page loads its own bundle.
API_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app = app
        self.headers = security_headers(hsts=hsts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_docs = scope["path"].startswith("/api/docs")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                headers.extend(self.headers)
                if not is_docs:
                    headers.append(API_CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodySizeLimitMiddleware:
    """413 for bodies over the limit, whether or not Content-Length tells the truth.

    Paths under ``exempt_prefixes`` stream their bodies to disk and enforce their own limit
    (resumable video uploads).
    """

    def __init__(self, app: ASGIApp, max_bytes: int, exempt_prefixes: tuple[str, ...] = ()) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.exempt_prefixes = exempt_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(self.exempt_prefixes):
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        limit_mb = self.max_bytes // (1024 * 1024)
        message_text = f"The request body is over {limit_mb} MB."
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await error_response(413, "payload_too_large", message_text)(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise PayloadTooLarge(message_text)
            return message

        await self.app(scope, counting_receive, send)


class OriginCheckMiddleware:
    """CSRF defence for cookie sessions: a state-changing request must come from our origin.

    Browsers always send Origin on cross-site POSTs and fetches; SameSite=Lax is the second
    layer. Requests authenticated by a bearer token carry no ambient credential and pass.
    """

    UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})

    def __init__(
        self, app: ASGIApp, allowed_origins: set[str], exempt_prefixes: tuple[str, ...] = ()
    ) -> None:
        self.app = app
        self.allowed = allowed_origins
        # Server-to-server calls that prove themselves otherwise (signed payment webhooks).
        self.exempt_prefixes = exempt_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in self.UNSAFE
            or scope["path"].startswith(self.exempt_prefixes)
        ):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if headers.get("authorization", "").lower().startswith("bearer "):
            await self.app(scope, receive, send)
            return
        origin = request_origin(headers.get("origin"), headers.get("referer"))
        if origin not in self.allowed:
            response = error_response(
                403,
                "csrf_failed",
                "This request did not come from Lectern's own pages (missing or foreign Origin).",
                {"origin": origin or None},
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def request_origin(origin: str | None, referer: str | None) -> str:
    """Where a request says it comes from: Origin, else the origin of Referer ("" if none)."""
    return origin or _origin_of(referer or "")


def _origin_of(url: str) -> str:
    match = re.match(r"^(https?://[^/?#]+)", url)
    return match.group(1) if match else ""
