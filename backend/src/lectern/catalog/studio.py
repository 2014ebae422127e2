"""The instructor studio: courses, their curriculum, cover and team."""

from __future__ import annotations

import math
import uuid

from lectern.assessments.cleanup import forget_lesson_work
from lectern.assessments.copying import copy_course_work
from lectern.audit.service import audit_service
from lectern.catalog.access import PUBLIC_STATUSES, can_manage, require_edit, require_manage
from lectern.catalog.context import CatalogContext
from lectern.catalog.covers import make_cover
from lectern.catalog.presenters import (
    course_landing,
    instructor_ref,
    studio_course,
    studio_summary,
)
from lectern.catalog.repository import CategoryRepository, CourseRepository, CurriculumRepository
from lectern.catalog.schemas import (
    CourseCreate,
    CourseLanding,
    CourseUpdate,
    CurriculumOrder,
    LessonCreate,
    LessonUpdate,
    ReviewEvent,
    StudioCourse,
    StudioCourseSummary,
)
from lectern.catalog.search import reindex_course
from lectern.catalog.slugs import first_free, slugify
from lectern.errors import Conflict, Forbidden, Invalid, NotFound
from lectern.media.videos import forget_lesson_media
from lectern.models import (
    Course,
    CourseInstructor,
    CourseStatus,
    Lesson,
    LessonKind,
    Role,
    Section,
    User,
)
from lectern.models.base import utcnow
from lectern.users.service import users_service

READING_WORDS_PER_MINUTE = 200


def reading_seconds(markdown: str) -> int:
    words = len(markdown.split())
    return 0 if words == 0 else max(60, math.ceil(words / READING_WORDS_PER_MINUTE) * 60)


