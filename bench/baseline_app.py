"""The baseline: a bare Starlette app doing the least work comparable to Lectern's endpoints.

It runs under the same uvicorn settings as the API (1 worker, uvloop + httptools, no access
log), so the ratio lectern/baseline is what Lectern's own stack costs on top of the ASGI server:
middleware, dependency injection, validation, Redis, PostgreSQL and, for sign-in, argon2id.

    GET  /me                 a small JSON object: the ceiling for an authenticated GET
    POST /sign-in            parse a small JSON body, answer JSON and set a cookie: the ceiling
                             for sign-in without argon2id and without a database
    POST /sign-in-argon2     the same plus one argon2-cffi PasswordHasher().verify in a worker
                             thread (as Lectern does): the honest ceiling for sign-in

With LECTERN_DATABASE_URL set to PostgreSQL (the catalog bench), also the catalog's ceiling:
the same SQL statements the API runs, as literal text, through a bare asyncpg pool (see
catalog_baseline.py):

    GET /catalog/courses         the scenarios of GET /api/catalog/courses the bench runs
    GET /catalog/courses/{slug}  a course landing, as GET /api/catalog/courses/{slug}
    GET /cached/...              the same behind a bare Redis cache-aside (LECTERN_REDIS_URL)
"""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime

import anyio
import catalog_baseline
from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

DEMO_PASSWORD = "lectern-learn-demo"  # noqa: S105 - the seeded demo account's

# Same library defaults as lectern.kit.security (argon2id, the library's recommended params).
_hasher = PasswordHasher()
_HASH = _hasher.hash(DEMO_PASSWORD)

_ME = {
    "id": str(uuid.uuid4()),
    "email": "bench-student@example.com",
    "display_name": "Sam Student",
    "bio": "Learning on the train.",
    "timezone": "UTC",
    "language": "en",
    "avatar_url": None,
    "roles": ["student"],
    "email_verified": True,
    "pending_email": None,
    "created_at": datetime(2025, 1, 1, tzinfo=UTC).isoformat(),
    "instructor_application": None,
}


async def me(request: Request) -> JSONResponse:
    return JSONResponse(_ME)


def _signed_in(body: dict[str, object]) -> JSONResponse:
    response = JSONResponse({**_ME, "email": body.get("email")})
    response.set_cookie(
        "lectern_session", secrets.token_urlsafe(32), httponly=True, samesite="lax", path="/"
    )
    return response


async def sign_in(request: Request) -> JSONResponse:
    body = await request.json()
    return _signed_in(body)


async def sign_in_argon2(request: Request) -> JSONResponse:
    body = await request.json()
    password = str(body.get("password", ""))

    def verify() -> bool:
        try:
            return _hasher.verify(_HASH, password)
        except VerificationError:
            return False

    if not await anyio.to_thread.run_sync(verify):
        return JSONResponse({"detail": "wrong password"}, status_code=401)
    return _signed_in(body)


app = Starlette(
    routes=[
        Route("/me", me, methods=["GET"]),
        Route("/sign-in", sign_in, methods=["POST"]),
        Route("/sign-in-argon2", sign_in_argon2, methods=["POST"]),
        *catalog_baseline.routes,
    ],
    lifespan=catalog_baseline.lifespan,
)
