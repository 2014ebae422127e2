"""Where files live: a directory on local disk (the default) or an S3 bucket.

Keys are relative POSIX paths such as "videos/<id>/hls/720p/seg-00001.m4s". Both stores
refuse a key that is absolute, has an empty part, or has a part starting with a dot ("..",
".multipart"): such a key could leave the directory or meet the local store's own hidden
files, and refusing it in both stores keeps code tried on one valid on the other.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import anyio.to_thread
from botocore.exceptions import ClientError

if TYPE_CHECKING:
    from mypy_boto3_s3.client import S3Client
    from mypy_boto3_s3.type_defs import (
        CompletedPartTypeDef,
        CreateMultipartUploadRequestTypeDef,
        ObjectIdentifierTypeDef,
        PutObjectRequestTypeDef,
    )

    from lectern.config import Settings

T = TypeVar("T")

CHUNK = 1024 * 1024
MAX_PART_NUMBER = 10_000  # S3's limit, kept by the local store too


class FileStore(Protocol):
    """What the app needs from a store. Content types matter to S3 only (they come back on
    downloads and signed URLs); the local store ignores them.

    Multipart uploads follow S3: parts are numbered from 1, uploading a number again replaces
    that part, and `complete_multipart` takes the (number, etag) pairs in ascending order.
    On S3 every part but the last must be at least 5 MiB; the local store does not check
    that. A part list that does not match the parts uploaded (a stale etag, a missing part)
    raises ValueError and leaves the upload open; an unknown upload id raises too (which error
    depends on the store)."""

    async def put(self, key: str, data: bytes, *, content_type: str | None = None) -> None: ...

    async def put_file(self, key: str, path: Path, *, content_type: str | None = None) -> None:
        """Store a local file, streamed from disk."""
        ...

    async def read(self, key: str) -> bytes | None: ...

    async def download(self, key: str, path: Path) -> bool:
        """Stream the object into a local file; False if there is no such object."""
        ...

    async def size(self, key: str) -> int | None: ...

    async def delete(self, key: str) -> None:
        """Remove the object; nothing happens if there is none."""
        ...

    async def delete_prefix(self, prefix: str) -> int:
        """Remove every object whose key starts with `prefix` (not empty); how many."""
        ...

    async def list_prefix(self, prefix: str) -> list[str]:
        """The keys starting with `prefix`, sorted."""
        ...

    async def start_multipart(self, key: str, *, content_type: str | None = None) -> str: ...

    async def upload_part(self, key: str, upload_id: str, number: int, path: Path) -> str:
        """Upload a local file as part `number`; returns its etag."""
        ...

    async def complete_multipart(
        self, key: str, upload_id: str, parts: list[tuple[int, str]]
    ) -> None: ...

    async def abort_multipart(self, key: str, upload_id: str) -> None:
        """Drop the upload and its parts; nothing happens if it is already gone."""
        ...

    def local_path(self, key: str) -> Path | None:
        """Where the object lies on this machine's disk, if the store is a local one."""
        ...

    async def presigned_url(
        self, key: str, *, expires_in: int, content_type: str | None = None
    ) -> str | None:
        """A URL a browser can GET the object from for `expires_in` seconds, served with
        `content_type` if given; None when the store has no such URLs (local disk)."""
        ...


def check_key(key: str) -> str:
    if any(part == "" or part.startswith(".") for part in key.split("/")):
        raise ValueError(f"unsafe storage key: {key!r}")
    return key


def check_prefix(prefix: str) -> str:
    """A prefix is "" (everything), a key, a key followed by "/", or the start of a key."""
    if prefix:
        check_key(prefix.removesuffix("/"))
    return prefix


def check_parts(parts: list[tuple[int, str]]) -> None:
    numbers = [number for number, _ in parts]
    if not numbers or numbers != sorted(set(numbers)):
        raise ValueError(f"parts must be listed once each in ascending order: {numbers}")
    if numbers[0] < 1 or numbers[-1] > MAX_PART_NUMBER:
        raise ValueError(f"part numbers run from 1 to {MAX_PART_NUMBER}: {numbers}")


