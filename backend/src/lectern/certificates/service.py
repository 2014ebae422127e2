"""Certificates of completion: issued once per student and course, verified by code, printed
to PDF on the first download and kept in the file store."""

from __future__ import annotations

import uuid

import anyio.to_thread
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.catalog.access import PUBLIC_STATUSES
from lectern.certificates.codes import new_code, normalise_code
from lectern.certificates.pdf import CertificateFacts, render_certificate
from lectern.certificates.repository import CertificateRepository
from lectern.certificates.schemas import CertificateOut, CertificateVerification
from lectern.config import Settings, get_settings
from lectern.errors import NotFound
from lectern.kit.queue import JobBuffer
from lectern.kit.storage import FileStore
from lectern.models import Certificate, Course, Role, User
from lectern.models.base import utcnow
from lectern.notifications.service import queue_email

# Stored newline-separated: a display name may hold a comma, never a line break.
_NAME_SEPARATOR = "\n"
_CODE_ATTEMPTS = 5


def _not_found() -> NotFound:
    return NotFound("There is no certificate with this code.", code="certificate_not_found")


async def issue_certificate(
    session: AsyncSession,
    user_id: uuid.UUID,
    course_id: uuid.UUID,
    *,
    jobs: JobBuffer | None = None,
    settings: Settings | None = None,
) -> Certificate:
    """The student's certificate for the course, issued now if they have none yet (idempotent,
    safe against a concurrent call). The student's name, the course title and the instructors'
    names are copied, so the certificate reads the same after a rename. Given `jobs`, a newly
    issued certificate is also mailed about once the transaction commits."""
    repository = CertificateRepository(session)
    existing = await repository.of_student(user_id, course_id)
    if existing is not None:
        return existing
    student = await repository.student(user_id)
    course = await repository.course_with_team(course_id)
    if student is None or course is None:
        raise NotFound("No such student or course.")
    team = [course.owner.display_name, *(c.user.display_name for c in course.co_instructors)]
    for _ in range(_CODE_ATTEMPTS):
        await repository.insert_unless_taken(
            {
                "id": uuid.uuid4(),
                "code": new_code(),
                "user_id": user_id,
                "course_id": course_id,
                "issued_at": utcnow(),
                "student_name": student.display_name[:120],
                "course_title": course.title[:120],
                "instructor_names": _NAME_SEPARATOR.join(team)[:300],
            }
        )
        issued = await repository.of_student(user_id, course_id)
        if issued is not None:
            if jobs is not None:
                _mail_certificate(jobs, settings or get_settings(), student, issued)
            return issued
    raise RuntimeError("no free certificate code after several attempts")  # pragma: no cover


def _mail_certificate(
    jobs: JobBuffer, settings: Settings, student: User, certificate: Certificate
) -> None:
    site = settings.public_url.rstrip("/")
    verify = f"{site}/certificates/{certificate.code}"
    queue_email(
        jobs,
        to=student.email,
        subject=f"Your certificate for {certificate.course_title}",
        link=verify,
        text=(
            f"Hello {student.display_name},\n\nCongratulations on completing "
            f"{certificate.course_title}! Your certificate is ready. Download it as a PDF from "
            f"My learning:\n\n{site}/learning\n\nAnyone you show it to can check that it is "
            f"genuine here (certificate no. {certificate.code}):\n\n{verify}\n"
        ),
    )


async def certificate_code_of(
    session: AsyncSession, user_id: uuid.UUID, course_id: uuid.UUID
) -> str | None:
    """The code of the student's certificate for the course, if they have one."""
    return await CertificateRepository(session).code_of(user_id, course_id)


async def certificates_of(session: AsyncSession, user_id: uuid.UUID) -> list[CertificateOut]:
    """Every certificate of the student, the newest first."""
    rows = await CertificateRepository(session).of_student_with_courses(user_id)
    return [_present(certificate, course) for certificate, course in rows]


async def verify_certificate(session: AsyncSession, typed_code: str) -> CertificateVerification:
    """What the public page shows for a code, typed in any case, with or without dashes."""
    code = normalise_code(typed_code)
    found = await CertificateRepository(session).with_course(code=code) if code else None
    if found is None:
        raise _not_found()
    certificate, course = found
    return CertificateVerification(
        code=certificate.code,
        student_name=certificate.student_name,
        course_title=certificate.course_title,
        course_slug=_public_slug(course),
        instructor_names=_names(certificate),
        issued_at=certificate.issued_at,
    )


async def certificate_pdf(
    session: AsyncSession,
    store: FileStore,
    settings: Settings,
    viewer: User,
    certificate_id: uuid.UUID,
) -> tuple[str, bytes]:
    """(file name, PDF) for the certificate's owner or an admin; 404 for anyone else, so a
    certificate's id tells nobody else anything. Rendered on the first download, then kept."""
    found = await CertificateRepository(session).with_course(id=certificate_id)
    if found is None:
        raise _not_found()
    certificate, _ = found
    if certificate.user_id != viewer.id and not viewer.has_role(Role.admin):
        raise _not_found()
    filename = f"lectern-certificate-{certificate.code}.pdf"
    if certificate.pdf_key:
        stored = await store.read(certificate.pdf_key)
        if stored is not None:
            return filename, stored
    facts = CertificateFacts(
        student_name=certificate.student_name,
        course_title=certificate.course_title,
        instructor_names=_names(certificate),
        issued_on=certificate.issued_at.date(),
        code=certificate.code,
        verification_url=f"{settings.public_url.rstrip('/')}/certificates/{certificate.code}",
    )
    pdf = await anyio.to_thread.run_sync(render_certificate, facts)
    key = f"certificates/{certificate.code}.pdf"
    await store.put(key, pdf, content_type="application/pdf")
    certificate.pdf_key = key
    return filename, pdf


def _names(certificate: Certificate) -> list[str]:
    return [n for n in certificate.instructor_names.split(_NAME_SEPARATOR) if n]


def _public_slug(course: Course) -> str | None:
    return course.slug if course.status in PUBLIC_STATUSES else None


def _present(certificate: Certificate, course: Course) -> CertificateOut:
    return CertificateOut(
        id=certificate.id,
        code=certificate.code,
        course_id=certificate.course_id,
        course_title=certificate.course_title,
        course_slug=_public_slug(course),
        student_name=certificate.student_name,
        instructor_names=_names(certificate),
        issued_at=certificate.issued_at,
        verification_path=f"/certificates/{certificate.code}",
        pdf_url=f"/api/me/certificates/{certificate.id}/pdf",
    )
