"""From upload to a protected stream: transcode, grants, who may watch, captions, replace."""

from __future__ import annotations

import re
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.config import Settings
from lectern.media import signing
from lectern.models import Role, VideoStatus
from lectern.progress.flusher import flush_heartbeats
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import publish
from tests.fixtures.media import make_video
from tests.fixtures.video import run_transcodes, upload, video_course, video_lesson_id, video_row

SRT = b"""1
00:00:00,500 --> 00:00:02,000
Good light is <i>soft</i> light.

2
00:00:02,500 --> 00:00:04,000
Face the window.
"""


def _files_of(text: str) -> list[str]:
    uris = re.findall(r'URI="([^"]+)"', text)
    return uris + [line for line in text.splitlines() if line and not line.startswith("#")]


async def _all_stream_files(client: httpx.AsyncClient, master_url: str) -> list[str]:
    """The master playlist, every media playlist, init segment and segment, as URLs."""
    base = master_url.rsplit("/", 1)[0]
    master = await client.get(master_url)
    assert master.status_code == 200
    urls = [master_url]
    for playlist in _files_of(master.text):
        playlist_url = f"{base}/{playlist}"
        urls.append(playlist_url)
        media = await client.get(playlist_url)
        assert media.status_code == 200
        folder = playlist_url.rsplit("/", 1)[0]
        urls += [f"{folder}/{name}" for name in _files_of(media.text)]
    return urls


async def _ready_video_course(
    db: AsyncSession,
    client: httpx.AsyncClient,
    make_client: Any,
    app: FastAPI,
    settings: Settings,
    tmp_path: Path,
) -> tuple[dict[str, Any], str, str]:
    teacher = await create_user(db, roles=(Role.student, Role.instructor))
    await sign_in(client, teacher.email)
    course = await video_course(client)
    lesson_id = video_lesson_id(course)
    source = make_video(tmp_path / "light.mp4", seconds=6, width=640, height=360)
    video_id = await upload(client, lesson_id, source.read_bytes(), "light.mp4")
    await run_transcodes(app, settings)
    admin = await create_user(db, roles=(Role.admin,))
    async with make_client() as admin_client:
        await sign_in(admin_client, admin.email)
        await publish(client, admin_client, course["id"])
    return course, lesson_id, video_id


