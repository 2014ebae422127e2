"""Turning an uploaded picture into a small square WebP."""

from __future__ import annotations

import hashlib
import uuid

import anyio

from lectern.kit.images import check_size, crop_to_ratio, decode_picture, encode_webp


def _square_webp(data: bytes, size: int) -> bytes:
    return encode_webp(crop_to_ratio(decode_picture(data), size, size))


async def make_avatar(
    user_id: uuid.UUID, data: bytes, *, max_bytes: int, size: int
) -> tuple[str, bytes]:
    """Return (storage key, WebP bytes). The key changes with the content, so it caches forever."""
    check_size(data, max_bytes)
    webp = await anyio.to_thread.run_sync(_square_webp, data, size)
    digest = hashlib.sha256(webp).hexdigest()[:20]
    return f"avatars/{user_id}/{digest}.webp", webp
