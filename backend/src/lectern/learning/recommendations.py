"""Courses to take next, each with a reason a person understands.

Three sources, in this order of trust:
- co-enrolment: students of a course you took also took this one ("Because you took X");
- topic and level: popular courses in the topics you study, at your level first
  ("Popular in Photography at beginner level");
- popularity: for a brand-new student (or to fill up), the most taken courses a newcomer can
  start (beginner, all levels), spread over topics ("Popular with new learners").

Never a course the student is enrolled in or teaches, never one that isn't published (an
unlisted course is for people who have its link). The co-enrolment count is the heavy part,
so each student's picks (course ids and reasons) are cached for a few minutes; the cards are
read fresh on every request, which also drops a course unpublished since.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

from pydantic import BaseModel, TypeAdapter

from lectern.catalog.context import CatalogContext
from lectern.catalog.presenters import course_card
from lectern.catalog.repository import CourseRepository
from lectern.learning.recommendation_schemas import (
    Recommendation,
    RecommendationKind,
    RecommendationReason,
)
from lectern.learning.repository import LearningRepository
from lectern.models import Category, Course, CourseLevel, User

SHOWN = 6
# Picks cached per student: more than shown, so one unpublished course leaves no gap.
KEPT = 12
CACHE_SECONDS = 300
# Co-enrolment looks at the student's most recent enrolments only: they say the most about
# what comes next, and it bounds the query for a student with hundreds of courses.
SOURCE_COURSES = 20
CANDIDATES = 60

_LEVEL_WORDS = {
    CourseLevel.beginner: "beginner",
    CourseLevel.intermediate: "intermediate",
    CourseLevel.advanced: "advanced",
}


class _Pick(BaseModel):
    course_id: uuid.UUID
    reason: RecommendationReason


_PICKS = TypeAdapter(list[_Pick])


def _cache_key(user_id: uuid.UUID) -> str:
    return f"learning:recommendations:{user_id}"


def forget_recommendations(ctx: CatalogContext, user_id: uuid.UUID) -> None:
    """The student's enrolments changed: their picks are worked out afresh after the commit."""
    cache = ctx.cache

    async def forget() -> None:
        await cache.delete(_cache_key(user_id))

    ctx.jobs.after_commit(forget)


def _level_matches(candidate: CourseLevel, student_levels: set[CourseLevel]) -> bool:
    if candidate in student_levels or candidate == CourseLevel.all_levels:
        return True
    # An all-levels course says little about the student: a beginner course suits them.
    return CourseLevel.all_levels in student_levels and candidate == CourseLevel.beginner


def _topic_text(topic: Category, level: CourseLevel, matched: bool) -> str:
    if not matched:
        return f"Popular in {topic.name}"
    if level == CourseLevel.all_levels:
        return f"Popular in {topic.name}, for all levels"
    return f"Popular in {topic.name} at {_LEVEL_WORDS[level]} level"


