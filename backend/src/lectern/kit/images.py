"""Reading uploaded pictures safely and writing them back as WebP."""

from __future__ import annotations

import io
import uuid

from PIL import Image, UnidentifiedImageError
from starlette.responses import Response

from lectern.errors import Invalid, NotFound, PayloadTooLarge, UnsupportedMediaType
from lectern.kit.storage import FileStore

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000  # a 40 MP photo; more is a decompression bomb, not a picture we need


def check_size(data: bytes, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"The picture is over {max_bytes // (1024 * 1024)} MB.")
    if not data:
        raise Invalid("The file is empty.", code="invalid_image")


def decode_picture(data: bytes) -> Image.Image:
    """The first frame as RGBA, after checking the format by decoding, not by name."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise UnsupportedMediaType(
                    "Use a JPEG, PNG, WebP or GIF picture.", details={"format": image.format}
                )
            if image.width * image.height > MAX_PIXELS:
                raise Invalid("This picture is too large in pixels.", code="invalid_image")
            image.load()
            return image.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise UnsupportedMediaType("This file is not a picture we can read.") from exc


def crop_to_ratio(image: Image.Image, width: int, height: int) -> Image.Image:
    """Cut the centre to width:height, then scale to exactly width x height."""
    target = width / height
    if image.width / image.height > target:
        new_width = round(image.height * target)
        left = (image.width - new_width) // 2
        box = (left, 0, left + new_width, image.height)
    else:
        new_height = round(image.width / target)
        top = (image.height - new_height) // 2
        box = (0, top, image.width, top + new_height)
    return image.crop(box).resize((width, height), Image.Resampling.LANCZOS)


def encode_webp(image: Image.Image, quality: int = 85) -> bytes:
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=quality, method=4)
    return out.getvalue()


async def stored_webp(store: FileStore, folder: str, owner_id: uuid.UUID, name: str) -> Response:
    """A picture saved under a content-hash name: served with a cache that never revalidates,
    since a new picture gets a new name."""
    if not name.endswith(".webp") or "/" in name:
        raise NotFound("No such picture.")
    data = await store.read(f"{folder}/{owner_id}/{name}")
    if data is None:
        raise NotFound("No such picture.")
    return Response(
        data,
        media_type="image/webp",
        headers={"Cache-Control": "public, max-age=31536000, immutable"},
    )
