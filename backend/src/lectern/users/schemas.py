from __future__ import annotations

import uuid
from datetime import datetime
from functools import cache
from typing import Annotated
from zoneinfo import available_timezones

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from lectern.models import ApplicationStatus, Role, User
from lectern.models import InstructorApplication as InstructorApplicationModel


def avatar_url(user: User) -> str | None:
    return f"/api/{user.avatar_key}" if user.avatar_key else None


class UserSummary(BaseModel):
    id: uuid.UUID
    email: str
    display_name: str
    avatar_url: str | None

    @classmethod
    def of(cls, user: User) -> UserSummary:
        return cls(
            id=user.id,
            email=user.email,
            display_name=user.display_name,
            avatar_url=avatar_url(user),
        )


class InstructorApplication(BaseModel):
    id: uuid.UUID
    status: ApplicationStatus
    motivation: str
    reason: str | None
    created_at: datetime
    decided_at: datetime | None
    user: UserSummary

    @classmethod
    def of(
        cls, application: InstructorApplicationModel, applicant: User | None = None
    ) -> InstructorApplication:
        return cls(
            id=application.id,
            status=application.status,
            motivation=application.motivation,
            reason=application.reason,
            created_at=application.created_at,
            decided_at=application.decided_at,
            user=UserSummary.of(applicant or application.user),
        )


class Me(BaseModel):
    id: uuid.UUID
    email: str
    display_name: str
    bio: str
    timezone: str
    language: str
    avatar_url: str | None
    roles: list[Role]
    email_verified: bool
    pending_email: str | None
    created_at: datetime
    instructor_application: InstructorApplication | None


class AdminUser(BaseModel):
    id: uuid.UUID
    email: str
    display_name: str
    avatar_url: str | None
    roles: list[Role]
    email_verified: bool
    created_at: datetime
    last_sign_in_at: datetime | None

    @classmethod
    def of(cls, user: User) -> AdminUser:
        return cls(
            id=user.id,
            email=user.email,
            display_name=user.display_name,
            avatar_url=avatar_url(user),
            roles=user.role_names,
            email_verified=user.email_verified_at is not None,
            created_at=user.created_at,
            last_sign_in_at=user.last_sign_in_at,
        )


class ProfileUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    display_name: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)] | None
    ) = None
    bio: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None
    timezone: str | None = Field(None, max_length=64, description="IANA name, e.g. Europe/Paris")
    language: (
        Annotated[
            str, StringConstraints(pattern=r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$", max_length=35)
        ]
        | None
    ) = Field(None, description="BCP 47 tag, e.g. en, pt-BR")

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str | None) -> str | None:
        if value is not None and value not in known_time_zones():
            raise ValueError("not a known IANA time zone")
        return value


@cache
def known_time_zones() -> frozenset[str]:
    # Reading the zone database from disk takes milliseconds: once per process is enough.
    return frozenset(available_timezones())


class ApplicationCreate(BaseModel):
    motivation: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=20, max_length=2000)
    ]


class ApplicationRejection(BaseModel):
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]
