"""Resumable uploads (tus): bytes survive a dropped connection and arrive whole in the store."""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.types import Message

from lectern.config import Settings
from lectern.media.pipeline import expire_uploads
from lectern.models import Role, VideoStatus
from lectern.models.base import utcnow
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.video import (
    TUS,
    create_upload,
    metadata,
    patch,
    video_course,
    video_lesson_id,
    video_row,
)

MIB = 1024 * 1024


async def _teacher(db: AsyncSession, client: httpx.AsyncClient) -> None:
    teacher = await create_user(db, roles=(Role.student, Role.instructor))
    await sign_in(client, teacher.email)


async def _patch_then_drop(
    app: FastAPI, client: httpx.AsyncClient, location: str, offset: int, sent: bytes, declared: int
) -> None:
    """A PATCH whose connection drops after ``sent`` (of ``declared``) bytes."""
    messages: list[Message] = [
        {"type": "http.request", "body": sent[i : i + 65536], "more_body": True}
        for i in range(0, len(sent), 65536)
    ]
    messages.append({"type": "http.disconnect"})
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "PATCH",
        "scheme": "http",
        "path": location,
        "raw_path": location.encode(),
        "query_string": b"",
        "root_path": "",
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 5000),
        "headers": [
            (b"host", b"testserver"),
            (b"origin", b"http://localhost:3000"),
            (b"cookie", cookie.encode()),
            (b"tus-resumable", b"1.0.0"),
            (b"upload-offset", str(offset).encode()),
            (b"content-type", b"application/offset+octet-stream"),
            (b"content-length", str(declared).encode()),
        ],
    }

    async def receive() -> Message:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        return None

    await app(scope, receive, send)


@pytest.mark.sqlite
async def test_an_upload_resumes_after_a_dropped_connection_and_arrives_whole(
    db: AsyncSession, client: httpx.AsyncClient, app_instance: FastAPI
) -> None:
    await _teacher(db, client)
    lesson_id = video_lesson_id(await video_course(client))
    data = os.urandom(20 * MIB)
    location = await create_upload(client, lesson_id, len(data))

    response = await client.options("/api/uploads")
    assert response.headers["tus-version"] == "1.0.0"
    assert "creation" in response.headers["tus-extension"]

    response = await patch(client, location, 0, data[: 3 * MIB])
    assert response.status_code == 204
    assert response.headers["upload-offset"] == str(3 * MIB)

    # The connection drops 6 MiB into a 10 MiB request: what arrived is kept.
    await _patch_then_drop(
        app_instance, client, location, 3 * MIB, data[3 * MIB : 9 * MIB], declared=10 * MIB
    )
    response = await client.head(location, headers=TUS)
    assert response.status_code == 200
    assert response.headers["upload-offset"] == str(9 * MIB)
    assert response.headers["upload-length"] == str(len(data))
    assert response.headers["cache-control"] == "no-store"

    # Resuming from a stale offset is refused with the real one.
    response = await patch(client, location, 3 * MIB, data[3 * MIB :])
    assert response.status_code == 409
    assert response.json()["details"]["offset"] == 9 * MIB

    response = await patch(client, location, 9 * MIB, data[9 * MIB :])
    assert response.status_code == 204, response.text
    assert response.headers["upload-offset"] == str(len(data))

    video_id = location.rsplit("/", 1)[1]
    video = await video_row(db, video_id)
    # Queued for a worker (on SQLite the inline job already tried it: random bytes fail).
    assert video.status in (VideoStatus.queued, VideoStatus.failed)
    assert [p[2] for p in video.parts] == [8 * MIB, 8 * MIB, 4 * MIB]
    store = app_instance.state.file_store
    assert await store.read(video.source_key) == data
    # No upload pieces are left beside the original.
    assert await store.list_prefix(f"videos/{video_id}/") == [video.source_key]

    studio = (await client.get(f"/api/studio/lessons/{lesson_id}/video")).json()
    assert studio["pending"]["status"] in ("queued", "failed")
    assert studio["pending"]["received_bytes"] == len(data)


async def test_upload_rules(db: AsyncSession, client: httpx.AsyncClient, make_client: Any) -> None:
    await _teacher(db, client)
    course = await video_course(client)
    lesson_id = video_lesson_id(course)
    article_id = course["sections"][0]["lessons"][0]["id"]

    response = await client.post(
        "/api/uploads",
        headers={"Upload-Length": "10", "Upload-Metadata": metadata(lesson_id=lesson_id)},
    )
    assert response.status_code == 412
    assert response.headers["tus-version"] == "1.0.0"

    response = await client.post(
        "/api/uploads",
        headers={**TUS, "Upload-Length": "10", "Upload-Metadata": metadata(lesson_id=article_id)},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "not_a_video_lesson"

    response = await client.post(
        "/api/uploads",
        headers={
            **TUS,
            "Upload-Length": str(30 * 1024**3),
            "Upload-Metadata": metadata(lesson_id=lesson_id),
        },
    )
    assert response.status_code == 413
    assert response.json()["code"] == "video_too_large"

    location = await create_upload(client, lesson_id, 100)
    response = await patch(client, location, 0, b"x" * 101)
    assert response.status_code == 422
    assert response.json()["code"] == "upload_too_long"

    # Someone else's lesson and upload do not exist for a stranger.
    async with make_client() as stranger:
        other = await create_user(db, roles=(Role.student, Role.instructor))
        await sign_in(stranger, other.email)
        response = await stranger.post(
            "/api/uploads",
            headers={
                **TUS,
                "Upload-Length": "10",
                "Upload-Metadata": metadata(lesson_id=lesson_id),
            },
        )
        assert response.status_code == 404
        response = await stranger.head(location, headers=TUS)
        assert response.status_code == 404
        response = await patch(stranger, location, 0, b"x")
        assert response.status_code == 404
    async with make_client() as anonymous:
        response = await patch(anonymous, location, 0, b"x")
        assert response.status_code == 401

    # A new upload for the lesson cancels the unfinished one; termination works too.
    second = await create_upload(client, lesson_id, 50)
    response = await client.head(location, headers=TUS)
    assert response.status_code == 410
    response = await client.delete(second, headers=TUS)
    assert response.status_code == 204
    response = await patch(client, second, 0, b"x" * 50)
    assert response.status_code == 410


async def test_uploads_left_unfinished_expire(
    db: AsyncSession, client: httpx.AsyncClient, app_instance: FastAPI, settings: Settings
) -> None:
    await _teacher(db, client)
    lesson_id = video_lesson_id(await video_course(client))
    location = await create_upload(client, lesson_id, 10 * MIB)
    response = await patch(client, location, 0, os.urandom(MIB))
    assert response.status_code == 204
    video_id = location.rsplit("/", 1)[1]
    store = app_instance.state.file_store
    assert await store.list_prefix(f"videos/{video_id}/")  # the tail waits in the store

    # Untouched for a day: kept. For longer than the expiry: dropped.
    video = await video_row(db, video_id)
    video.updated_at = utcnow() - timedelta(days=1)
    await db.commit()
    maker = app_instance.state.sessionmaker
    assert await expire_uploads(maker, store, settings.upload_expiry) == 0
    video.updated_at = utcnow() - settings.upload_expiry - timedelta(minutes=1)
    await db.commit()
    assert await expire_uploads(maker, store, settings.upload_expiry) == 1
    assert (await video_row(db, video_id)).status == VideoStatus.canceled
    assert await store.list_prefix(f"videos/{video_id}/") == []
    response = await client.head(location, headers=TUS)
    assert response.status_code == 410
