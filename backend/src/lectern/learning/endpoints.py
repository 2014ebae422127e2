from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from lectern.auth.dependencies import CurrentUser
from lectern.kit.dependencies import DbSession
from lectern.learning.enrollments import enrollment_service
from lectern.learning.schemas import EnrolledStudent, EnrollmentGrant

admin_router = APIRouter(prefix="/admin", tags=["admin"])


@admin_router.get(
    "/courses/{course_id}/enrollments",
    operation_id="admin:enrollments",
    response_model=list[EnrolledStudent],
)
async def list_enrollments(
    course_id: uuid.UUID, session: DbSession, user: CurrentUser
) -> list[EnrolledStudent]:
    return await enrollment_service.students(session, user, course_id)


@admin_router.post(
    "/courses/{course_id}/enrollments",
    operation_id="admin:grantEnrollment",
    response_model=EnrolledStudent,
    status_code=status.HTTP_201_CREATED,
)
async def grant_enrollment(
    course_id: uuid.UUID, body: EnrollmentGrant, session: DbSession, user: CurrentUser
) -> EnrolledStudent:
    """Give a student access to a course without a purchase."""
    return await enrollment_service.grant(session, user, course_id, body.email)


@admin_router.delete(
    "/courses/{course_id}/enrollments/{user_id}",
    operation_id="admin:revokeEnrollment",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def revoke_enrollment(
    course_id: uuid.UUID, user_id: uuid.UUID, session: DbSession, user: CurrentUser
) -> None:
    await enrollment_service.revoke(session, user, course_id, user_id)
