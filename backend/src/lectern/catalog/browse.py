"""The public catalog: listing, search, course landings and free preview lessons.

Listings and landings are the same for every visitor, so they are cached as finished JSON
under the catalog's version (see CatalogContext); lessons depend on who asks and are not.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from sqlalchemy import func, select

from lectern.catalog.access import PUBLIC_STATUSES, can_edit
from lectern.catalog.context import CatalogContext
from lectern.catalog.languages import LANGUAGES
from lectern.catalog.listing import (
    CatalogFilters,
    catalog_statement,
    decode_catalog_cursor,
    encode_catalog_cursor,
)
from lectern.catalog.presenters import course_card, course_landing
from lectern.catalog.repository import CourseRepository, CurriculumRepository
from lectern.catalog.schemas import (
    CatalogPage,
    CatalogSort,
    DurationBucket,
    Language,
    LessonContent,
    PriceFilter,
    SitemapEntry,
)
from lectern.catalog.search import corrected_query, highlights, text_match
from lectern.catalog.topics import topic_service
from lectern.errors import Forbidden, NotFound
from lectern.learning.entitlements import lesson_access
from lectern.media.videos import ready_video
from lectern.models import Course, CourseLevel, CourseStatus, LessonKind, User

# One sitemap file holds at most 50,000 addresses (sitemaps.org).
SITEMAP_LIMIT = 50_000


class CatalogBrowser:
    async def list_courses(
        self,
        ctx: CatalogContext,
        *,
        q: str | None,
        topic: str | None,
        levels: list[CourseLevel],
        languages: list[str],
        price: PriceFilter | None,
        min_rating: float | None,
        durations: list[DurationBucket],
        sort: CatalogSort,
        cursor: str | None,
        limit: int,
    ) -> bytes:
        """One page of published courses as JSON (a CatalogPage), from the cache if it can."""
        q = " ".join(q.split()) if q else None
        params: dict[str, Any] = {
            "q": q,
            "topic": topic,
            "levels": sorted(levels),
            "languages": sorted(languages),
            "price": price,
            "min_rating": min_rating,
            "durations": sorted(durations),
            "sort": sort,
            "cursor": cursor,
            "limit": limit,
        }
        digest = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:32]

        async def produce() -> bytes:
            page = await self._page(
                ctx,
                q=q,
                topic=topic,
                filters=CatalogFilters(
                    levels=levels,
                    languages=languages,
                    price=price,
                    min_rating=min_rating,
                    durations=durations,
                ),
                sort=sort,
                cursor=cursor,
                limit=limit,
            )
            return page.model_dump_json().encode()

        return await ctx.cached(f"list:{digest}", produce)

    async def _page(
        self,
        ctx: CatalogContext,
        *,
        q: str | None,
        topic: str | None,
        filters: CatalogFilters,
        sort: CatalogSort,
        cursor: str | None,
        limit: int,
    ) -> CatalogPage:
        if topic is not None:
            topic_ids = await topic_service.descendants(ctx, topic)
            if topic_ids is None:
                raise NotFound("No such topic.", code="unknown_topic")
            filters = CatalogFilters(**{**filters.__dict__, "topic_ids": topic_ids})
        after = decode_catalog_cursor(cursor, sort) if cursor else None
        searched = q
        match = text_match(ctx.session, q) if q else None
        rows = await self._rows(ctx, filters, match, sort, after, limit)
        corrected = None
        if q and match is not None and not rows and not await self._anything_matches(ctx, q):
            corrected = await corrected_query(ctx.session, q)
            if corrected:
                searched = corrected
                match = text_match(ctx.session, corrected)
                rows = await self._rows(ctx, filters, match, sort, after, limit)
        more = len(rows) > limit
        rows = rows[:limit]
        courses = [course for course, _ in rows]
        repository = CourseRepository(ctx.session)
        topics = await repository.topics_of([c.id for c in courses])
        teams = await repository.teams_of(courses)
        marks = await highlights(ctx.session, searched, [c.id for c in courses]) if searched else {}
        next_cursor = None
        if more:
            last, key = rows[-1]
            next_cursor = encode_catalog_cursor(sort, key, last.id)
        return CatalogPage(
            items=[
                course_card(c, topics.get(c.id, []), teams[c.id], marks.get(c.id)) for c in courses
            ],
            next_cursor=next_cursor,
            corrected_query=corrected,
        )

    async def _rows(
        self,
        ctx: CatalogContext,
        filters: CatalogFilters,
        match: Any,
        sort: CatalogSort,
        after: tuple[Any, uuid.UUID] | None,
        limit: int,
    ) -> list[tuple[Course, Any]]:
        statement = catalog_statement(filters, match, sort, after, limit + 1)
        return [(course, key) for course, key in await ctx.session.execute(statement)]

    async def _anything_matches(self, ctx: CatalogContext, q: str) -> bool:
        match = text_match(ctx.session, q)
        if match is None:
            return False
        found = await ctx.session.scalar(
            select(Course.id)
            .where(Course.status == CourseStatus.published, match.course_ids)
            .limit(1)
        )
        return found is not None

    async def landing(self, ctx: CatalogContext, slug: str) -> bytes:
        """A published or unlisted course's landing page as JSON (a CourseLanding)."""

        async def produce() -> bytes:
            course = await CourseRepository(ctx.session).public_by_slug(slug)
            if course is None:
                raise NotFound("No such course.")
            sections = await CurriculumRepository(ctx.session).sections(course.id, bodies=False)
            return course_landing(course, sections).model_dump_json().encode()

        return await ctx.cached(f"landing:{slug}", produce)

    async def lesson(
        self, ctx: CatalogContext, viewer: User | None, slug: str, lesson_id: uuid.UUID
    ) -> LessonContent:
        """A lesson's content, for whoever may read it (free previews: anyone)."""
        course = await CourseRepository(ctx.session).by_slug(slug)
        if course is None:
            raise NotFound("No such course.")
        if course.status not in PUBLIC_STATUSES and not can_edit(viewer, course):
            raise NotFound("No such course.")
        sections = await CurriculumRepository(ctx.session).sections(course.id)
        ordered = [(s, lesson) for s in sections for lesson in s.lessons]
        index = next((i for i, (_, lesson) in enumerate(ordered) if lesson.id == lesson_id), None)
        if index is None:
            raise NotFound("No such lesson in this course.")
        section, lesson = ordered[index]
        access = await lesson_access(ctx.session, viewer, course, lesson)
        if access is None:
            raise Forbidden(
                "This lesson is for enrolled students. Free preview lessons are open to all.",
                code="lesson_locked",
            )
        return LessonContent(
            id=lesson.id,
            title=lesson.title,
            kind=lesson.kind,
            is_preview=lesson.is_preview,
            body=lesson.body,
            duration_seconds=lesson.duration_seconds,
            section_title=section.title,
            course_slug=course.slug,
            course_title=course.title,
            previous_lesson_id=ordered[index - 1][1].id if index > 0 else None,
            next_lesson_id=ordered[index + 1][1].id if index + 1 < len(ordered) else None,
            viewer_access=access,
            video_ready=lesson.kind == LessonKind.video
            and await ready_video(ctx.session, lesson.id) is not None,
        )

    async def topics(self, ctx: CatalogContext) -> bytes:
        async def produce() -> bytes:
            tree = await topic_service.tree(ctx)
            return json.dumps([t.model_dump(mode="json") for t in tree]).encode()

        return await ctx.cached("topics", produce)

    async def sitemap(self, ctx: CatalogContext) -> bytes:
        """Every published course's address and last change, for search engines."""

        async def produce() -> bytes:
            rows = await ctx.session.execute(
                select(Course.slug, Course.updated_at)
                .where(Course.status == CourseStatus.published)
                .order_by(Course.published_at.desc())
                .limit(SITEMAP_LIMIT)
            )
            entries = [SitemapEntry(slug=slug, updated_at=at) for slug, at in rows]
            return json.dumps([e.model_dump(mode="json") for e in entries]).encode()

        return await ctx.cached("sitemap", produce)

    async def languages(self, ctx: CatalogContext) -> list[Language]:
        """Every language a course can be taught in, those with published courses first."""
        rows = await ctx.session.execute(
            select(Course.language, func.count())
            .where(Course.status == CourseStatus.published)
            .group_by(Course.language)
        )
        counts: dict[str, int] = dict(rows.all())
        ordered = sorted(LANGUAGES.items(), key=lambda item: (-counts.get(item[0], 0), item[1]))
        return [
            Language(code=code, name=name, course_count=counts.get(code, 0))
            for code, name in ordered
        ]


catalog_browser = CatalogBrowser()
