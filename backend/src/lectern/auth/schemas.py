from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema

from lectern.auth.passwords import MAX_LENGTH


def _deliverable_shape(value: str) -> str:
    # test_environment admits the reserved .test domain (the demo school's accounts) and skips
    # DNS; the syntax rules stay the same as pydantic's EmailStr.
    try:
        return validate_email(value, check_deliverability=False, test_environment=True).normalized
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from exc


EmailAddress = Annotated[
    str,
    Field(max_length=320),
    AfterValidator(_deliverable_shape),
    WithJsonSchema({"type": "string", "format": "email"}),
]
Password = Annotated[str, Field(min_length=1, max_length=MAX_LENGTH)]
DisplayName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Secret = Annotated[str, Field(min_length=1, max_length=200)]


class Message(BaseModel):
    message: str


class RegisterRequest(BaseModel):
    email: EmailAddress
    password: Password
    display_name: DisplayName


class SignInRequest(BaseModel):
    email: EmailAddress
    password: Password


class TokenRequest(BaseModel):
    token: Secret


class EmailRequest(BaseModel):
    email: EmailAddress


class ResetPasswordRequest(BaseModel):
    token: Secret
    password: Password


class ChangePasswordRequest(BaseModel):
    current_password: Password
    new_password: Password


class ChangeEmailRequest(BaseModel):
    password: Password
    new_email: EmailAddress


class SessionInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    ip: str | None
    user_agent: str | None
    current: bool = False


class ApiTokenCreate(BaseModel):
    name: DisplayName
    expires_in_days: int | None = Field(None, ge=1, le=3650)


class ApiTokenInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None


class ApiTokenCreated(ApiTokenInfo):
    token: str = Field(description="The secret. Shown this once; keep it somewhere safe.")
