"""The two file stores, local disk and S3 (moto's server over HTTP), held to one behaviour."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import anyio
import httpx
import pytest

from lectern.config import Settings
from lectern.kit.storage import FileStore, LocalFileStore, S3Store, create_file_store
from tests.fixtures.s3 import S3Server

MiB = 1024 * 1024


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> FileStore:
    if request.param == "local":
        return LocalFileStore(tmp_path / "files")
    server: S3Server = request.getfixturevalue("s3_server")
    return server.store(prefix=f"test-{uuid.uuid4().hex[:8]}")


def open_uploads(store: FileStore, request: pytest.FixtureRequest) -> list[str]:
    """Multipart uploads begun and neither completed nor aborted, seen behind the store."""
    if isinstance(store, LocalFileStore):
        staging = store.root / ".multipart"
        return [p.name for p in staging.iterdir()] if staging.exists() else []
    assert isinstance(store, S3Store)
    server: S3Server = request.getfixturevalue("s3_server")
    listed = server.client().list_multipart_uploads(Bucket=store.bucket, Prefix=store.prefix)
    return [upload["UploadId"] for upload in listed.get("Uploads", [])]


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


async def test_put_read_size_delete(store: FileStore) -> None:
    key = "covers/course-1/cover.webp"
    assert await store.read(key) is None
    assert await store.size(key) is None

    await store.put(key, b"first picture", content_type="image/webp")
    assert await store.read(key) == b"first picture"
    assert await store.size(key) == 13
    await store.put(key, b"second")
    assert await store.read(key) == b"second"

    await store.delete(key)
    assert await store.read(key) is None
    assert await store.size(key) is None
    await store.delete(key)  # already gone: nothing to do


async def test_put_file_and_download_round_trip(store: FileStore, tmp_path: Path) -> None:
    data = os.urandom(12 * MiB + 321)  # past boto3's 8 MiB threshold: a managed multipart
    source = write(tmp_path / "in" / "lesson.mp4", data)
    await store.put_file("videos/v1/source", source, content_type="video/mp4")
    source.unlink()  # the store holds its own copy

    assert await store.size("videos/v1/source") == len(data)
    target = tmp_path / "out" / "copy.mp4"
    assert await store.download("videos/v1/source", target)
    assert target.read_bytes() == data
    assert [p.name for p in target.parent.iterdir()] == ["copy.mp4"]  # no temporary left

    assert not await store.download("videos/v1/missing", tmp_path / "out" / "missing.mp4")
    assert [p.name for p in target.parent.iterdir()] == ["copy.mp4"]


async def test_multipart_upload(
    store: FileStore, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    parts = [os.urandom(5 * MiB), os.urandom(5 * MiB + 17), os.urandom(5 * MiB), b"short tail"]
    files = [write(tmp_path / f"part{n}", data) for n, data in enumerate(parts, 1)]
    wrong = write(tmp_path / "wrong", os.urandom(5 * MiB))
    key = "videos/v2/source"

    upload_id = await store.start_multipart(key, content_type="video/mp4")
    etags = {3: await store.upload_part(key, upload_id, 3, files[2])}  # any order
    stale = await store.upload_part(key, upload_id, 2, wrong)
    etags[1] = await store.upload_part(key, upload_id, 1, files[0])
    etags[2] = await store.upload_part(key, upload_id, 2, files[1])  # replaces the wrong one
    etags[4] = await store.upload_part(key, upload_id, 4, files[3])
    assert stale != etags[2]
    assert await store.read(key) is None  # nothing to see before completion

    with pytest.raises(ValueError, match="ascending"):
        await store.complete_multipart(key, upload_id, [(2, etags[2]), (1, etags[1])])
    with pytest.raises(ValueError, match="part"):
        await store.complete_multipart(key, upload_id, sorted({**etags, 2: stale}.items()))
    await store.complete_multipart(key, upload_id, sorted(etags.items()))

    assert await store.size(key) == sum(map(len, parts))
    assert await store.download(key, tmp_path / "joined")
    assert (tmp_path / "joined").read_bytes() == b"".join(parts)
    assert await store.list_prefix("videos/v2/") == [key]
    assert open_uploads(store, request) == []


async def test_abort_leaves_nothing(
    store: FileStore, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    key = "videos/v3/source"
    upload_id = await store.start_multipart(key)
    await store.upload_part(key, upload_id, 1, write(tmp_path / "p1", os.urandom(5 * MiB)))
    await store.upload_part(key, upload_id, 2, write(tmp_path / "p2", b"end"))
    assert open_uploads(store, request) == [upload_id]

    await store.abort_multipart(key, upload_id)
    assert open_uploads(store, request) == []
    assert await store.read(key) is None
    assert await store.list_prefix("") == []
    await store.abort_multipart(key, upload_id)  # already gone: nothing to do


async def test_list_and_delete_prefix(store: FileStore) -> None:
    keys = [
        "videos/abc/hls/720p/seg-1.m4s",
        "videos/abc/source",
        "videos/abcd/source",
        "videos/ab",
        "other/x",
    ]
    for key in keys:
        await store.put(key, b"x")
    await store.start_multipart("videos/abc/next")  # in progress: not an object yet

    assert await store.list_prefix("") == sorted(keys)
    assert await store.list_prefix("videos/abc/") == keys[:2]
    assert await store.list_prefix("videos/ab") == sorted(keys[:4])
    assert await store.list_prefix("videos/abc/hls/720p/seg-1.m4s") == keys[:1]
    assert await store.list_prefix("nothing/") == []

    assert await store.delete_prefix("videos/abc/") == 2
    assert await store.list_prefix("") == sorted(keys[2:])
    assert await store.delete_prefix("videos/ab") == 2  # not a folder boundary
    assert await store.list_prefix("") == ["other/x"]
    assert await store.delete_prefix("nothing/") == 0
    with pytest.raises(ValueError, match="empty"):
        await store.delete_prefix("")
    assert await store.read("other/x") == b"x"


@pytest.mark.parametrize(
    "key", ["../x", "/abs", "a/../../b", "a//b", "", "a/", ".multipart/x", "videos/.hidden"]
)
async def test_unsafe_keys_refused(store: FileStore, tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError, match="unsafe storage key"):
        await store.put(key, b"x")
    with pytest.raises(ValueError, match="unsafe storage key"):
        await store.read(key)
    with pytest.raises(ValueError, match="unsafe storage key"):
        await store.delete_prefix(key + "/")
    assert [p.name async for p in anyio.Path(tmp_path).iterdir()] in ([], ["files"])
    assert await store.list_prefix("") == []


async def test_local_store_paths(tmp_path: Path) -> None:
    store = LocalFileStore(tmp_path / "files")
    await store.put("captions/v1/en.vtt", b"WEBVTT\n")
    path = store.local_path("captions/v1/en.vtt")
    assert path == (tmp_path / "files" / "captions" / "v1" / "en.vtt").resolve()
    assert path.read_bytes() == b"WEBVTT\n"
    assert store.local_path("not/yet") == (tmp_path / "files" / "not" / "yet").resolve()
    assert await store.presigned_url("captions/v1/en.vtt", expires_in=60) is None


async def test_presigned_url_serves_the_object(s3_server: S3Server) -> None:
    store = s3_server.store(prefix=f"test-{uuid.uuid4().hex[:8]}")
    assert store.local_path("captions/v1/en.vtt") is None
    await store.put("captions/v1/en.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n")

    url = await store.presigned_url("captions/v1/en.vtt", expires_in=60, content_type="text/vtt")
    async with httpx.AsyncClient() as http:
        response = await http.get(url)
        assert response.status_code == 200
        assert response.content.endswith(b"Hello\n")
        assert response.headers["content-type"].startswith("text/vtt")

        forged = url.replace("captions/v1/en.vtt", "captions/v1/fr.vtt")
        assert (await http.get(forged)).status_code == 403


async def test_presigned_url_expires(s3_server: S3Server) -> None:
    store = s3_server.store(prefix=f"test-{uuid.uuid4().hex[:8]}")
    await store.put("videos/v4/hls/index.m3u8", b"#EXTM3U\n")
    url = await store.presigned_url("videos/v4/hls/index.m3u8", expires_in=1)
    await anyio.sleep(2)
    async with httpx.AsyncClient() as http:
        response = await http.get(url)
    assert response.status_code == 403
    assert b"expired" in response.content


async def test_presigned_url_for_public_endpoint(s3_server: S3Server) -> None:
    public = s3_server.endpoint_url.replace("127.0.0.1", "localhost")
    store = s3_server.store(prefix=f"test-{uuid.uuid4().hex[:8]}", public_endpoint_url=public)
    await store.put("videos/v5/poster.jpg", b"jpeg bytes")

    url = await store.presigned_url("videos/v5/poster.jpg", expires_in=60)
    assert url.startswith(f"{public}/{s3_server.bucket}/")
    async with httpx.AsyncClient() as http:
        response = await http.get(url)  # signed for the host the browser asks
        assert response.status_code == 200
        assert response.content == b"jpeg bytes"
        elsewhere = url.replace("localhost", "127.0.0.1")
        assert (await http.get(elsewhere)).status_code == 403


async def test_s3_prefix_separates_installs(s3_server: S3Server) -> None:
    run = uuid.uuid4().hex[:8]
    school, other = s3_server.store(prefix=f"{run}/school"), s3_server.store(prefix=f"{run}/other")
    await school.put("covers/c1.webp", b"school's")
    await other.put("covers/c2.webp", b"other's")

    assert await school.list_prefix("") == ["covers/c1.webp"]
    assert await other.read("covers/c1.webp") is None
    assert await other.delete_prefix("covers/") == 1
    assert await school.read("covers/c1.webp") == b"school's"
    listed = s3_server.client().list_objects_v2(Bucket=s3_server.bucket, Prefix=f"{run}/")
    assert [obj["Key"] for obj in listed.get("Contents", [])] == [f"{run}/school/covers/c1.webp"]


async def test_settings_choose_the_store(s3_server: S3Server, tmp_path: Path) -> None:
    local = create_file_store(Settings(var_dir=tmp_path))
    assert isinstance(local, LocalFileStore)
    assert local.root == (tmp_path / "files").resolve()

    prefix = f"test-{uuid.uuid4().hex[:8]}"
    remote = create_file_store(
        Settings(
            var_dir=tmp_path,
            s3_bucket=s3_server.bucket,
            s3_endpoint_url=s3_server.endpoint_url,
            s3_access_key_id=s3_server.access_key,
            s3_secret_access_key=s3_server.secret_key,
            s3_prefix=prefix,
        )
    )
    assert isinstance(remote, S3Store)
    await remote.put("covers/c.webp", b"webp")
    stored = s3_server.client().get_object(Bucket=s3_server.bucket, Key=f"{prefix}/covers/c.webp")
    assert stored["Body"].read() == b"webp"
