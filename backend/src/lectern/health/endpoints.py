from __future__ import annotations

import asyncio
from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import text
from starlette.responses import JSONResponse

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    checks: dict[str, str] = {}


@router.get("/healthz", operation_id="health:alive", response_model=Health)
async def alive() -> Health:
    """The process answers. Says nothing about the stores."""
    return Health(status="ok")


@router.get(
    "/readyz",
    operation_id="health:ready",
    response_model=Health,
    responses={503: {"model": Health}},
)
async def ready(request: Request) -> JSONResponse:
    """Ready for traffic: the database and the cache both answer within two seconds."""
    checks: dict[str, str] = {}

    async def database() -> None:
        async with request.app.state.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def cache() -> None:
        await request.app.state.cache.ping()

    for name, probe in (("database", database), ("cache", cache)):
        try:
            await asyncio.wait_for(probe(), timeout=2)
            checks[name] = "ok"
        except Exception as exc:
            checks[name] = f"error: {type(exc).__name__}"
    healthy = all(v == "ok" for v in checks.values())
    body = Health(status="ok" if healthy else "unavailable", checks=checks)
    return JSONResponse(body.model_dump(), status_code=200 if healthy else 503)
