"""The same video path with an S3-protocol store (a real server on loopback): upload parts
and tails land in the bucket, the worker reads the original from it, and segments are a
redirect to a presigned URL that expires with the grant."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.config import Settings
from lectern.kit.storage import S3Store
from lectern.models import Role, VideoStatus
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.media import make_video
from tests.fixtures.s3 import S3Server
from tests.fixtures.video import (
    create_upload,
    patch,
    run_transcodes,
    upload,
    video_course,
    video_lesson_id,
    video_row,
)

MIB = 1024 * 1024


@pytest.fixture
def s3_store(app_instance: FastAPI, s3_server: S3Server) -> Iterator[S3Store]:
    """The app stores files in the bucket for this test."""
    store = s3_server.store(prefix=f"t-{uuid.uuid4().hex[:8]}/")
    local = app_instance.state.file_store
    app_instance.state.file_store = store
    yield store
    app_instance.state.file_store = local


async def test_video_upload_transcode_and_delivery_through_s3(
    db: AsyncSession,
    client: httpx.AsyncClient,
    app_instance: FastAPI,
    settings: Settings,
    s3_store: S3Store,
    tmp_path: Path,
) -> None:
    teacher = await create_user(db, roles=(Role.student, Role.instructor))
    await sign_in(client, teacher.email)
    lesson_id = video_lesson_id(await video_course(client))

    # A 13 MiB upload in three requests: one whole part, then a tail kept in the bucket
    # between requests, then the rest.
    data = os.urandom(13 * MIB)
    location = await create_upload(client, lesson_id, len(data), "big.bin")
    for start, end in ((0, 9 * MIB), (9 * MIB, 11 * MIB), (11 * MIB, 13 * MIB)):
        response = await patch(client, location, start, data[start:end])
        assert response.status_code == 204, response.text
    big = await video_row(db, location.rsplit("/", 1)[1])
    assert await s3_store.read(big.source_key) == data
    assert await s3_store.list_prefix(f"videos/{big.id}/") == [big.source_key]

    # A real video replaces it and is transcoded from the bucket.
    source = make_video(tmp_path / "clip.mp4", seconds=4, width=640, height=360)
    video_id = await upload(client, lesson_id, source.read_bytes(), "clip.mp4")
    await run_transcodes(app_instance, settings)
    video = await video_row(db, video_id)
    assert video.status == VideoStatus.ready, video.failure_reason
    assert await s3_store.list_prefix(f"videos/{big.id}/") == []

    grant = (await client.post(f"/api/lessons/{lesson_id}/playback")).json()
    master = await client.get(grant["master_url"])
    assert master.status_code == 200
    assert master.headers["content-type"] == "application/vnd.apple.mpegurl"
    variant = next(line for line in master.text.splitlines() if line.endswith(".m3u8"))
    base = grant["master_url"].rsplit("/", 1)[0]
    media = await client.get(f"{base}/{variant}")
    segment = next(line for line in media.text.splitlines() if line.endswith(".m4s"))
    redirect = await client.get(f"{base}/{variant.rsplit('/', 1)[0]}/{segment}")
    assert redirect.status_code == 307
    assert redirect.headers["cache-control"].startswith("private")
    async with httpx.AsyncClient() as outside:
        fetched = await outside.get(redirect.headers["location"])
        assert fetched.status_code == 200
        assert fetched.headers["content-type"] == "video/iso.segment"
        assert fetched.content[4:8] in (b"styp", b"moof")
        # The presigned URL is bound to its signature.
        tampered = redirect.headers["location"].replace("Signature=", "Signature=0")
        assert (await outside.get(tampered)).status_code == 403
