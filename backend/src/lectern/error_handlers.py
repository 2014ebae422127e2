"""Turn every failure into ``{"code", "message", "details"}``; never a 500 for bad input."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from lectern.errors import LecternError
from lectern.kit.error_response import error_response

log = logging.getLogger("lectern.errors")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def _field(loc: tuple[Any, ...]) -> str:
    # ("body", "email") -> "email"; ("query", "limit") -> "limit"
    parts = (
        [str(p) for p in loc[1:]]
        if loc and loc[0] in {"body", "query", "path"}
        else list(map(str, loc))
    )
    return ".".join(parts) or str(loc[0] if loc else "")


async def on_lectern_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, LecternError)
    return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)


async def on_validation_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, "malformed_json", "The request body is not valid JSON.")
    fields = [
        {"field": _field(tuple(e.get("loc", ()))), "message": str(e.get("msg", "Invalid value."))}
        for e in errors
    ]
    summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:3])
    return error_response(
        422, "invalid_request", f"Check the request: {summary}.", {"errors": fields}
    )


async def on_http_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    # FastAPI wraps errors raised while reading the body (our size limit) in a plain 400.
    if isinstance(exc.__cause__, LecternError):
        cause = exc.__cause__
        return error_response(cause.status, cause.code, cause.message, cause.details)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = {
        404: "There is nothing at this address.",
        405: "This address does not accept that method.",
    }.get(exc.status_code, str(exc.detail))
    return error_response(exc.status_code, code, message, None, dict(exc.headers or {}))


async def on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error", extra={"path": request.url.path})
    return error_response(500, "internal_error", "Something went wrong on our side. We logged it.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LecternError, on_lectern_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)
