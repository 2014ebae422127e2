from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from lectern.models import VideoStatus


class RenditionOut(BaseModel):
    name: str
    width: int
    height: int
    bandwidth: int = Field(description="Peak bits per second, video and audio")


class VideoOut(BaseModel):
    id: uuid.UUID
    status: VideoStatus
    filename: str
    size_bytes: int
    received_bytes: int
    progress: float = Field(description="Percent transcoded (processing), 100 when ready")
    failure_reason: str | None
    duration_seconds: float
    width: int
    height: int
    renditions: list[RenditionOut]
    poster_url: str | None = Field(description="Signed, valid a few minutes")
    created_at: datetime
    updated_at: datetime
    can_retry: bool


class CaptionOut(BaseModel):
    id: uuid.UUID
    language: str
    label: str
    is_default: bool
    cue_count: int
    updated_at: datetime


class LessonVideo(BaseModel):
    """What the studio shows for a video lesson: what plays now, and any newer upload."""

    lesson_id: uuid.UUID
    current: VideoOut | None = Field(description="The video students see (ready)")
    pending: VideoOut | None = Field(
        description="A newer upload still uploading, transcoding, failed or canceled"
    )
    captions: list[CaptionOut]


class CaptionUpdate(BaseModel):
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    is_default: bool


class CaptionTrack(BaseModel):
    id: uuid.UUID
    language: str
    label: str
    is_default: bool
    url: str


class PlaybackGrant(BaseModel):
    """Everything a player needs; every URL carries the same short-lived signature."""

    video_id: uuid.UUID
    lesson_id: uuid.UUID
    master_url: str
    poster_url: str
    thumbnails_url: str | None
    captions: list[CaptionTrack]
    renditions: list[RenditionOut]
    duration_seconds: float
    expires_at: datetime
    refresh_after_seconds: int = Field(description="Ask for a fresh grant after this long")
    resume_position_seconds: float
