"""Resumable video uploads: the server side of the tus protocol (https://tus.io, v1.0.0).

Bytes are never held whole in memory nor kept on one API process: a chunk is spooled to a
temporary file in 1 MiB writes, every full part goes to the object store as one part of a
multipart upload, and what is left at the end of a request (less than a part) is stored as a
"tail" object that the next request, on any process, picks up. The database row records the
finished parts and the tail with a compare-and-set on the offset, so two requests racing on
one upload cannot both win.
"""

from __future__ import annotations

import base64
import binascii
import os
import tempfile
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import anyio
from sqlalchemy import update
from starlette.requests import ClientDisconnect

from lectern.catalog.access import can_edit
from lectern.catalog.context import CatalogContext
from lectern.errors import Conflict, Invalid, LecternError, NotFound, PayloadTooLarge
from lectern.learning.lessons import lesson_with_course
from lectern.media.videos import video_service
from lectern.models import LessonKind, User, VideoAsset, VideoStatus
from lectern.models.base import utcnow

TUS_VERSION = "1.0.0"
_WRITE_BATCH = 1024 * 1024


class Gone(LecternError):
    status = 410
    code = "upload_gone"


def parse_metadata(header: str | None) -> dict[str, str]:
    """``Upload-Metadata: key base64value,key2 base64value2`` into a dict."""
    result: dict[str, str] = {}
    for item in (header or "").split(","):
        if not item.strip():
            continue
        key, _, encoded = item.strip().partition(" ")
        try:
            result[key] = base64.b64decode(encoded, validate=True).decode() if encoded else ""
        except (binascii.Error, UnicodeDecodeError):
            raise Invalid(
                f"Upload-Metadata value for {key!r} is not base64.", code="bad_metadata"
            ) from None
    return result


@dataclass
class _Progress:
    """An upload's state while a request adds to it."""

    received: int
    size: int
    parts: list[list[Any]]
    tail_key: str | None
    tail_bytes: int
    multipart_id: str

    @property
    def part_bytes(self) -> int:
        return sum(int(p[2]) for p in self.parts)


