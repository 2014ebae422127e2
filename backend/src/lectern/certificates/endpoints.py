"""Certificates of completion: issued on course completion, PDF, public verification."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response

from lectern.auth.dependencies import CurrentUser
from lectern.certificates import service
from lectern.certificates.schemas import CertificateOut, CertificateVerification
from lectern.kit.dependencies import DbSession, SettingsDep, Store

router = APIRouter(tags=["learning"])


@router.get(
    "/me/certificates", operation_id="certificates:mine", response_model=list[CertificateOut]
)
async def my_certificates(session: DbSession, user: CurrentUser) -> list[CertificateOut]:
    """The signed-in student's certificates, the newest first."""
    return await service.certificates_of(session, user.id)


@router.get(
    "/me/certificates/{certificate_id}/pdf",
    operation_id="certificates:pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
)
async def certificate_pdf(
    certificate_id: uuid.UUID,
    session: DbSession,
    store: Store,
    settings: SettingsDep,
    user: CurrentUser,
) -> Response:
    """The certificate as a PDF, for its owner (and admins)."""
    filename, pdf = await service.certificate_pdf(session, store, settings, user, certificate_id)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "private, no-store",
        },
    )


@router.get(
    "/certificates/{code}",
    operation_id="certificates:verify",
    response_model=CertificateVerification,
)
async def verify_certificate(
    code: Annotated[str, Path(max_length=40)], session: DbSession
) -> CertificateVerification:
    """Anyone may check a certificate by its code (any case, dashes optional)."""
    return await service.verify_certificate(session, code)
