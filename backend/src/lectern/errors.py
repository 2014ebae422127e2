"""The domain error tree. Services raise these; one handler turns them into
``{"code", "message", "details"}`` with the status below."""

from __future__ import annotations

from typing import Any


class LecternError(Exception):
    status: int = 400
    code: str = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.details = details
        self.headers = headers


class Invalid(LecternError):
    status = 422
    code = "invalid_request"


class BadRequest(LecternError):
    status = 400
    code = "bad_request"


class Unauthenticated(LecternError):
    status = 401
    code = "unauthenticated"


class Forbidden(LecternError):
    status = 403
    code = "forbidden"


class NotFound(LecternError):
    status = 404
    code = "not_found"


class Conflict(LecternError):
    status = 409
    code = "conflict"


class PayloadTooLarge(LecternError):
    status = 413
    code = "payload_too_large"


class UnsupportedMediaType(LecternError):
    status = 415
    code = "unsupported_media_type"


class RateLimited(LecternError):
    status = 429
    code = "rate_limited"

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"Too many attempts. Try again in {retry_after} seconds.",
            details={"retry_after": retry_after},
            headers={"Retry-After": str(retry_after)},
        )