@pytest.mark.sqlite
async def test_a_transcoded_lesson_streams_only_to_viewers_with_access(
    db: AsyncSession,
    client: httpx.AsyncClient,
    make_client: Any,
    app_instance: FastAPI,
    settings: Settings,
    tmp_path: Path,
) -> None:
    course, lesson_id, video_id = await _ready_video_course(
        db, client, make_client, app_instance, settings, tmp_path
    )
    video = await video_row(db, video_id)
    assert video.status == VideoStatus.ready
    assert abs(video.duration_seconds - 6) < 0.2
    assert [r["name"] for r in video.renditions] == ["360p", "240p"]

    studio = (await client.get(f"/api/studio/lessons/{lesson_id}/video")).json()
    assert studio["current"]["status"] == "ready"
    assert studio["pending"] is None
    landing = (await client.get(f"/api/catalog/courses/{course['slug']}")).json()
    assert landing["duration_seconds"] >= 6
    lesson = await client.get(f"/api/catalog/courses/{course['slug']}/lessons/{lesson_id}")
    assert lesson.json()["viewer_access"] == "team"

    # The team watches: every file of the stream answers, with the right type and no public
    # caching; a segment honours Range.
    response = await client.post(f"/api/lessons/{lesson_id}/playback")
    assert response.status_code == 200, response.text
    grant = response.json()
    assert grant["resume_position_seconds"] == 0
    assert [r["name"] for r in grant["renditions"]] == ["360p", "240p"]
    urls = await _all_stream_files(client, grant["master_url"])
    assert any(u.endswith(".m4s") for u in urls)
    for url in urls:
        response = await client.get(url)
        assert response.status_code == 200, url
        assert "public" not in response.headers["cache-control"]
        assert response.headers["cache-control"].startswith("private, max-age=")
    assert (await client.get(urls[0])).headers["content-type"] == "application/vnd.apple.mpegurl"
    segment = next(u for u in urls if u.endswith(".m4s"))
    assert (await client.get(segment)).headers["content-type"] == "video/iso.segment"
    ranged = await client.get(segment, headers={"Range": "bytes=0-99"})
    assert ranged.status_code == 206
    assert len(ranged.content) == 100
    for extra in ("poster.jpg", "thumbnails.vtt"):
        response = await client.get(grant["master_url"].replace("master.m3u8", extra))
        assert response.status_code == 200, extra

    # A signed-out visitor and a student without access get no grant...
    async with make_client() as visitor:
        response = await visitor.post(f"/api/lessons/{lesson_id}/playback")
        assert response.status_code == 401
    student = await create_user(db)
    async with make_client() as outsider:
        await sign_in(outsider, student.email)
        response = await outsider.post(f"/api/lessons/{lesson_id}/playback")
        assert response.status_code == 403
        assert response.json()["code"] == "lesson_locked"
        # ...and no file of the stream without a valid one: forged, other video's, expired.
        token = grant["master_url"].split("/")[4]
        key = settings.signing_key()
        expired = signing.token_of(
            key, signing.Grant(uuid.UUID(video_id), uuid.UUID(lesson_id), int(time.time()) - 1)
        )
        other_video = signing.token_of(
            key, signing.Grant(uuid.uuid4(), uuid.UUID(lesson_id), int(time.time()) + 600)
        )
        for url in urls:
            for bad, code in (
                ("x", "media_grant_invalid"),
                (token[:-2] + "AA", "media_grant_invalid"),
                (other_video, "media_grant_invalid"),
                (expired, "media_grant_expired"),
            ):
                response = await outsider.get(url.replace(token, bad))
                assert response.status_code == 403, url
                assert response.json()["code"] == code

    # An admin grants access: the student watches and resumes where they stopped; revoking
    # access ends new grants at once (old ones live at most media_grant_seconds).
    admin = await create_user(db, roles=(Role.admin,))
    async with make_client() as admin_client, make_client() as enrolled:
        await sign_in(admin_client, admin.email)
        await sign_in(enrolled, student.email)
        response = await admin_client.post(
            f"/api/admin/courses/{course['id']}/enrollments", json={"email": student.email}
        )
        assert response.status_code == 201, response.text
        response = await admin_client.post(
            f"/api/admin/courses/{course['id']}/enrollments", json={"email": student.email}
        )
        assert response.json()["code"] == "already_enrolled"
        response = await enrolled.post(f"/api/lessons/{lesson_id}/playback")
        assert response.status_code == 200
        response = await enrolled.post(
            f"/api/lessons/{lesson_id}/heartbeat",
            json={"position_seconds": 3.4, "played": [[0, 3.4]], "seconds": 3.4},
        )
        assert response.status_code == 204
        # At once from the buffer, and the same once written.
        response = await enrolled.post(f"/api/lessons/{lesson_id}/playback")
        assert response.json()["resume_position_seconds"] == 3.4
        await flush_heartbeats(app_instance.state.heartbeats, app_instance.state.sessionmaker)
        response = await enrolled.post(f"/api/lessons/{lesson_id}/playback")
        assert response.json()["resume_position_seconds"] == 3.4
        response = await enrolled.get(f"/api/catalog/courses/{course['slug']}/lessons/{lesson_id}")
        assert response.status_code == 200
        assert response.json()["video_ready"] is True
        assert response.json()["viewer_access"] == "enrolled"
        students = (await admin_client.get(f"/api/admin/courses/{course['id']}/enrollments")).json()
        assert [s["email"] for s in students] == [student.email]
        response = await admin_client.delete(
            f"/api/admin/courses/{course['id']}/enrollments/{student.id}"
        )
        assert response.status_code == 204
        response = await enrolled.post(f"/api/lessons/{lesson_id}/playback")
        assert response.status_code == 403
        # (Heartbeats already on their way are credited until the access answer they use
        # expires: LECTERN_HEARTBEAT_ACCESS_CACHE_SECONDS, tests/progress.)
        # Only admins grant access.
        response = await enrolled.post(
            f"/api/admin/courses/{course['id']}/enrollments", json={"email": student.email}
        )
        assert response.status_code == 403


