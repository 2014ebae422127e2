"""Playback grants: one short-lived signature covers every file of one video.

A grant is ``<lesson hex>.<expiry>.<signature>`` inside the URL's path
(``/api/media/<video id>/<grant>/v0/seg_00001.m4s``), so the playlists' relative links carry
it to every segment, caption and thumbnail without rewriting a playlist, and a CDN can cache
each URL for as long as it is valid.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Grant:
    video_id: uuid.UUID
    lesson_id: uuid.UUID
    expires_at: int  # Unix seconds

    def seconds_left(self, now: float | None = None) -> int:
        return max(0, self.expires_at - int(now if now is not None else time.time()))


class GrantError(Exception):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def _signature(key: bytes, video_id: uuid.UUID, lesson_id: uuid.UUID, expires_at: int) -> str:
    message = f"{video_id.hex}.{lesson_id.hex}.{expires_at}".encode()
    digest = hmac.new(key, message, hashlib.sha256).digest()[:18]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def issue(key: bytes, video_id: uuid.UUID, lesson_id: uuid.UUID, lifetime: int) -> Grant:
    return Grant(video_id, lesson_id, int(time.time()) + lifetime)


def token_of(key: bytes, grant: Grant) -> str:
    signature = _signature(key, grant.video_id, grant.lesson_id, grant.expires_at)
    return f"{grant.lesson_id.hex}.{grant.expires_at}.{signature}"


def verify(key: bytes, video_id: uuid.UUID, token: str, now: float | None = None) -> Grant:
    try:
        lesson_hex, expiry, signature = token.split(".")
        lesson_id = uuid.UUID(hex=lesson_hex)
        expires_at = int(expiry)
    except ValueError:
        raise GrantError("This video link is not valid.", "media_grant_invalid") from None
    expected = _signature(key, video_id, lesson_id, expires_at)
    if not hmac.compare_digest(expected, signature):
        raise GrantError("This video link is not valid.", "media_grant_invalid")
    grant = Grant(video_id, lesson_id, expires_at)
    if grant.seconds_left(now) <= 0:
        raise GrantError("This video link has expired; reload the lesson.", "media_grant_expired")
    return grant
