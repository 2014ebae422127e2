from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from lectern.auth.dependencies import CurrentUser
from lectern.catalog.context import CatalogCtx
from lectern.learning.dashboard import dashboard_service
from lectern.learning.dashboard_schemas import LearningDashboard
from lectern.learning.enrollments import enrollment_service
from lectern.learning.recommendation_schemas import Recommendation
from lectern.learning.recommendations import recommendation_service
from lectern.learning.schemas import CourseEnrollment, EnrolledStudent, EnrollmentGrant
from lectern.progress.context import Heartbeats

router = APIRouter(tags=["learning"])
admin_router = APIRouter(prefix="/admin", tags=["admin"])


# --- the student's own ------------------------------------------------------------------


@router.get(
    "/courses/{course_id}/enrollment",
    operation_id="learning:enrollment",
    response_model=CourseEnrollment,
)
async def get_enrollment(
    course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser
) -> CourseEnrollment:
    """The viewer's access to a course (team, enrolled or previews), enrolment and progress."""
    return await enrollment_service.state(ctx, user, course_id)


@router.post(
    "/courses/{course_id}/enrollment",
    operation_id="learning:enroll",
    response_model=CourseEnrollment,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"description": "Already enrolled: the same enrolment", "model": CourseEnrollment},
        402: {"description": "A paid course no subscription covers (code payment_required)"},
    },
)
async def enroll(
    course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser, response: Response
) -> CourseEnrollment:
    """Enrol in a free published or unlisted course in one click, or in a paid one the
    viewer's subscription covers; idempotent."""
    enrollment, created = await enrollment_service.enroll(ctx, user, course_id)
    if not created:
        response.status_code = status.HTTP_200_OK
    return enrollment


@router.delete(
    "/courses/{course_id}/enrollment",
    operation_id="learning:leave",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def leave(course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser) -> None:
    """Leave a course joined for free or by subscription (progress is kept); bought or
    granted ones: 409."""
    await enrollment_service.leave(ctx, user, course_id)


@router.get("/me/learning", operation_id="learning:dashboard", response_model=LearningDashboard)
async def dashboard(
    ctx: CatalogCtx, user: CurrentUser, heartbeats: Heartbeats
) -> LearningDashboard:
    """The signed-in student's courses, progress, where to continue, notes, certificates."""
    return await dashboard_service.for_student(ctx, user, heartbeats)


@router.get(
    "/me/recommendations",
    operation_id="learning:recommendations",
    response_model=list[Recommendation],
)
async def recommendations(ctx: CatalogCtx, user: CurrentUser) -> list[Recommendation]:
    """Up to six courses to take next, each with its reason."""
    return await recommendation_service.for_student(ctx, user)


# --- an admin's -------------------------------------------------------------------------


@admin_router.get(
    "/courses/{course_id}/enrollments",
    operation_id="admin:enrollments",
    response_model=list[EnrolledStudent],
)
async def list_enrollments(
    course_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser
) -> list[EnrolledStudent]:
    return await enrollment_service.students(ctx, user, course_id)


@admin_router.post(
    "/courses/{course_id}/enrollments",
    operation_id="admin:grantEnrollment",
    response_model=EnrolledStudent,
    status_code=status.HTTP_201_CREATED,
)
async def grant_enrollment(
    course_id: uuid.UUID, body: EnrollmentGrant, ctx: CatalogCtx, user: CurrentUser
) -> EnrolledStudent:
    """Give a student access to a course without a purchase."""
    return await enrollment_service.grant(ctx, user, course_id, body.email)


@admin_router.delete(
    "/courses/{course_id}/enrollments/{user_id}",
    operation_id="admin:revokeEnrollment",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def revoke_enrollment(
    course_id: uuid.UUID, user_id: uuid.UUID, ctx: CatalogCtx, user: CurrentUser
) -> None:
    await enrollment_service.revoke(ctx, user, course_id, user_id)
