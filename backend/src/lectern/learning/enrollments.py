"""Enrolments an admin gives and takes back (purchases and free enrolment come later)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.audit.service import audit_service
from lectern.auth.permissions import require_role
from lectern.catalog.repository import CourseRepository
from lectern.errors import Conflict, NotFound
from lectern.learning.schemas import EnrolledStudent
from lectern.models import Course, Enrollment, EnrollmentSource, Role, User
from lectern.users.repository import UserRepository


class EnrollmentService:
    async def _course(self, session: AsyncSession, admin: User, course_id: uuid.UUID) -> Course:
        require_role(admin, Role.admin)
        course = await CourseRepository(session).get(course_id)
        if course is None:
            raise NotFound("No such course.")
        return course

    async def students(
        self, session: AsyncSession, admin: User, course_id: uuid.UUID
    ) -> list[EnrolledStudent]:
        await self._course(session, admin, course_id)
        rows = await session.execute(
            select(Enrollment, User)
            .join(User, User.id == Enrollment.user_id)
            .where(Enrollment.course_id == course_id)
            .order_by(Enrollment.created_at.desc())
        )
        return [_present(enrollment, user) for enrollment, user in rows.all()]

    async def grant(
        self, session: AsyncSession, admin: User, course_id: uuid.UUID, email: str
    ) -> EnrolledStudent:
        course = await self._course(session, admin, course_id)
        student = await UserRepository(session).by_email_with_roles(email)
        if student is None:
            raise NotFound("Nobody has an account with that email address.", code="no_such_user")
        existing = await session.scalar(
            select(Enrollment).where(
                Enrollment.user_id == student.id, Enrollment.course_id == course.id
            )
        )
        if existing is not None:
            raise Conflict(f"{student.display_name} is already enrolled.", code="already_enrolled")
        enrollment = Enrollment(
            user_id=student.id,
            course_id=course.id,
            source=EnrollmentSource.grant,
            granted_by_id=admin.id,
        )
        session.add(enrollment)
        course.enrollment_count += 1
        await _audit(session, admin, course, "enrollment.granted", student)
        await session.flush()
        return _present(enrollment, student)

    async def revoke(
        self, session: AsyncSession, admin: User, course_id: uuid.UUID, user_id: uuid.UUID
    ) -> None:
        course = await self._course(session, admin, course_id)
        row = (
            await session.execute(
                select(Enrollment, User)
                .join(User, User.id == Enrollment.user_id)
                .where(Enrollment.user_id == user_id, Enrollment.course_id == course.id)
            )
        ).first()
        if row is None:
            raise NotFound("That student is not enrolled in this course.")
        enrollment, student = row
        await session.delete(enrollment)
        course.enrollment_count = max(0, course.enrollment_count - 1)
        await _audit(session, admin, course, "enrollment.revoked", student)


async def _audit(
    session: AsyncSession, admin: User, course: Course, action: str, student: User
) -> None:
    await audit_service.record(
        session,
        actor=admin,
        action=action,
        subject_type="course",
        subject_id=course.id,
        subject_label=course.title,
        data={"student": student.email},
    )


def _present(enrollment: Enrollment, user: User) -> EnrolledStudent:
    return EnrolledStudent(
        user_id=user.id,
        name=user.display_name,
        email=user.email,
        source=enrollment.source,
        enrolled_at=enrollment.created_at,
    )


enrollment_service = EnrollmentService()