class RecommendationService:
    async def for_student(self, ctx: CatalogContext, user: User) -> list[Recommendation]:
        """Up to six courses for the signed-in student, each with its reason."""
        picks = await self._cached_picks(ctx, user)
        courses = await LearningRepository(ctx.session).published_courses(
            [p.course_id for p in picks]
        )
        shown = [p for p in picks if p.course_id in courses][:SHOWN]
        chosen = [courses[p.course_id] for p in shown]
        repository = CourseRepository(ctx.session)
        topics = await repository.topics_of([c.id for c in chosen])
        teams = await repository.teams_of(chosen)
        return [
            Recommendation(
                course=course_card(course, topics.get(course.id, []), teams[course.id]),
                reason=pick.reason,
            )
            for pick, course in zip(shown, chosen, strict=True)
        ]

    async def _cached_picks(self, ctx: CatalogContext, user: User) -> list[_Pick]:
        key = _cache_key(user.id)
        hit = await ctx.cache.get(key)
        if hit is not None:
            return _PICKS.validate_json(hit)
        picks = await self._picks(ctx, user)
        await ctx.cache.set(key, _PICKS.dump_json(picks), CACHE_SECONDS)
        return picks

    async def _picks(self, ctx: CatalogContext, user: User) -> list[_Pick]:
        repository = LearningRepository(ctx.session)
        enrolled = await repository.enrolled_course_ids(user.id)
        exclude = set(enrolled) | await repository.taught_course_ids(user.id)
        if not enrolled:
            return await self._popular(ctx, exclude, "Popular with new learners")
        chosen: dict[uuid.UUID, RecommendationReason] = {}
        peers = await self._co_enrolment(ctx, user.id, enrolled[:SOURCE_COURSES], exclude)
        topical = await self._topical(ctx, enrolled, exclude)
        # Both kinds of reason show when both have something to say; then either fills up.
        for group in (peers[: SHOWN // 2], topical[: SHOWN // 2], peers, topical):
            for pick in group:
                if len(chosen) < KEPT:
                    chosen.setdefault(pick.course_id, pick.reason)
        if len(chosen) < KEPT:
            for pick in await self._popular(ctx, exclude | set(chosen), "Popular on Lectern"):
                if len(chosen) < KEPT:
                    chosen.setdefault(pick.course_id, pick.reason)
        return [_Pick(course_id=course_id, reason=reason) for course_id, reason in chosen.items()]

    async def _co_enrolment(
        self,
        ctx: CatalogContext,
        user_id: uuid.UUID,
        sources: list[uuid.UUID],
        exclude: set[uuid.UUID],
    ) -> list[_Pick]:
        rows = await LearningRepository(ctx.session).co_enrolments(
            user_id, sources, exclude, CANDIDATES
        )
        if not rows:
            return []
        total: dict[uuid.UUID, int] = defaultdict(int)
        best: dict[uuid.UUID, tuple[int, uuid.UUID]] = {}
        order: list[uuid.UUID] = []
        for row in rows:  # most shared first
            if row.course_id not in total:
                order.append(row.course_id)
            total[row.course_id] += row.peers
            if row.course_id not in best or row.peers > best[row.course_id][0]:
                best[row.course_id] = (row.peers, row.source_id)
        titles = await LearningRepository(ctx.session).course_titles(
            list({source for _, source in best.values()})
        )
        ranked = sorted(order, key=lambda course_id: -total[course_id])  # stable: ties keep order
        return [
            _Pick(
                course_id=course_id,
                reason=RecommendationReason(
                    kind=RecommendationKind.because_you_took,
                    text=f"Because you took {titles.get(best[course_id][1], 'a course of yours')}",
                    source_course_id=best[course_id][1],
                ),
            )
            for course_id in ranked
        ]

    async def _topical(
        self, ctx: CatalogContext, enrolled: list[uuid.UUID], exclude: set[uuid.UUID]
    ) -> list[_Pick]:
        repository = LearningRepository(ctx.session)
        levels: dict[uuid.UUID, set[CourseLevel]] = defaultdict(set)
        for topic, level in await repository.topics_and_levels(enrolled):
            levels[topic.id].add(level)
        matches = await repository.popular_in_topics(list(levels), exclude, CANDIDATES)
        at_level: list[_Pick] = []
        others: list[_Pick] = []
        seen: set[uuid.UUID] = set()
        # A course filed under two of the student's topics: its first match at their level
        # wins, else its first match at all.
        for match in sorted(
            matches, key=lambda m: not _level_matches(m.course.level, levels[m.topic.id])
        ):
            if match.course.id in seen:
                continue
            seen.add(match.course.id)
            matched = _level_matches(match.course.level, levels[match.topic.id])
            (at_level if matched else others).append(
                _Pick(
                    course_id=match.course.id,
                    reason=RecommendationReason(
                        kind=RecommendationKind.popular_in_topic,
                        text=_topic_text(match.topic, match.course.level, matched),
                        topic_slug=match.topic.slug,
                    ),
                )
            )
        order = {m.course.id: i for i, m in enumerate(matches)}
        at_level.sort(key=lambda p: order[p.course_id])
        others.sort(key=lambda p: order[p.course_id])
        return at_level + others

    async def _popular(
        self, ctx: CatalogContext, exclude: set[uuid.UUID], text: str
    ) -> list[_Pick]:
        """The most taken courses a newcomer can start, one per topic before any second."""
        candidates = await LearningRepository(ctx.session).popular_for_newcomers(
            exclude, CANDIDATES // 2
        )
        topics = await CourseRepository(ctx.session).topics_of([c.id for c in candidates])
        first_round: list[Course] = []
        second_round: list[Course] = []
        used: set[uuid.UUID] = set()
        for course in candidates:
            topic_ids = {t.id for t in topics.get(course.id, [])}
            if topic_ids and topic_ids <= used:
                second_round.append(course)
            else:
                first_round.append(course)
                used |= topic_ids
        reason = RecommendationReason(kind=RecommendationKind.popular, text=text)
        return [_Pick(course_id=c.id, reason=reason) for c in first_round + second_round]


recommendation_service = RecommendationService()
