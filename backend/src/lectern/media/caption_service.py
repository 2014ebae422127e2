"""Caption tracks per lesson: one per language, WebVTT in the store (SRT is converted)."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select, update

from lectern.catalog.access import can_edit
from lectern.catalog.context import CatalogContext
from lectern.catalog.languages import LANGUAGES
from lectern.errors import Invalid, NotFound, PayloadTooLarge
from lectern.learning.lessons import lesson_with_course
from lectern.media.captions import MAX_BYTES, CaptionError, to_webvtt
from lectern.models import LessonCaption, LessonKind, User

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class CaptionService:
    async def _lesson_for_edit(self, ctx: CatalogContext, user: User, lesson_id: uuid.UUID) -> None:
        lesson, course = await lesson_with_course(ctx.session, lesson_id)
        if not can_edit(user, course):
            raise NotFound("No such lesson.")
        if lesson.kind != LessonKind.video:
            raise Invalid("Captions belong to video lessons.", code="not_a_video_lesson")

    async def _caption(
        self, ctx: CatalogContext, user: User, caption_id: uuid.UUID
    ) -> LessonCaption:
        caption = await ctx.session.get(LessonCaption, caption_id)
        if caption is None:
            raise NotFound("No such caption track.")
        await self._lesson_for_edit(ctx, user, caption.lesson_id)
        return caption

    async def upload(
        self,
        ctx: CatalogContext,
        user: User,
        lesson_id: uuid.UUID,
        *,
        raw: bytes,
        language: str,
        label: str | None,
        is_default: bool,
    ) -> LessonCaption:
        """Add a language's track, or replace the one already there."""
        await self._lesson_for_edit(ctx, user, lesson_id)
        language = language.strip()
        if not _LANGUAGE.match(language):
            raise Invalid(
                "Give the language as a code such as en, fr or pt-BR.", code="invalid_language"
            )
        if len(raw) > MAX_BYTES:
            raise PayloadTooLarge("Caption files can be at most 2 MB.", code="captions_too_large")
        try:
            text = to_webvtt(raw)
        except CaptionError as error:
            raise Invalid(
                str(error), code="invalid_captions", details={"line": error.line}
            ) from None
        label = (label or "").strip()[:80] or LANGUAGES.get(language.split("-")[0], language)
        caption = await ctx.session.scalar(
            select(LessonCaption).where(
                LessonCaption.lesson_id == lesson_id, LessonCaption.language == language
            )
        )
        if caption is None:
            caption = LessonCaption(id=uuid.uuid4(), lesson_id=lesson_id, language=language)
            ctx.session.add(caption)
        caption.label = label
        caption.cue_count = text.count("-->")
        existing = await ctx.session.scalar(
            select(LessonCaption.id).where(
                LessonCaption.lesson_id == lesson_id, LessonCaption.id != caption.id
            )
        )
        await self._make_default(ctx, caption, is_default or existing is None)
        await ctx.store.put(caption.key, text.encode(), content_type="text/vtt")
        await ctx.session.flush()
        return caption

    async def _make_default(self, ctx: CatalogContext, caption: LessonCaption, on: bool) -> None:
        if on:
            await ctx.session.execute(
                update(LessonCaption)
                .where(LessonCaption.lesson_id == caption.lesson_id, LessonCaption.id != caption.id)
                .values(is_default=False)
                .execution_options(synchronize_session="fetch")
            )
        caption.is_default = on

    async def update(
        self, ctx: CatalogContext, user: User, caption_id: uuid.UUID, label: str, is_default: bool
    ) -> LessonCaption:
        caption = await self._caption(ctx, user, caption_id)
        caption.label = label
        await self._make_default(ctx, caption, is_default)
        await ctx.session.flush()
        return caption

    async def delete(self, ctx: CatalogContext, user: User, caption_id: uuid.UUID) -> None:
        caption = await self._caption(ctx, user, caption_id)
        key, store = caption.key, ctx.store
        await ctx.session.delete(caption)
        await ctx.session.flush()
        if caption.is_default:
            # The next track (by label) becomes the default, so there always is one.
            successor = await ctx.session.scalar(
                select(LessonCaption)
                .where(LessonCaption.lesson_id == caption.lesson_id)
                .order_by(LessonCaption.label)
                .limit(1)
            )
            if successor is not None:
                successor.is_default = True

        async def remove() -> None:
            await store.delete(key)

        ctx.jobs.after_commit(remove)


caption_service = CaptionService()