class StudioService:
    # --- reading ----------------------------------------------------------------------

    async def my_courses(self, ctx: CatalogContext, actor: User) -> list[StudioCourseSummary]:
        """The courses the person owns or co-teaches, last edited first."""
        self._require_teacher(actor)
        courses = await CourseRepository(ctx.session).taught_by(actor.id)
        return [studio_summary(c) for c in courses]

    async def course(self, ctx: CatalogContext, actor: User, course_id: uuid.UUID) -> StudioCourse:
        course = await self._editable(ctx, actor, course_id)
        return await self._present(ctx, actor, course)

    async def preview(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID
    ) -> CourseLanding:
        """The landing page as a student will see it, whatever the course's status."""
        course = await self._editable(ctx, actor, course_id)
        return course_landing(course, await CurriculumRepository(ctx.session).sections(course.id))

    async def history(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID
    ) -> list[ReviewEvent]:
        course = await self._editable(ctx, actor, course_id)
        events = await audit_service.history_of(ctx.session, course.id)
        return [
            ReviewEvent(
                action=e.action,
                reason=e.reason,
                actor=instructor_ref(e.actor) if e.actor else None,
                created_at=e.created_at,
            )
            for e in events
        ]

    # --- the course -------------------------------------------------------------------

    async def create(self, ctx: CatalogContext, actor: User, body: CourseCreate) -> StudioCourse:
        self._require_teacher(actor)
        courses = CourseRepository(ctx.session)
        stem = slugify(body.title)
        course = Course(
            title=body.title,
            slug=first_free(stem, await courses.slugs_like(stem)),
            owner_id=actor.id,
            tags=[],
            outcomes=[],
            requirements=[],
        )
        await courses.add(course)
        await reindex_course(ctx.session, course)
        return await self.course(ctx, actor, course.id)

    async def update(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID, changes: CourseUpdate
    ) -> StudioCourse:
        course = await self._editable(ctx, actor, course_id, for_change=True)
        fields = changes.model_dump(exclude_unset=True)
        for name in (
            "title",
            "subtitle",
            "description",
            "language",
            "level",
            "currency",
            "time_zone",
        ):
            if name in fields:
                setattr(course, name, fields[name])
        for name in ("tags", "outcomes", "requirements"):
            if name in fields:
                setattr(course, name, fields[name] or [])
        if "price_amount" in fields:
            course.price_amount = fields["price_amount"] or None
        if "slug" in fields and fields["slug"] != course.slug:
            if await CourseRepository(ctx.session).slug_taken(fields["slug"], other_than=course.id):
                raise Conflict(
                    f"The address /courses/{fields['slug']} is taken by another course.",
                    code="slug_taken",
                    details={"errors": [{"field": "slug", "message": "Already taken."}]},
                )
            course.slug = fields["slug"]
        if "topic_ids" in fields:
            await self._set_topics(ctx, course, fields["topic_ids"] or [])
        await self._touched(ctx, course, searchable=True)
        return await self.course(ctx, actor, course.id)

    async def _set_topics(
        self, ctx: CatalogContext, course: Course, topic_ids: list[uuid.UUID]
    ) -> None:
        categories = CategoryRepository(ctx.session)
        found = [await categories.get(t) for t in dict.fromkeys(topic_ids)]
        if any(t is None for t in found):
            raise Invalid(
                "One of the topics doesn't exist.",
                code="unknown_topic",
                details={"errors": [{"field": "topic_ids", "message": "Unknown topic."}]},
            )
        course.topics = [t for t in found if t is not None]

    async def delete(self, ctx: CatalogContext, actor: User, course_id: uuid.UUID) -> None:
        course = await self._editable(ctx, actor, course_id)
        require_manage(actor, course)
        if course.first_published_at is not None:
            raise Conflict(
                "A course that was ever published may have students: archive it instead.",
                code="course_was_published",
            )
        cover = course.cover_key
        await self._forget_lessons(
            ctx, await CurriculumRepository(ctx.session).lesson_ids(course.id)
        )
        await CourseRepository(ctx.session).delete(course)
        if cover:
            self._drop_file_after_commit(ctx, cover)

    async def duplicate(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID
    ) -> StudioCourse:
        """A new draft owned by the person asking, with the same details and curriculum."""
        self._require_teacher(actor)
        source = await self._editable(ctx, actor, course_id)
        courses = CourseRepository(ctx.session)
        title = f"{source.title} (copy)"[:120]
        stem = slugify(title)
        copy = Course(
            title=title,
            slug=first_free(stem, await courses.slugs_like(stem)),
            subtitle=source.subtitle,
            description=source.description,
            language=source.language,
            level=source.level,
            tags=list(source.tags),
            outcomes=list(source.outcomes),
            requirements=list(source.requirements),
            cover_key=None,
            price_amount=source.price_amount,
            currency=source.currency,
            owner_id=actor.id,
            lesson_count=source.lesson_count,
            duration_seconds=source.duration_seconds,
        )
        copy.topics = list(source.topics)
        await courses.add(copy)
        copied: dict[uuid.UUID, uuid.UUID] = {}
        for section in await CurriculumRepository(ctx.session).sections(source.id):
            new_section = Section(course_id=copy.id, title=section.title, position=section.position)
            ctx.session.add(new_section)
            await ctx.session.flush()
            for lesson in section.lessons:
                copied[lesson.id] = uuid.uuid4()
                ctx.session.add(
                    Lesson(
                        id=copied[lesson.id],
                        course_id=copy.id,
                        section_id=new_section.id,
                        title=lesson.title,
                        kind=lesson.kind,
                        position=lesson.position,
                        is_preview=lesson.is_preview,
                        body=lesson.body,
                        # Videos are not copied: their lessons start without a video.
                        duration_seconds=0
                        if lesson.kind == LessonKind.video
                        else lesson.duration_seconds,
                    )
                )
        await ctx.session.flush()
        # Quizzes keep their questions and banks, assignments their rubrics; no student's work.
        await copy_course_work(ctx.session, ctx.store, source.id, copy.id, copied)
        await self._refresh_totals(ctx, copy)
        await reindex_course(ctx.session, copy)
        return await self.course(ctx, actor, copy.id)

    async def set_cover(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID, data: bytes
    ) -> StudioCourse:
        course = await self._editable(ctx, actor, course_id, for_change=True)
        key, webp = await make_cover(course.id, data, max_bytes=ctx.settings.cover_max_bytes)
        await ctx.store.put(key, webp)
        old = course.cover_key
        course.cover_key = key
        if old and old != key:
            self._drop_file_after_commit(ctx, old)
        await self._touched(ctx, course)
        return await self.course(ctx, actor, course.id)

    async def remove_cover(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID
    ) -> StudioCourse:
        course = await self._editable(ctx, actor, course_id, for_change=True)
        if course.cover_key:
            self._drop_file_after_commit(ctx, course.cover_key)
            course.cover_key = None
            await self._touched(ctx, course)
        return await self.course(ctx, actor, course.id)

    # --- the team ---------------------------------------------------------------------

    async def add_co_instructor(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID, *, email: str
    ) -> StudioCourse:
        course = await self._editable(ctx, actor, course_id)
        require_manage(actor, course)
        user = await users_service.instructor_by_email(ctx.session, email)
        if user is None:
            raise NotFound(
                "No instructor has this email address. They need the instructor role first.",
                code="instructor_not_found",
            )
        if course.is_taught_by(user.id):
            raise Conflict("This person already teaches the course.", code="already_on_team")
        course.co_instructors.append(CourseInstructor(course_id=course.id, user_id=user.id))
        await self._touched(ctx, course)
        return await self.course(ctx, actor, course.id)

    async def remove_co_instructor(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID, *, user_id: uuid.UUID
    ) -> StudioCourse:
        course = await self._editable(ctx, actor, course_id)
        # A co-instructor may leave on their own; removing others is the owner's call.
        if user_id != actor.id:
            require_manage(actor, course)
        member = next((c for c in course.co_instructors if c.user_id == user_id), None)
        if member is None:
            raise NotFound("This person is not a co-instructor of the course.")
        course.co_instructors.remove(member)
        await self._touched(ctx, course)
        if user_id == actor.id and not can_manage(actor, course):
            return await self._present(ctx, actor, course, viewer_left=True)
        return await self.course(ctx, actor, course.id)

    # --- the curriculum ---------------------------------------------------------------

    async def add_section(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID, *, title: str
    ) -> StudioCourse:
        course = await self._editable(ctx, actor, course_id, for_change=True)
        curriculum = CurriculumRepository(ctx.session)
        ctx.session.add(
            Section(
                course_id=course.id,
                title=title,
                position=await curriculum.next_section_position(course.id),
            )
        )
        await ctx.session.flush()
        await self._touched(ctx, course)
        return await self.course(ctx, actor, course.id)

    async def rename_section(
        self, ctx: CatalogContext, actor: User, section_id: uuid.UUID, *, title: str
    ) -> StudioCourse:
        section, course = await self._section(ctx, actor, section_id)
        section.title = title
        await self._touched(ctx, course)
        return await self.course(ctx, actor, course.id)

    async def delete_section(
        self, ctx: CatalogContext, actor: User, section_id: uuid.UUID
    ) -> StudioCourse:
        section, course = await self._section(ctx, actor, section_id)
        await self._forget_lessons(
            ctx, await CurriculumRepository(ctx.session).lesson_ids(course.id, section.id)
        )
        await ctx.session.delete(section)
        await ctx.session.flush()
        await self._refresh_totals(ctx, course)
        await self._touched(ctx, course, searchable=True)
        return await self.course(ctx, actor, course.id)

    async def add_lesson(
        self, ctx: CatalogContext, actor: User, section_id: uuid.UUID, body: LessonCreate
    ) -> StudioCourse:
        section, course = await self._section(ctx, actor, section_id)
        ctx.session.add(
            Lesson(
                course_id=course.id,
                section_id=section.id,
                title=body.title,
                kind=body.kind,
                position=await CurriculumRepository(ctx.session).next_lesson_position(section.id),
            )
        )
        await ctx.session.flush()
        await self._refresh_totals(ctx, course)
        await self._touched(ctx, course, searchable=True)
        return await self.course(ctx, actor, course.id)

    async def update_lesson(
        self, ctx: CatalogContext, actor: User, lesson_id: uuid.UUID, changes: LessonUpdate
    ) -> StudioCourse:
        lesson, course = await self._lesson(ctx, actor, lesson_id)
        fields = changes.model_dump(exclude_unset=True)
        if "title" in fields:
            lesson.title = fields["title"]
        if "is_preview" in fields:
            lesson.is_preview = fields["is_preview"]
        if "body" in fields:
            lesson.body = fields["body"]
            if lesson.kind == LessonKind.article:
                lesson.duration_seconds = reading_seconds(lesson.body)
        await ctx.session.flush()
        await self._refresh_totals(ctx, course)
        await self._touched(ctx, course, searchable="title" in fields)
        return await self.course(ctx, actor, course.id)

    async def delete_lesson(
        self, ctx: CatalogContext, actor: User, lesson_id: uuid.UUID
    ) -> StudioCourse:
        lesson, course = await self._lesson(ctx, actor, lesson_id)
        await self._forget_lessons(ctx, [lesson.id])
        await ctx.session.delete(lesson)
        await ctx.session.flush()
        await self._refresh_totals(ctx, course)
        await self._touched(ctx, course, searchable=True)
        return await self.course(ctx, actor, course.id)

    async def reorder(
        self, ctx: CatalogContext, actor: User, course_id: uuid.UUID, order: CurriculumOrder
    ) -> StudioCourse:
        """Put every section and lesson where `order` says: reordering and moving in one."""
        course = await self._editable(ctx, actor, course_id, for_change=True)
        sections = await CurriculumRepository(ctx.session).sections(course.id)
        by_section = {s.id: s for s in sections}
        by_lesson = {lesson.id: lesson for s in sections for lesson in s.lessons}
        listed_sections = [s.id for s in order.sections]
        listed_lessons = [lid for s in order.sections for lid in s.lesson_ids]
        if sorted(map(str, listed_sections)) != sorted(map(str, by_section)) or sorted(
            map(str, listed_lessons)
        ) != sorted(map(str, by_lesson)):
            raise Conflict(
                "The curriculum changed in another window: reload it, then move things again.",
                code="curriculum_changed",
            )
        for position, section_order in enumerate(order.sections):
            section = by_section[section_order.id]
            section.position = position
            for lesson_position, lesson_id in enumerate(section_order.lesson_ids):
                lesson = by_lesson[lesson_id]
                lesson.section_id = section.id
                lesson.position = lesson_position
        await ctx.session.flush()
        await self._touched(ctx, course, searchable=True)
        return await self.course(ctx, actor, course.id)

    # --- helpers ----------------------------------------------------------------------

    def _require_teacher(self, actor: User) -> None:
        if not (actor.has_role(Role.instructor) or actor.has_role(Role.admin)):
            raise Forbidden(
                "Only instructors can create courses: apply to teach from your account.",
                code="not_instructor",
            )

    async def _editable(
        self,
        ctx: CatalogContext,
        actor: User,
        course_id: uuid.UUID,
        *,
        for_change: bool = False,
    ) -> Course:
        course = await CourseRepository(ctx.session).with_team(course_id)
        if course is None:
            raise NotFound("No such course.")
        require_edit(actor, course)
        if for_change and course.status == CourseStatus.in_review:
            raise Conflict(
                "The course is waiting for review: withdraw it to make changes.",
                code="course_in_review",
            )
        return course

    async def _section(
        self, ctx: CatalogContext, actor: User, section_id: uuid.UUID
    ) -> tuple[Section, Course]:
        section = await CurriculumRepository(ctx.session).section(section_id)
        if section is None:
            raise NotFound("No such section.")
        return section, await self._editable(ctx, actor, section.course_id, for_change=True)

    async def _lesson(
        self, ctx: CatalogContext, actor: User, lesson_id: uuid.UUID
    ) -> tuple[Lesson, Course]:
        lesson = await CurriculumRepository(ctx.session).lesson(lesson_id)
        if lesson is None:
            raise NotFound("No such lesson.")
        return lesson, await self._editable(ctx, actor, lesson.course_id, for_change=True)

    async def _refresh_totals(self, ctx: CatalogContext, course: Course) -> None:
        course.lesson_count, course.duration_seconds = await CurriculumRepository(
            ctx.session
        ).totals(course.id)

    async def _touched(
        self, ctx: CatalogContext, course: Course, *, searchable: bool = False
    ) -> None:
        """After any edit: a rejected course is a draft again; public pages are refreshed."""
        if course.status == CourseStatus.rejected:
            course.status = CourseStatus.draft
        course.updated_at = utcnow()
        await ctx.session.flush()
        if searchable:
            await reindex_course(ctx.session, course)
        if course.status in PUBLIC_STATUSES:
            ctx.catalog_changed()

    async def _present(
        self, ctx: CatalogContext, actor: User, course: Course, *, viewer_left: bool = False
    ) -> StudioCourse:
        sections = await CurriculumRepository(ctx.session).sections(course.id)
        return studio_course(
            course, sections, can_manage=not viewer_left and can_manage(actor, course)
        )

    async def _forget_lessons(self, ctx: CatalogContext, lesson_ids: list[uuid.UUID]) -> None:
        """Files of lessons about to be deleted: videos, handed-in work, question pictures."""
        await forget_lesson_media(ctx, lesson_ids)
        await forget_lesson_work(ctx.session, ctx.jobs, ctx.store, lesson_ids)

    def _drop_file_after_commit(self, ctx: CatalogContext, key: str) -> None:
        store = ctx.store

        async def drop() -> None:
            await store.delete(key)

        ctx.jobs.after_commit(drop)


studio_service = StudioService()
