"""Serving a stream's files to whoever holds a valid grant: one HMAC check, no database.

Local disk: the API sends the file (Range requests work). S3: playlists and captions (small
text) come through the API; segments, thumbnails and posters are a redirect to a presigned
URL that expires with the grant, so video bytes flow from the store or its CDN.
"""

from __future__ import annotations

import re
import uuid

import anyio
from fastapi import Response
from fastapi.responses import FileResponse, RedirectResponse

from lectern.config import Settings
from lectern.errors import Forbidden, NotFound
from lectern.kit.storage import FileStore
from lectern.media import signing

_FILES = re.compile(
    r"^(master\.m3u8|thumbnails\.vtt|poster\.jpg|sprite_\d{3}\.jpg"
    r"|v\d/(index\.m3u8|init(_\d+)?\.mp4|seg_\d{5}\.m4s)"
    r"|captions/(?P<caption>[0-9a-f-]{36})\.vtt)$"
)
CONTENT_TYPES = {
    ".m3u8": "application/vnd.apple.mpegurl",
    ".m4s": "video/iso.segment",
    ".mp4": "video/mp4",
    ".vtt": "text/vtt; charset=utf-8",
    ".jpg": "image/jpeg",
}
_TEXT = (".m3u8", ".vtt")


class _MediaFile(FileResponse):
    # Starlette reads 64 KiB per thread hop; a segment is ~0.3-1.5 MB, so 1 MiB reads spend
    # a third less CPU per segment (docs/performance.md, "Segment delivery").
    chunk_size = 1024 * 1024


async def serve(
    settings: Settings, store: FileStore, video_id: uuid.UUID, token: str, path: str
) -> Response:
    try:
        grant = signing.verify(settings.signing_key(), video_id, token)
    except signing.GrantError as error:
        raise Forbidden(str(error), code=error.code) from None
    match = _FILES.match(path)
    if match is None:
        raise NotFound("No such file in this video.")
    caption = match.group("caption")
    key = (
        f"captions/{grant.lesson_id}/{caption}.vtt" if caption else f"videos/{video_id}/hls/{path}"
    )
    content_type = CONTENT_TYPES[path[path.rindex(".") :]]
    # Private: a shared cache must not hand this to someone else; the browser may keep it
    # while the signature in its URL is valid.
    headers = {"Cache-Control": f"private, max-age={min(grant.seconds_left(), 600)}"}
    local = store.local_path(key)
    if local is not None:
        if not await anyio.Path(local).is_file():
            raise NotFound("No such file in this video.")
        return _MediaFile(local, media_type=content_type, headers=headers)
    if path.endswith(_TEXT):
        data = await store.read(key)
        if data is None:
            raise NotFound("No such file in this video.")
        return Response(data, media_type=content_type, headers=headers)
    url = await store.presigned_url(
        key, expires_in=max(1, grant.seconds_left()), content_type=content_type
    )
    if url is None:
        raise NotFound("No such file in this video.")
    return RedirectResponse(url, status_code=307, headers=headers)