def _write_atomic(path: Path, write: Callable[[Path], T]) -> T:
    """Let `write` fill a hidden temporary file beside `path`, then rename it into place:
    readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        result = write(tmp)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return result


def _etag(path: Path) -> str:
    """A local part's identity: a replaced part (a new file renamed into place) gets another.
    Cheap, unlike an MD5 of every byte, which would cost a second read of the whole upload."""
    found = path.stat()
    return f'"{found.st_ino:x}-{found.st_mtime_ns:x}-{found.st_size:x}"'


def _concatenate(sources: list[Path], target: Path) -> None:
    """Append the sources to `target` in order, copied by the kernel where it can."""
    with target.open("wb") as out:
        for source in sources:
            with source.open("rb") as part:
                left = os.fstat(part.fileno()).st_size
                try:
                    while left > 0:
                        copied = os.copy_file_range(part.fileno(), out.fileno(), left)
                        if copied == 0:
                            break
                        left -= copied
                except OSError:  # another filesystem or no kernel support: copy by hand
                    shutil.copyfileobj(part, out, CHUNK)
                    continue
                if left:
                    raise OSError(f"{source} shrank while it was being copied")


def _files_under(path: Path) -> list[Path]:
    """`path` if it is a file, else the files in its tree, hidden names left out."""
    if path.is_file():
        return [path]
    found: list[Path] = []
    for folder, dirs, files in os.walk(path):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(folder, name) for name in files if not name.startswith("."))
    return found


_MISSING = (FileNotFoundError, NotADirectoryError, IsADirectoryError)
_UPLOAD_ID = re.compile(r"[0-9a-f]{32}")


class LocalFileStore:
    """Files under one directory: the key is the relative path. Multipart uploads are staged
    in <root>/.multipart/<upload id>/, one file per part, until completed or aborted."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _path(self, key: str) -> Path:
        return self.root.joinpath(*check_key(key).split("/"))

    def _staging(self, upload_id: str) -> Path:
        if not _UPLOAD_ID.fullmatch(upload_id):
            raise ValueError(f"not a multipart upload id: {upload_id!r}")
        return self.root / ".multipart" / upload_id

    def _prefix_roots(self, prefix: str) -> list[Path]:
        """The files and folders holding the keys that start with `prefix`: for "videos/a/"
        the folder videos/a, for "videos/a" every videos/a* entry."""
        folder_key, _, start = check_prefix(prefix).rpartition("/")
        folder = self._path(folder_key) if folder_key else self.root
        if not start:
            return [folder] if folder.is_dir() else []
        try:
            entries = list(folder.iterdir())
        except (FileNotFoundError, NotADirectoryError):
            return []
        return [e for e in entries if e.name.startswith(start)]

    async def put(self, key: str, data: bytes, *, content_type: str | None = None) -> None:
        await anyio.to_thread.run_sync(
            _write_atomic, self._path(key), lambda tmp: tmp.write_bytes(data)
        )

    async def put_file(self, key: str, path: Path, *, content_type: str | None = None) -> None:
        # A copy, not a link or a move: the caller may reuse or delete its file.
        await anyio.to_thread.run_sync(
            _write_atomic, self._path(key), lambda tmp: shutil.copyfile(path, tmp)
        )

    async def read(self, key: str) -> bytes | None:
        try:
            return await anyio.Path(self._path(key)).read_bytes()
        except _MISSING:
            return None

    async def download(self, key: str, path: Path) -> bool:
        source = self._path(key)
        try:
            await anyio.to_thread.run_sync(
                _write_atomic, path, lambda tmp: shutil.copyfile(source, tmp)
            )
        except _MISSING:
            return False
        return True

    async def size(self, key: str) -> int | None:
        path = anyio.Path(self._path(key))
        try:
            stat = await path.stat()
        except _MISSING:
            return None
        return stat.st_size if await path.is_file() else None

    async def delete(self, key: str) -> None:
        with contextlib.suppress(*_MISSING):
            await anyio.Path(self._path(key)).unlink()

    async def delete_prefix(self, prefix: str) -> int:
        if not prefix:
            raise ValueError("refusing to delete every object: the prefix is empty")

        def remove() -> int:
            removed = 0
            for root in self._prefix_roots(prefix):
                removed += len(_files_under(root))
                if root.is_dir():
                    shutil.rmtree(root, ignore_errors=True)
                else:
                    root.unlink(missing_ok=True)
            return removed

        return await anyio.to_thread.run_sync(remove)

    async def list_prefix(self, prefix: str) -> list[str]:
        def walk() -> list[str]:
            keys: list[str] = []
            for root in self._prefix_roots(prefix):
                keys.extend(p.relative_to(self.root).as_posix() for p in _files_under(root))
            return sorted(keys)

        return await anyio.to_thread.run_sync(walk)

    async def start_multipart(self, key: str, *, content_type: str | None = None) -> str:
        check_key(key)
        upload_id = uuid.uuid4().hex
        await anyio.Path(self._staging(upload_id)).mkdir(parents=True)
        return upload_id

    async def upload_part(self, key: str, upload_id: str, number: int, path: Path) -> str:
        check_parts([(number, "")])
        staging = self._staging(upload_id)
        if not await anyio.Path(staging).is_dir():
            raise FileNotFoundError(f"no multipart upload {upload_id}")
        target = staging / f"{number:05d}"

        def copy() -> str:
            _write_atomic(target, lambda tmp: shutil.copyfile(path, tmp))
            return _etag(target)

        return await anyio.to_thread.run_sync(copy)

    async def complete_multipart(
        self, key: str, upload_id: str, parts: list[tuple[int, str]]
    ) -> None:
        check_parts(parts)
        staging = self._staging(upload_id)
        if not await anyio.Path(staging).is_dir():
            raise FileNotFoundError(f"no multipart upload {upload_id}")
        sources = [staging / f"{number:05d}" for number, _ in parts]

        def assemble(tmp: Path) -> None:
            missing = [
                number for (number, _), p in zip(parts, sources, strict=True) if not p.is_file()
            ]
            if missing:
                raise ValueError(f"parts never uploaded: {missing}")
            for (number, etag), source in zip(parts, sources, strict=True):
                if _etag(source) != etag:
                    raise ValueError(f"part {number} is not the one with etag {etag}")
            _concatenate(sources, tmp)

        await anyio.to_thread.run_sync(_write_atomic, self._path(key), assemble)
        await anyio.to_thread.run_sync(shutil.rmtree, staging)

    async def abort_multipart(self, key: str, upload_id: str) -> None:
        staging = self._staging(upload_id)
        await anyio.to_thread.run_sync(lambda: shutil.rmtree(staging, ignore_errors=True))

    def local_path(self, key: str) -> Path:
        """The file's absolute path, whether or not it exists (yet)."""
        return self._path(key)

    async def presigned_url(
        self, key: str, *, expires_in: int, content_type: str | None = None
    ) -> str | None:
        return None