class _Spool:
    """The bytes of the part being built, in a temporary file on local disk."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=directory, suffix=".part")
        os.close(fd)
        self.path = Path(name)
        self.file: IO[bytes] = self.path.open("ab")
        self.size = 0

    async def write(self, data: bytes) -> None:
        await anyio.to_thread.run_sync(self._write, data)

    def _write(self, data: bytes) -> None:
        self.file.write(data)
        self.file.flush()
        self.size += len(data)

    async def reset(self) -> None:
        await anyio.to_thread.run_sync(self.file.truncate, 0)
        self.size = 0

    async def load(self, ctx: CatalogContext, key: str) -> None:
        """Start from a stored tail."""
        self.file.close()
        if not await ctx.store.download(key, self.path):
            raise Conflict("Part of this upload went missing; start it again.", code="tail_lost")
        self.file = self.path.open("ab")
        self.size = (await anyio.Path(self.path).stat()).st_size

    def close(self) -> None:
        self.file.close()
        self.path.unlink(missing_ok=True)


class UploadService:
    async def create(
        self, ctx: CatalogContext, user: User, *, length: int | None, metadata: dict[str, str]
    ) -> VideoAsset:
        """POST: a new upload for a video lesson; any earlier unfinished one is canceled."""
        if length is None or length < 0:
            raise Invalid("Upload-Length is required.", code="length_required")
        if length > ctx.settings.upload_max_bytes:
            limit_gb = ctx.settings.upload_max_bytes / 1024**3
            raise PayloadTooLarge(
                f"The file is {length / 1024**3:.1f} GB; videos can be at most {limit_gb:g} GB.",
                code="video_too_large",
            )
        try:
            lesson_id = uuid.UUID(metadata.get("lesson_id", ""))
        except ValueError:
            raise Invalid("Say which lesson the video is for.", code="lesson_required") from None
        lesson, course = await lesson_with_course(ctx.session, lesson_id)
        if not can_edit(user, course):
            raise NotFound("No such lesson.")
        if lesson.kind != LessonKind.video:
            raise Invalid("Only video lessons take a video.", code="not_a_video_lesson")
        await video_service.cancel_in_flight(ctx, lesson.id)
        filename = (metadata.get("filename") or "video").strip()[:255] or "video"
        asset = VideoAsset(
            id=uuid.uuid4(),
            lesson_id=lesson.id,
            uploaded_by_id=user.id,
            filename=filename,
            size_bytes=length,
            parts=[],
        )
        if length == 0:
            # Nothing will arrive: store the empty file and let the probe say so.
            await ctx.store.put(asset.source_key, b"")
            asset.status = VideoStatus.queued
            video_service.enqueue_transcode(ctx, asset)
        else:
            asset.multipart_id = await ctx.store.start_multipart(asset.source_key)
        ctx.session.add(asset)
        await ctx.session.flush()
        return asset

    async def _upload(self, ctx: CatalogContext, user: User, upload_id: uuid.UUID) -> VideoAsset:
        asset = await ctx.session.get(VideoAsset, upload_id)
        if asset is None:
            raise NotFound("No such upload.", code="upload_not_found")
        _, course = await lesson_with_course(ctx.session, asset.lesson_id)
        if not can_edit(user, course):
            raise NotFound("No such upload.", code="upload_not_found")
        return asset

    async def status(self, ctx: CatalogContext, user: User, upload_id: uuid.UUID) -> VideoAsset:
        """HEAD: how many bytes are safely stored."""
        asset = await self._upload(ctx, user, upload_id)
        if asset.status == VideoStatus.canceled and asset.received_bytes < asset.size_bytes:
            raise Gone("This upload was canceled.")
        return asset

    async def terminate(self, ctx: CatalogContext, user: User, upload_id: uuid.UUID) -> None:
        """DELETE: stop the upload (tus termination) and drop what arrived."""
        asset = await self._upload(ctx, user, upload_id)
        await video_service.cancel(ctx, user, asset.id)

    async def receive(
        self,
        ctx: CatalogContext,
        user: User,
        upload_id: uuid.UUID,
        offset: int,
        body: AsyncIterator[bytes],
    ) -> VideoAsset:
        """PATCH: append the request's bytes at ``offset``; returns the upload after it."""
        asset = await self._upload(ctx, user, upload_id)
        if asset.status != VideoStatus.uploading:
            if asset.status == VideoStatus.canceled:
                raise Gone("This upload was canceled.")
            raise Conflict("This upload is already complete.", code="upload_complete")
        if offset != asset.received_bytes:
            raise Conflict(
                f"The upload is at byte {asset.received_bytes}, not {offset}.",
                code="offset_mismatch",
                details={"offset": asset.received_bytes},
            )
        assert asset.multipart_id is not None
        state = _Progress(
            received=asset.received_bytes,
            size=asset.size_bytes,
            parts=[list(p) for p in asset.parts],
            tail_key=asset.tail_key,
            tail_bytes=asset.tail_bytes,
            multipart_id=asset.multipart_id,
        )
        # Hand the connection back to the pool while the bytes arrive (minutes, for a big file).
        await ctx.session.commit()
        spool = _Spool(ctx.settings.upload_tmp_dir)
        try:
            await self._take(ctx, asset, state, spool, body)
        finally:
            spool.close()
        await ctx.session.refresh(asset)
        return asset

    async def _take(
        self,
        ctx: CatalogContext,
        asset: VideoAsset,
        state: _Progress,
        spool: _Spool,
        body: AsyncIterator[bytes],
    ) -> None:
        part_size = ctx.settings.upload_part_bytes
        if state.tail_key:
            await spool.load(ctx, state.tail_key)
        buffer = bytearray()
        try:
            async for chunk in body:
                if state.part_bytes + spool.size + len(buffer) + len(chunk) > state.size:
                    raise Invalid(
                        "More bytes arrived than the upload's declared length.",
                        code="upload_too_long",
                    )
                buffer += chunk
                if len(buffer) >= _WRITE_BATCH:
                    await self._spool(ctx, asset, state, spool, buffer, part_size)
        except ClientDisconnect:
            pass  # keep what arrived: the client resumes from the offset we report
        await self._spool(ctx, asset, state, spool, buffer, part_size)
        if state.part_bytes + spool.size == state.size and spool.size:
            await self._finish(ctx, asset, state, spool)
        elif spool.size != state.tail_bytes:
            await self._save_tail(ctx, asset, state, spool)

    async def _spool(
        self,
        ctx: CatalogContext,
        asset: VideoAsset,
        state: _Progress,
        spool: _Spool,
        buffer: bytearray,
        part_size: int,
    ) -> None:
        """Move the buffer to the spool; ship each full part to the store."""
        while buffer:
            room = part_size - spool.size
            take = bytes(buffer[:room])
            del buffer[:room]
            await spool.write(take)
            # The last part waits for _finish, which completes the object with it.
            if spool.size == part_size and state.part_bytes + spool.size < state.size:
                await self._ship_part(ctx, asset, state, spool)

    async def _ship_part(
        self, ctx: CatalogContext, asset: VideoAsset, state: _Progress, spool: _Spool
    ) -> None:
        number = len(state.parts) + 1
        etag = await ctx.store.upload_part(asset.source_key, state.multipart_id, number, spool.path)
        new_received = state.part_bytes + spool.size
        parts = [*state.parts, [number, etag, spool.size]]
        await self._commit(ctx, asset, state, new_received, parts, tail_key=None, tail_bytes=0)
        old_tail = state.tail_key
        state.parts, state.received, state.tail_key, state.tail_bytes = parts, new_received, None, 0
        if old_tail:
            await ctx.store.delete(old_tail)
        await spool.reset()

    async def _save_tail(
        self, ctx: CatalogContext, asset: VideoAsset, state: _Progress, spool: _Spool
    ) -> None:
        tail_key = f"videos/{asset.id}/upload-tail-{uuid.uuid4().hex}" if spool.size else None
        if tail_key:
            await ctx.store.put_file(tail_key, spool.path)
        new_received = state.part_bytes + spool.size
        try:
            await self._commit(
                ctx, asset, state, new_received, state.parts, tail_key, tail_bytes=spool.size
            )
        except Conflict:
            if tail_key:
                await ctx.store.delete(tail_key)
            raise
        if state.tail_key:
            await ctx.store.delete(state.tail_key)
        state.received, state.tail_key, state.tail_bytes = new_received, tail_key, spool.size

    async def _finish(
        self, ctx: CatalogContext, asset: VideoAsset, state: _Progress, spool: _Spool
    ) -> None:
        """The last byte arrived: the last part, the whole object, and a transcode job."""
        number = len(state.parts) + 1
        etag = await ctx.store.upload_part(asset.source_key, state.multipart_id, number, spool.path)
        parts = [*state.parts, [number, etag, spool.size]]
        await ctx.store.complete_multipart(
            asset.source_key, state.multipart_id, [(int(p[0]), str(p[1])) for p in parts]
        )
        await self._commit(
            ctx,
            asset,
            state,
            state.size,
            parts,
            tail_key=None,
            tail_bytes=0,
            status=VideoStatus.queued,
        )
        if state.tail_key:
            await ctx.store.delete(state.tail_key)
        await ctx.session.refresh(asset)
        video_service.enqueue_transcode(ctx, asset)

    async def _commit(
        self,
        ctx: CatalogContext,
        asset: VideoAsset,
        state: _Progress,
        received: int,
        parts: list[list[Any]],
        tail_key: str | None,
        tail_bytes: int,
        status: VideoStatus = VideoStatus.uploading,
    ) -> None:
        """Record progress if nobody else moved the upload meanwhile (compare-and-set)."""
        result = await ctx.session.execute(
            update(VideoAsset)
            .where(
                VideoAsset.id == asset.id,
                VideoAsset.received_bytes == state.received,
                VideoAsset.tail_key.is_(None)
                if state.tail_key is None
                else VideoAsset.tail_key == state.tail_key,
                VideoAsset.status == VideoStatus.uploading,
            )
            .values(
                received_bytes=received,
                parts=parts,
                tail_key=tail_key,
                tail_bytes=tail_bytes,
                status=status,
                updated_at=utcnow(),
            )
            .execution_options(synchronize_session=False)
        )
        await ctx.session.commit()
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise Conflict(
                "Another request changed this upload at the same time; resume it.",
                code="upload_moved",
            )


upload_service = UploadService()
