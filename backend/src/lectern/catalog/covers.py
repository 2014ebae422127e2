"""Course cover pictures: a 16:9 WebP, 1280x720, named by its content."""

from __future__ import annotations

import hashlib
import uuid

import anyio

from lectern.kit.images import check_size, crop_to_ratio, decode_picture, encode_webp

COVER_WIDTH, COVER_HEIGHT = 1280, 720


def _cover_webp(data: bytes) -> bytes:
    return encode_webp(crop_to_ratio(decode_picture(data), COVER_WIDTH, COVER_HEIGHT), quality=80)


async def make_cover(course_id: uuid.UUID, data: bytes, *, max_bytes: int) -> tuple[str, bytes]:
    """Return (storage key, WebP bytes); a new picture gets a new key, so it caches forever."""
    check_size(data, max_bytes)
    webp = await anyio.to_thread.run_sync(_cover_webp, data)
    digest = hashlib.sha256(webp).hexdigest()[:20]
    return f"covers/{course_id}/{digest}.webp", webp


def cover_url(key: str | None) -> str | None:
    return f"/api/catalog/{key}" if key else None