def _is_missing(error: ClientError, *codes: str) -> bool:
    return error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound", *codes}


class S3Store:
    """Objects in an S3 bucket: AWS, or any S3-protocol service (MinIO, DigitalOcean Spaces).

    One boto3 client, shared by worker threads (boto3 blocks; its clients are thread-safe).
    Unset credentials fall back to boto3's own chain (environment, instance role, ...).
    `prefix` puts every key under a folder, so one bucket can serve several installs.
    `public_endpoint_url` is the address browsers reach the store at, when it differs from
    the one the API uses (a MinIO container, say): signed URLs are made for that host."""

    def __init__(
        self,
        bucket: str,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        access_key: str | None = None,
        secret_key: str | None = None,
        public_endpoint_url: str | None = None,
        prefix: str = "",
    ) -> None:
        import boto3  # here, not at the top: a slow import, needless on local disk
        from botocore.config import Config

        self.bucket = bucket
        self.prefix = check_key(prefix.strip("/")) + "/" if prefix.strip("/") else ""
        config = Config(
            signature_version="s3v4",
            s3={"addressing_style": "path"},
            retries={"max_attempts": 5, "mode": "standard"},
            # boto3 >= 1.36 adds CRC checksums to every upload, which several S3-protocol
            # services reject; "when_required" sends one only where S3 insists.
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
        session = boto3.session.Session(
            aws_access_key_id=access_key, aws_secret_access_key=secret_key, region_name=region
        )
        self._client: S3Client = session.client("s3", endpoint_url=endpoint_url, config=config)
        self._signer: S3Client = (
            session.client("s3", endpoint_url=public_endpoint_url, config=config)
            if public_endpoint_url
            else self._client
        )

    def _key(self, key: str) -> str:
        return self.prefix + check_key(key)

    async def put(self, key: str, data: bytes, *, content_type: str | None = None) -> None:
        request: PutObjectRequestTypeDef = {
            "Bucket": self.bucket,
            "Key": self._key(key),
            "Body": data,
        }
        if content_type:
            request["ContentType"] = content_type
        await anyio.to_thread.run_sync(lambda: self._client.put_object(**request))

    async def put_file(self, key: str, path: Path, *, content_type: str | None = None) -> None:
        # boto3's transfer manager streams from disk, in parallel parts for large files.
        extra: dict[str, Any] = {"ContentType": content_type} if content_type else {}
        full = self._key(key)
        await anyio.to_thread.run_sync(
            lambda: self._client.upload_file(str(path), self.bucket, full, ExtraArgs=extra)
        )

    async def read(self, key: str) -> bytes | None:
        full = self._key(key)

        def get() -> bytes | None:
            try:
                response = self._client.get_object(Bucket=self.bucket, Key=full)
            except ClientError as error:
                if _is_missing(error):
                    return None
                raise
            return response["Body"].read()

        return await anyio.to_thread.run_sync(get)

    async def download(self, key: str, path: Path) -> bool:
        full = self._key(key)
        try:
            await anyio.to_thread.run_sync(
                _write_atomic,
                path,
                lambda tmp: self._client.download_file(self.bucket, full, str(tmp)),
            )
        except ClientError as error:
            if _is_missing(error):
                return False
            raise
        return True

    async def size(self, key: str) -> int | None:
        full = self._key(key)

        def head() -> int | None:
            try:
                return self._client.head_object(Bucket=self.bucket, Key=full)["ContentLength"]
            except ClientError as error:
                if _is_missing(error):
                    return None
                raise

        return await anyio.to_thread.run_sync(head)

    async def delete(self, key: str) -> None:
        full = self._key(key)
        await anyio.to_thread.run_sync(
            lambda: self._client.delete_object(Bucket=self.bucket, Key=full)
        )

    async def delete_prefix(self, prefix: str) -> int:
        if not prefix:
            raise ValueError("refusing to delete every object: the prefix is empty")
        full = self.prefix + check_prefix(prefix)

        def remove() -> int:
            removed = 0
            pages = self._client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=full, PaginationConfig={"PageSize": 1000}
            )
            for page in pages:  # at most 1000 keys a page: what one DeleteObjects takes
                batch: list[ObjectIdentifierTypeDef] = [
                    {"Key": obj["Key"]} for obj in page.get("Contents", [])
                ]
                if not batch:
                    continue
                response = self._client.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True}
                )
                if errors := response.get("Errors"):
                    raise OSError(f"S3 refused to delete {len(errors)} objects: {errors[0]}")
                removed += len(batch)
            return removed

        return await anyio.to_thread.run_sync(remove)

    async def list_prefix(self, prefix: str) -> list[str]:
        full = self.prefix + check_prefix(prefix)

        def walk() -> list[str]:
            pages = self._client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=full
            )
            return sorted(
                obj["Key"].removeprefix(self.prefix)
                for page in pages
                for obj in page.get("Contents", [])
            )

        return await anyio.to_thread.run_sync(walk)

    async def start_multipart(self, key: str, *, content_type: str | None = None) -> str:
        request: CreateMultipartUploadRequestTypeDef = {
            "Bucket": self.bucket,
            "Key": self._key(key),
        }
        if content_type:
            request["ContentType"] = content_type
        response = await anyio.to_thread.run_sync(
            lambda: self._client.create_multipart_upload(**request)
        )
        return response["UploadId"]

    async def upload_part(self, key: str, upload_id: str, number: int, path: Path) -> str:
        check_parts([(number, "")])
        full = self._key(key)

        def send() -> str:
            with path.open("rb") as body:  # streamed: botocore reads the open file
                return self._client.upload_part(
                    Bucket=self.bucket, Key=full, UploadId=upload_id, PartNumber=number, Body=body
                )["ETag"]

        return await anyio.to_thread.run_sync(send)

    async def complete_multipart(
        self, key: str, upload_id: str, parts: list[tuple[int, str]]
    ) -> None:
        check_parts(parts)
        full = self._key(key)
        completed: list[CompletedPartTypeDef] = [
            {"PartNumber": number, "ETag": etag} for number, etag in parts
        ]

        def complete() -> None:
            try:
                self._client.complete_multipart_upload(
                    Bucket=self.bucket,
                    Key=full,
                    UploadId=upload_id,
                    MultipartUpload={"Parts": completed},
                )
            except ClientError as error:
                code = error.response.get("Error", {}).get("Code")
                if code in {"InvalidPart", "InvalidPartOrder", "EntityTooSmall"}:
                    raise ValueError(f"S3 refused the parts ({code}): {error}") from error
                raise

        await anyio.to_thread.run_sync(complete)

    async def abort_multipart(self, key: str, upload_id: str) -> None:
        full = self._key(key)

        def abort() -> None:
            try:
                self._client.abort_multipart_upload(
                    Bucket=self.bucket, Key=full, UploadId=upload_id
                )
            except ClientError as error:
                if not _is_missing(error, "NoSuchUpload"):
                    raise

        await anyio.to_thread.run_sync(abort)

    def local_path(self, key: str) -> Path | None:
        return None

    async def presigned_url(
        self, key: str, *, expires_in: int, content_type: str | None = None
    ) -> str:
        params = {"Bucket": self.bucket, "Key": self._key(key)}
        if content_type:
            params["ResponseContentType"] = content_type
        # Signing is local work, but refreshing credentials (an instance role) is not.
        return await anyio.to_thread.run_sync(
            lambda: self._signer.generate_presigned_url(
                "get_object", Params=params, ExpiresIn=expires_in
            )
        )


def create_file_store(settings: Settings) -> FileStore:
    """S3 when a bucket is configured, else local disk under var_dir."""
    if settings.s3_bucket:
        return S3Store(
            settings.s3_bucket,
            endpoint_url=settings.s3_endpoint_url,
            region=settings.s3_region,
            access_key=settings.s3_access_key_id,
            secret_key=settings.s3_secret_access_key,
            public_endpoint_url=settings.s3_public_endpoint_url,
            prefix=settings.s3_prefix,
        )
    return LocalFileStore(settings.files_dir)
