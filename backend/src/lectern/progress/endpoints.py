"""Progress: watched intervals, heartbeats, lesson/section/course completion, watch time."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from lectern.auth.dependencies import CurrentUser, CurrentViewer
from lectern.models import LessonCompletion
from lectern.progress import service
from lectern.progress.context import ProgressCtx
from lectern.progress.heartbeats import receive_heartbeat
from lectern.progress.schemas import CompletionMark, CourseProgress, Heartbeat

router = APIRouter(tags=["learning"])


@router.post(
    "/lessons/{lesson_id}/heartbeat",
    operation_id="progress:heartbeat",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def heartbeat(
    lesson_id: uuid.UUID, body: Heartbeat, ctx: ProgressCtx, viewer: CurrentViewer
) -> None:
    """What the player played since the page opened and where it is now (every ~15 s, and
    on pause, seek and leaving). Buffered: it reaches the progress figures within a second
    or two; the resume position at once."""
    await receive_heartbeat(ctx, viewer, lesson_id, body)


@router.get(
    "/courses/{course_id}/progress",
    operation_id="progress:course",
    response_model=CourseProgress,
)
async def course_progress(
    course_id: uuid.UUID, ctx: ProgressCtx, user: CurrentUser
) -> CourseProgress:
    """The signed-in student's own progress in the course."""
    return await service.progress_in_course(ctx.session, ctx.heartbeats, user, course_id)


@router.put(
    "/lessons/{lesson_id}/completion",
    operation_id="progress:completeLesson",
    response_model=CourseProgress,
)
async def complete_lesson(
    lesson_id: uuid.UUID, body: CompletionMark, ctx: ProgressCtx, user: CurrentUser
) -> CourseProgress:
    """An article read to its end or marked done (also a video lesson whose video is not
    ready). Videos, quizzes and assignments complete by their own rule."""
    return await service.mark_lesson_complete(ctx, user, lesson_id, LessonCompletion(body.by))


@router.delete(
    "/lessons/{lesson_id}/completion",
    operation_id="progress:reopenLesson",
    response_model=CourseProgress,
)
async def reopen_lesson(
    lesson_id: uuid.UUID, ctx: ProgressCtx, user: CurrentUser
) -> CourseProgress:
    """Take back a "read" or "marked" completion."""
    return await service.reopen_lesson(ctx.session, ctx.heartbeats, user, lesson_id)
