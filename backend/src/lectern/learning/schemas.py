from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from lectern.auth.schemas import EmailAddress
from lectern.models import EnrollmentSource


class CourseAccess(enum.StrEnum):
    """How far a viewer's access to a course goes."""

    team = "team"  # its instructors and admins: every lesson, published or not
    enrolled = "enrolled"  # every lesson
    previews = "previews"  # the free previews of a public course only


class EnrollmentGrant(BaseModel):
    email: EmailAddress


class EnrolledStudent(BaseModel):
    user_id: uuid.UUID
    name: str
    email: str
    source: EnrollmentSource
    enrolled_at: datetime


class PositionUpdate(BaseModel):
    position_seconds: Annotated[float, Field(ge=0, le=24 * 3600)]
