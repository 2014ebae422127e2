"""A lesson's video (one row per upload: replacing a video adds a row) and its captions."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow


class VideoStatus(enum.StrEnum):
    uploading = "uploading"  # bytes are arriving (tus)
    queued = "queued"  # the whole file is stored, waiting for a worker
    processing = "processing"  # a worker is transcoding it
    ready = "ready"  # the lesson plays this one
    failed = "failed"  # see failure_reason; the original is kept for a retry
    canceled = "canceled"  # stopped by the instructor or replaced while in flight
    replaced = "replaced"  # a newer upload became ready; its files are gone


IN_FLIGHT = (VideoStatus.uploading, VideoStatus.queued, VideoStatus.processing)


class VideoAsset(IdMixin, CreatedMixin, Base):
    __tablename__ = "video_assets"
    __table_args__ = (Index("ix_video_assets_lesson_id_status", "lesson_id", "status"),)

    lesson_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"))
    uploaded_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    status: Mapped[VideoStatus] = mapped_column(
        Enum(VideoStatus, native_enum=False, length=20, validate_strings=True),
        default=VideoStatus.uploading,
    )
    filename: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    # The resumable upload: bytes safely stored, the store's multipart id and finished parts
    # ([number, etag, size] each), and the short end not yet a whole part, kept as its own
    # object so any API process can take the next chunk.
    received_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    multipart_id: Mapped[str | None] = mapped_column(String(1024))
    parts: Mapped[list[Any]] = mapped_column(JSON, default=list)
    tail_key: Mapped[str | None] = mapped_column(String(255))
    tail_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    # Transcoding.
    progress: Mapped[float] = mapped_column(default=0.0)
    attempts: Mapped[int] = mapped_column(default=0)
    heartbeat_at: Mapped[datetime | None]
    failure_reason: Mapped[str | None] = mapped_column(Text)
    # What the probe and the ladder found.
    duration_seconds: Mapped[float] = mapped_column(default=0.0)
    width: Mapped[int] = mapped_column(default=0)
    height: Mapped[int] = mapped_column(default=0)
    renditions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    thumbnails: Mapped[bool] = mapped_column(default=False)
    ready_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def source_key(self) -> str:
        return f"videos/{self.id}/source"

    @property
    def hls_prefix(self) -> str:
        return f"videos/{self.id}/hls/"


class LessonCaption(IdMixin, CreatedMixin, Base):
    __tablename__ = "lesson_captions"
    __table_args__ = (UniqueConstraint("lesson_id", "language"),)

    lesson_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(35))
    label: Mapped[str] = mapped_column(String(80))
    is_default: Mapped[bool] = mapped_column(default=False)
    cue_count: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def key(self) -> str:
        return f"captions/{self.lesson_id}/{self.id}.vtt"
