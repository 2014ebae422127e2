from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, Response, UploadFile, status

from lectern.auth.dependencies import CurrentUser, OptionalPrincipal
from lectern.catalog.context import CatalogCtx
from lectern.errors import LecternError
from lectern.kit.dependencies import SettingsDep, Store
from lectern.media import delivery
from lectern.media.caption_service import caption_service
from lectern.media.schemas import CaptionOut, CaptionUpdate, LessonVideo, PlaybackGrant, VideoOut
from lectern.media.uploads import TUS_VERSION, parse_metadata, upload_service
from lectern.media.videos import present_caption, present_video, video_service
from lectern.progress.context import Heartbeats

uploads_router = APIRouter(prefix="/uploads", tags=["uploads"], include_in_schema=False)
studio_router = APIRouter(prefix="/studio", tags=["studio"])
lessons_router = APIRouter(prefix="/lessons", tags=["learning"])
media_router = APIRouter(prefix="/media", tags=["media"], include_in_schema=False)

_TUS = {"Tus-Resumable": TUS_VERSION, "Cache-Control": "no-store"}


class PreconditionFailed(LecternError):
    status = 412
    code = "tus_version"


def _require_tus(request: Request) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise PreconditionFailed(
            f"This server speaks tus {TUS_VERSION}.", headers={"Tus-Version": TUS_VERSION}
        )


# --- resumable uploads (tus 1.0.0: core, creation, termination) ------------------------


@uploads_router.options("")
async def tus_options(ctx: CatalogCtx) -> Response:
    return Response(
        status_code=status.HTTP_204_NO_CONTENT,
        headers={
            **_TUS,
            "Tus-Version": TUS_VERSION,
            "Tus-Extension": "creation,termination",
            "Tus-Max-Size": str(ctx.settings.upload_max_bytes),
        },
    )


@uploads_router.post("")
async def tus_create(request: Request, ctx: CatalogCtx, user: CurrentUser) -> Response:
    _require_tus(request)
    length = request.headers.get("upload-length")
    video = await upload_service.create(
        ctx,
        user,
        length=int(length) if length and length.isdigit() else None,
        metadata=parse_metadata(request.headers.get("upload-metadata")),
    )
    return Response(
        status_code=status.HTTP_201_CREATED,
        headers={
            **_TUS,
            "Location": f"/api/uploads/{video.id}",
            "Upload-Offset": str(video.received_bytes),
        },
    )


@uploads_router.head("/{upload_id}")
async def tus_offset(upload_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> Response:
    video = await upload_service.status(ctx, user, upload_id)
    return Response(
        headers={
            **_TUS,
            "Upload-Offset": str(video.received_bytes),
            "Upload-Length": str(video.size_bytes),
        }
    )


@uploads_router.patch("/{upload_id}")
async def tus_append(
    upload_id: uuid.UUID, request: Request, ctx: CatalogCtx, user: CurrentUser
) -> Response:
    _require_tus(request)
    if request.headers.get("content-type") != "application/offset+octet-stream":
        raise LecternError(
            "Send the bytes as application/offset+octet-stream.", code="unsupported_media_type"
        )
    offset = request.headers.get("upload-offset", "")
    if not offset.isdigit():
        raise LecternError("Upload-Offset is required.", code="offset_required")
    video = await upload_service.receive(ctx, user, upload_id, int(offset), request.stream())
    return Response(
        status_code=status.HTTP_204_NO_CONTENT,
        headers={**_TUS, "Upload-Offset": str(video.received_bytes)},
    )


@uploads_router.delete("/{upload_id}")
async def tus_terminate(
    upload_id: uuid.UUID, request: Request, ctx: CatalogCtx, user: CurrentUser
) -> Response:
    _require_tus(request)
    await upload_service.terminate(ctx, user, upload_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT, headers=_TUS)


# --- the studio --------------------------------------------------------------------------


@studio_router.get(
    "/lessons/{lesson_id}/video", operation_id="studio:lessonVideo", response_model=LessonVideo
)
async def lesson_video(lesson_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> LessonVideo:
    return await video_service.for_studio(ctx, user, lesson_id)


@studio_router.post(
    "/videos/{video_id}/cancel", operation_id="studio:cancelVideo", response_model=VideoOut
)
async def cancel_video(video_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> VideoOut:
    video = await video_service.cancel(ctx, user, video_id)
    return present_video(ctx, ctx.settings.signing_key(), video)


@studio_router.post(
    "/videos/{video_id}/retry", operation_id="studio:retryVideo", response_model=VideoOut
)
async def retry_video(video_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> VideoOut:
    video = await video_service.retry(ctx, user, video_id)
    return present_video(ctx, ctx.settings.signing_key(), video)


@studio_router.post(
    "/lessons/{lesson_id}/captions",
    operation_id="studio:uploadCaptions",
    response_model=CaptionOut,
    status_code=status.HTTP_201_CREATED,
)
async def upload_captions(
    lesson_id: uuid.UUID,
    ctx: CatalogCtx,
    user: CurrentUser,
    file: Annotated[UploadFile, File(description="WebVTT or SRT, at most 2 MB")],
    language: Annotated[str, Form(max_length=35, description="BCP 47 code: en, fr, pt-BR")],
    label: Annotated[str | None, Form(max_length=80)] = None,
    is_default: Annotated[bool, Form()] = False,
) -> CaptionOut:
    caption = await caption_service.upload(
        ctx,
        user,
        lesson_id,
        raw=await file.read(),
        language=language,
        label=label,
        is_default=is_default,
    )
    return present_caption(caption)


@studio_router.patch(
    "/captions/{caption_id}", operation_id="studio:updateCaptions", response_model=CaptionOut
)
async def update_captions(
    caption_id: uuid.UUID, body: CaptionUpdate, ctx: CatalogCtx, user: CurrentUser
) -> CaptionOut:
    caption = await caption_service.update(ctx, user, caption_id, body.label, body.is_default)
    return present_caption(caption)


@studio_router.delete(
    "/captions/{caption_id}",
    operation_id="studio:deleteCaptions",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def delete_captions(caption_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> None:
    await caption_service.delete(ctx, user, caption_id)


# --- watching ------------------------------------------------------------------------------


@lessons_router.post(
    "/{lesson_id}/playback", operation_id="lessons:playback", response_model=PlaybackGrant
)
async def playback(
    lesson_id: uuid.UUID, ctx: CatalogCtx, principal: OptionalPrincipal, heartbeats: Heartbeats
) -> PlaybackGrant:
    """A short-lived grant to stream the lesson's video; ask again before it expires."""
    viewer = principal.user if principal else None
    return await video_service.playback(ctx, viewer, lesson_id, heartbeats)


@media_router.get("/{video_id}/{token}/{path:path}")
async def media_file(
    video_id: uuid.UUID, token: str, path: str, settings: SettingsDep, store: Store
) -> Response:
    return await delivery.serve(settings, store, video_id, token, path)
