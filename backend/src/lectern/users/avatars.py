"""Turning an uploaded picture into a small square WebP, safely."""

from __future__ import annotations

import hashlib
import io
import uuid

import anyio
from PIL import Image, UnidentifiedImageError

from lectern.errors import Invalid, PayloadTooLarge, UnsupportedMediaType

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000  # a 40 MP photo; more is a decompression bomb, not an avatar


def _square_webp(data: bytes, size: int) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise UnsupportedMediaType(
                    "Use a JPEG, PNG, WebP or GIF picture.", details={"format": image.format}
                )
            if image.width * image.height > MAX_PIXELS:
                raise Invalid("This picture is too large in pixels.", code="invalid_image")
            image.load()
            frame = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise UnsupportedMediaType("This file is not a picture we can read.") from exc
    side = min(frame.width, frame.height)
    left, top = (frame.width - side) // 2, (frame.height - side) // 2
    frame = frame.crop((left, top, left + side, top + side)).resize(
        (size, size), Image.Resampling.LANCZOS
    )
    out = io.BytesIO()
    frame.save(out, format="WEBP", quality=85, method=4)
    return out.getvalue()


async def make_avatar(
    user_id: uuid.UUID, data: bytes, *, max_bytes: int, size: int
) -> tuple[str, bytes]:
    """Return (storage key, WebP bytes). The key changes with the content, so it caches forever."""
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"The picture is over {max_bytes // (1024 * 1024)} MB.")
    if not data:
        raise Invalid("The file is empty.", code="invalid_image")
    webp = await anyio.to_thread.run_sync(_square_webp, data, size)
    digest = hashlib.sha256(webp).hexdigest()[:20]
    return f"avatars/{user_id}/{digest}.webp", webp
