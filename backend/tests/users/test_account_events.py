"""A signed-in page hears at once when its roles change or its session is ended elsewhere.

httpx's ASGI transport buffers whole responses, so the stream is read from a real uvicorn
server running in the test's own event loop (sharing the test's transaction)."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Role
from tests.conftest import PUBLIC_URL
from tests.fixtures.accounts import create_user, sign_in


@pytest.fixture
async def server_url(app_instance: FastAPI, db: AsyncSession) -> AsyncIterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(
        app_instance, host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
        await asyncio.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task


async def read_events(response: httpx.Response) -> AsyncIterator[dict[str, object]]:
    async for line in response.aiter_lines():
        if line.startswith("data: "):
            yield json.loads(line[len("data: ") :])


@pytest.mark.sqlite
async def test_roles_change_and_remote_sign_out_reach_the_open_page(
    server_url: str, make_client: Callable[[], httpx.AsyncClient], db: AsyncSession
) -> None:
    admin = await create_user(db, roles=(Role.student, Role.instructor, Role.admin))
    student = await create_user(db)
    async with (
        make_client() as admin_browser,
        make_client() as phone,
        httpx.AsyncClient(base_url=server_url, headers={"Origin": PUBLIC_URL}) as laptop,
    ):
        await sign_in(admin_browser, admin.email)
        await sign_in(laptop, student.email)
        await sign_in(phone, student.email)
        async with laptop.stream("GET", "/api/me/events", timeout=10) as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            events = read_events(stream)
            assert (await anext(events))["type"] == "ready"

            await admin_browser.put(f"/api/admin/users/{student.id}/roles/instructor")
            changed = await asyncio.wait_for(anext(events), timeout=5)
            assert changed == {"type": "account_changed", "what": "roles"}

            # From the phone, sign out everywhere: the laptop's page is told and the stream ends.
            await phone.post("/api/auth/sign-out-everywhere")
            ended = await asyncio.wait_for(anext(events), timeout=5)
            assert ended["type"] == "sessions_ended"
            assert len(ended["session_ids"]) == 2  # type: ignore[arg-type]
            with pytest.raises(StopAsyncIteration):
                await asyncio.wait_for(anext(events), timeout=5)


async def test_event_stream_needs_a_session(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/me/events")
    assert (response.status_code, response.json()["code"]) == (401, "unauthenticated")
