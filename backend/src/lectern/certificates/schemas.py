from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field


class CertificateOut(BaseModel):
    """One of the signed-in student's certificates."""

    id: uuid.UUID
    code: str = Field(description="XXXX-XXXX-XXXX, what the public page checks")
    course_id: uuid.UUID
    course_title: str = Field(description="As it was on the day the certificate was issued")
    course_slug: str | None = Field(description="The course's landing, while it is public")
    student_name: str
    instructor_names: list[str]
    issued_at: datetime
    verification_path: str = Field(
        description="The public page that confirms it: /certificates/<code>"
    )
    pdf_url: str = Field(description="The PDF, for its owner")


class CertificateVerification(BaseModel):
    """What anyone holding a code may learn: that it is genuine, and what it says."""

    code: str
    student_name: str
    course_title: str
    course_slug: str | None = Field(description="The course's landing, while it is public")
    instructor_names: list[str]
    issued_at: datetime
