"""The heartbeat bench's ceiling: an app that only acknowledges a heartbeat.

    uvicorn bare_ack:app --app-dir bench  (same uvicorn settings as the API)

POST /api/lessons/{lesson_id}/heartbeat reads the same JSON body the API gets (the load sends
the same bytes, cookie and Origin to both), parses it and answers 204 with no body. Nothing
else: no middleware, no session lookup, no access check, no Redis, no database. What is left
is uvicorn (uvloop, httptools), Starlette's routing and a json.loads: the most any heartbeat
endpoint on this stack could do on this machine, so the API's figure beside it says what
Lectern's own work costs (middleware, the session and the access check, validation, the
buffer in Redis).

Anything else answers 404; GET /healthz answers 200 so the bench knows it is up.
"""

from __future__ import annotations

import json

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route


async def heartbeat(request: Request) -> Response:
    body = json.loads(await request.body())
    if not isinstance(body, dict) or "position_seconds" not in body:
        return PlainTextResponse("malformed heartbeat", status_code=422)
    return Response(status_code=204)


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


app = Starlette(
    routes=[
        Route("/api/lessons/{lesson_id}/heartbeat", heartbeat, methods=["POST"]),
        Route("/healthz", healthz),
    ]
)