async def test_captions_replacing_and_deleting(
    db: AsyncSession,
    client: httpx.AsyncClient,
    make_client: Any,
    app_instance: FastAPI,
    settings: Settings,
    tmp_path: Path,
) -> None:
    course, lesson_id, first_video = await _ready_video_course(
        db, client, make_client, app_instance, settings, tmp_path
    )
    store = app_instance.state.file_store
    course_id = course["id"]

    response = await client.post(
        f"/api/studio/lessons/{lesson_id}/captions",
        data={"language": "en"},
        files={"file": ("light.srt", SRT, "application/x-subrip")},
    )
    assert response.status_code == 201, response.text
    english = response.json()
    assert english == {**english, "label": "English", "is_default": True, "cue_count": 2}
    response = await client.post(
        f"/api/studio/lessons/{lesson_id}/captions",
        data={"language": "fr", "label": "Français", "is_default": "true"},
        files={"file": ("light.vtt", b"WEBVTT\n\n00:01.000 --> 00:02.000\nBonjour\n", "text/vtt")},
    )
    assert response.status_code == 201, response.text
    response = await client.post(
        f"/api/studio/lessons/{lesson_id}/captions",
        data={"language": "de"},
        files={"file": ("bad.srt", b"1\n00:00:01,000 -> 00:00:02,000\nHallo\n", "text/plain")},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_captions"
    assert response.json()["details"]["line"] == 2
    assert "Line 2" in response.json()["message"]

    grant = (await client.post(f"/api/lessons/{lesson_id}/playback")).json()
    tracks = {t["language"]: t for t in grant["captions"]}
    assert tracks["fr"]["is_default"]
    assert not tracks["en"]["is_default"]
    vtt = await client.get(tracks["en"]["url"])
    assert vtt.status_code == 200
    assert vtt.headers["content-type"].startswith("text/vtt")
    assert vtt.text.startswith("WEBVTT")
    assert "00:00:00.500 --> 00:00:02.000" in vtt.text

    response = await client.delete(f"/api/studio/captions/{tracks['fr']['id']}")
    assert response.status_code == 204
    # The default went with it: the remaining track takes over.
    studio = (await client.get(f"/api/studio/lessons/{lesson_id}/video")).json()
    assert [(c["language"], c["is_default"]) for c in studio["captions"]] == [("en", True)]
    assert await store.list_prefix(f"captions/{lesson_id}/") == [
        f"captions/{lesson_id}/{tracks['en']['id']}.vtt"
    ]

    # Replacing: the old video plays until the new one is ready, then its files go.
    source = make_video(tmp_path / "again.mp4", seconds=4, width=320, height=240)
    second_video = await upload(client, lesson_id, source.read_bytes(), "again.mp4")
    studio = (await client.get(f"/api/studio/lessons/{lesson_id}/video")).json()
    assert studio["current"]["id"] == first_video
    assert studio["pending"]["id"] == second_video
    await run_transcodes(app_instance, settings)
    studio = (await client.get(f"/api/studio/lessons/{lesson_id}/video")).json()
    assert studio["current"]["id"] == second_video
    assert studio["pending"] is None
    assert (await video_row(db, first_video)).status == VideoStatus.replaced
    assert await store.list_prefix(f"videos/{first_video}/") == []
    # Captions belong to the lesson and stay.
    assert [c["language"] for c in studio["captions"]] == ["en"]

    # Deleting the section (with its lessons) removes every file the video lesson had.
    course = (await client.get(f"/api/studio/courses/{course_id}")).json()
    section = next(
        s for s in course["sections"] if any(lesson["id"] == lesson_id for lesson in s["lessons"])
    )
    response = await client.delete(f"/api/studio/sections/{section['id']}")
    assert response.status_code == 200, response.text
    assert all(s["id"] != section["id"] for s in response.json()["sections"])
    assert await store.list_prefix(f"videos/{second_video}/") == []
    assert await store.list_prefix(f"captions/{lesson_id}/") == []


async def test_bad_files_fail_with_a_plain_reason_and_can_be_retried(
    db: AsyncSession,
    client: httpx.AsyncClient,
    app_instance: FastAPI,
    settings: Settings,
    tmp_path: Path,
) -> None:
    teacher = await create_user(db, roles=(Role.student, Role.instructor))
    await sign_in(client, teacher.email)
    lesson_id = video_lesson_id(await video_course(client))

    for data, reason in (
        (b"", "empty"),
        (b"%PDF-1.7 not a video at all\n" * 100, "isn't a video"),
    ):
        video_id = await upload(client, lesson_id, data, "notes.pdf")
        await run_transcodes(app_instance, settings)
        studio = (await client.get(f"/api/studio/lessons/{lesson_id}/video")).json()
        assert studio["pending"]["id"] == video_id
        assert studio["pending"]["status"] == "failed"
        assert reason in studio["pending"]["failure_reason"]
        assert studio["pending"]["can_retry"] is True
        # The original is kept for a retry.
        assert await app_instance.state.file_store.size(f"videos/{video_id}/source") == len(data)

    response = await client.post(f"/api/studio/videos/{video_id}/retry")
    assert response.status_code == 200
    assert response.json()["status"] == "queued"
    await run_transcodes(app_instance, settings)
    assert (await video_row(db, video_id)).status == VideoStatus.failed

    response = await client.post(f"/api/studio/videos/{video_id}/cancel")
    assert response.status_code == 409
