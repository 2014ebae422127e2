from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile, status

from lectern.auth.dependencies import CurrentUser, OptionalPrincipal
from lectern.catalog.browse import catalog_browser
from lectern.catalog.context import CatalogCtx
from lectern.catalog.schemas import (
    AdminCourse,
    CatalogPage,
    CatalogSort,
    CoInstructorAdd,
    CourseCreate,
    CourseLanding,
    CourseUpdate,
    CurriculumOrder,
    DurationBucket,
    Language,
    LessonContent,
    LessonCreate,
    LessonUpdate,
    PriceFilter,
    Rejection,
    ReviewEvent,
    SectionCreate,
    SectionUpdate,
    SitemapEntry,
    StudioCourse,
    StudioCourseSummary,
    Topic,
    TopicCreate,
    TopicUpdate,
    VisibilityChange,
)
from lectern.catalog.studio import studio_service
from lectern.catalog.topics import topic_service
from lectern.catalog.workflow import course_workflow
from lectern.kit.dependencies import Store
from lectern.kit.images import stored_webp
from lectern.models import CourseLevel, CourseStatus

public_router = APIRouter(prefix="/catalog", tags=["catalog"])
studio_router = APIRouter(prefix="/studio", tags=["studio"])
admin_router = APIRouter(prefix="/admin", tags=["admin"])


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


# --- public catalog -------------------------------------------------------------------


@public_router.get("/courses", operation_id="catalog:list", response_model=CatalogPage)
async def list_courses(
    ctx: CatalogCtx,
    q: Annotated[str | None, Query(max_length=200, description="Words to search for")] = None,
    topic: Annotated[str | None, Query(max_length=100, description="Topic slug")] = None,
    level: Annotated[list[CourseLevel] | None, Query()] = None,
    language: Annotated[list[str] | None, Query(max_length=8)] = None,
    price: PriceFilter | None = None,
    min_rating: Annotated[float | None, Query(ge=0, le=5)] = None,
    duration: Annotated[list[DurationBucket] | None, Query()] = None,
    sort: CatalogSort = CatalogSort.relevance,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=60)] = 24,
) -> Response:
    """Published courses. With `q`, ranked by relevance and highlighted; misspelt words are
    corrected when nothing matches as typed (see `corrected_query`)."""
    return _json(
        await catalog_browser.list_courses(
            ctx,
            q=q,
            topic=topic,
            levels=level or [],
            languages=language or [],
            price=price,
            min_rating=min_rating,
            durations=duration or [],
            sort=sort,
            cursor=cursor,
            limit=limit,
        )
    )


@public_router.get("/courses/{slug}", operation_id="catalog:course", response_model=CourseLanding)
async def read_course(slug: str, ctx: CatalogCtx) -> Response:
    return _json(await catalog_browser.landing(ctx, slug))


@public_router.get(
    "/courses/{slug}/lessons/{lesson_id}",
    operation_id="catalog:lesson",
    response_model=LessonContent,
)
async def read_lesson(
    slug: str, lesson_id: uuid.UUID, ctx: CatalogCtx, principal: OptionalPrincipal
) -> LessonContent:
    viewer = principal.user if principal else None
    return await catalog_browser.lesson(ctx, viewer, slug, lesson_id)


@public_router.get("/topics", operation_id="catalog:topics", response_model=list[Topic])
async def list_topics(ctx: CatalogCtx) -> Response:
    return _json(await catalog_browser.topics(ctx))


@public_router.get("/sitemap", operation_id="catalog:sitemap", response_model=list[SitemapEntry])
async def sitemap(ctx: CatalogCtx) -> Response:
    return _json(await catalog_browser.sitemap(ctx))


@public_router.get("/languages", operation_id="catalog:languages", response_model=list[Language])
async def list_languages(ctx: CatalogCtx) -> list[Language]:
    return await catalog_browser.languages(ctx)


@public_router.get(
    "/covers/{course_id}/{name}",
    operation_id="catalog:cover",
    response_class=Response,
    responses={200: {"content": {"image/webp": {}}}},
)
async def read_cover(course_id: uuid.UUID, name: str, store: Store) -> Response:
    return await stored_webp(store, "covers", course_id, name)


# --- studio ---------------------------------------------------------------------------


@studio_router.get("/courses", operation_id="studio:list", response_model=list[StudioCourseSummary])
async def my_courses(ctx: CatalogCtx, user: CurrentUser) -> list[StudioCourseSummary]:
    return await studio_service.my_courses(ctx, user)


@studio_router.post(
    "/courses",
    operation_id="studio:create",
    status_code=status.HTTP_201_CREATED,
    response_model=StudioCourse,
)
async def create_course(body: CourseCreate, ctx: CatalogCtx, user: CurrentUser) -> StudioCourse:
    return await studio_service.create(ctx, user, body)


@studio_router.get("/courses/{course_id}", operation_id="studio:get", response_model=StudioCourse)
async def read_studio_course(
    course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    return await studio_service.course(ctx, user, course_id)


@studio_router.patch(
    "/courses/{course_id}", operation_id="studio:update", response_model=StudioCourse
)
async def update_course(
    course_id: uuid.UUID, body: CourseUpdate, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    return await studio_service.update(ctx, user, course_id, body)


@studio_router.delete(
    "/courses/{course_id}", operation_id="studio:delete", status_code=status.HTTP_204_NO_CONTENT
)
async def delete_course(course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> None:
    await studio_service.delete(ctx, user, course_id)


@studio_router.post(
    "/courses/{course_id}/duplicate",
    operation_id="studio:duplicate",
    status_code=status.HTTP_201_CREATED,
    response_model=StudioCourse,
)
async def duplicate_course(
    course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    return await studio_service.duplicate(ctx, user, course_id)


@studio_router.get(
    "/courses/{course_id}/preview", operation_id="studio:preview", response_model=CourseLanding
)
async def preview_course(course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> CourseLanding:
    return await studio_service.preview(ctx, user, course_id)


@studio_router.get(
    "/courses/{course_id}/history", operation_id="studio:history", response_model=list[ReviewEvent]
)
async def course_history(
    course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser
) -> list[ReviewEvent]:
    return await studio_service.history(ctx, user, course_id)


@studio_router.put(
    "/courses/{course_id}/cover", operation_id="studio:set_cover", response_model=StudioCourse
)
async def set_cover(
    course_id: uuid.UUID,
    file: Annotated[UploadFile, File(description="JPEG, PNG, WebP or GIF; cropped to 16:9")],
    ctx: CatalogCtx,
    user: CurrentUser,
) -> StudioCourse:
    data = await file.read(ctx.settings.cover_max_bytes + 1)
    return await studio_service.set_cover(ctx, user, course_id, data)


@studio_router.delete(
    "/courses/{course_id}/cover", operation_id="studio:remove_cover", response_model=StudioCourse
)
async def remove_cover(course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> StudioCourse:
    return await studio_service.remove_cover(ctx, user, course_id)


@studio_router.post(
    "/courses/{course_id}/instructors",
    operation_id="studio:add_instructor",
    response_model=StudioCourse,
)
async def add_instructor(
    course_id: uuid.UUID, body: CoInstructorAdd, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    return await studio_service.add_co_instructor(ctx, user, course_id, email=body.email)


@studio_router.delete(
    "/courses/{course_id}/instructors/{user_id}",
    operation_id="studio:remove_instructor",
    response_model=StudioCourse,
)
async def remove_instructor(
    course_id: uuid.UUID, user_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    return await studio_service.remove_co_instructor(ctx, user, course_id, user_id=user_id)


@studio_router.post(
    "/courses/{course_id}/sections", operation_id="studio:add_section", response_model=StudioCourse
)
async def add_section(
    course_id: uuid.UUID, body: SectionCreate, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    return await studio_service.add_section(ctx, user, course_id, title=body.title)


@studio_router.patch(
    "/sections/{section_id}", operation_id="studio:rename_section", response_model=StudioCourse
)
async def rename_section(
    section_id: uuid.UUID, body: SectionUpdate, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    return await studio_service.rename_section(ctx, user, section_id, title=body.title)


@studio_router.delete(
    "/sections/{section_id}", operation_id="studio:delete_section", response_model=StudioCourse
)
async def delete_section(section_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> StudioCourse:
    return await studio_service.delete_section(ctx, user, section_id)


@studio_router.post(
    "/sections/{section_id}/lessons", operation_id="studio:add_lesson", response_model=StudioCourse
)
async def add_lesson(
    section_id: uuid.UUID, body: LessonCreate, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    return await studio_service.add_lesson(ctx, user, section_id, body)


@studio_router.patch(
    "/lessons/{lesson_id}", operation_id="studio:update_lesson", response_model=StudioCourse
)
async def update_lesson(
    lesson_id: uuid.UUID, body: LessonUpdate, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    return await studio_service.update_lesson(ctx, user, lesson_id, body)


@studio_router.delete(
    "/lessons/{lesson_id}", operation_id="studio:delete_lesson", response_model=StudioCourse
)
async def delete_lesson(lesson_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> StudioCourse:
    return await studio_service.delete_lesson(ctx, user, lesson_id)


@studio_router.put(
    "/courses/{course_id}/curriculum", operation_id="studio:reorder", response_model=StudioCourse
)
async def reorder_curriculum(
    course_id: uuid.UUID, body: CurriculumOrder, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    return await studio_service.reorder(ctx, user, course_id, body)


@studio_router.post(
    "/courses/{course_id}/submit", operation_id="studio:submit", response_model=StudioCourse
)
async def submit_course(course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> StudioCourse:
    await course_workflow.submit(ctx, user, course_id)
    return await studio_service.course(ctx, user, course_id)


@studio_router.post(
    "/courses/{course_id}/withdraw", operation_id="studio:withdraw", response_model=StudioCourse
)
async def withdraw_course(course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> StudioCourse:
    await course_workflow.withdraw(ctx, user, course_id)
    return await studio_service.course(ctx, user, course_id)


@studio_router.put(
    "/courses/{course_id}/visibility",
    operation_id="studio:set_visibility",
    response_model=StudioCourse,
)
async def set_visibility(
    course_id: uuid.UUID, body: VisibilityChange, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    await course_workflow.set_visibility(ctx, user, course_id, body.status)
    return await studio_service.course(ctx, user, course_id)


# --- moderation -----------------------------------------------------------------------


@admin_router.get("/reviews", operation_id="admin:review_queue", response_model=list[AdminCourse])
async def review_queue(ctx: CatalogCtx, user: CurrentUser) -> list[AdminCourse]:
    return await course_workflow.review_queue(ctx, user)


@admin_router.get("/courses", operation_id="admin:list_courses", response_model=list[AdminCourse])
async def admin_courses(
    ctx: CatalogCtx,
    user: CurrentUser,
    status: CourseStatus | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> list[AdminCourse]:
    return await course_workflow.admin_courses(ctx, user, status=status, query=q)


@admin_router.post(
    "/courses/{course_id}/approve", operation_id="admin:approve_course", response_model=StudioCourse
)
async def approve_course(course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> StudioCourse:
    await course_workflow.approve(ctx, user, course_id)
    return await studio_service.course(ctx, user, course_id)


@admin_router.post(
    "/courses/{course_id}/reject", operation_id="admin:reject_course", response_model=StudioCourse
)
async def reject_course(
    course_id: uuid.UUID, body: Rejection, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    await course_workflow.reject(ctx, user, course_id, reason=body.reason)
    return await studio_service.course(ctx, user, course_id)


@admin_router.post(
    "/courses/{course_id}/unpublish",
    operation_id="admin:unpublish_course",
    response_model=StudioCourse,
)
async def unpublish_course(
    course_id: uuid.UUID, body: Rejection, ctx: CatalogCtx, user: CurrentUser
) -> StudioCourse:
    await course_workflow.unpublish(ctx, user, course_id, reason=body.reason)
    return await studio_service.course(ctx, user, course_id)


@admin_router.post(
    "/topics",
    operation_id="admin:create_topic",
    status_code=status.HTTP_201_CREATED,
    response_model=Topic,
)
async def create_topic(body: TopicCreate, ctx: CatalogCtx, user: CurrentUser) -> Topic:
    return await topic_service.create(ctx, user, body)


@admin_router.patch("/topics/{topic_id}", operation_id="admin:update_topic", response_model=Topic)
async def update_topic(
    topic_id: uuid.UUID, body: TopicUpdate, ctx: CatalogCtx, user: CurrentUser
) -> Topic:
    return await topic_service.update(ctx, user, topic_id, body)


@admin_router.delete(
    "/topics/{topic_id}", operation_id="admin:delete_topic", status_code=status.HTTP_204_NO_CONTENT
)
async def delete_topic(topic_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> None:
    await topic_service.delete(ctx, user, topic_id)
