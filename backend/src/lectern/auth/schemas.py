from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from lectern.auth.passwords import MAX_LENGTH

Password = Annotated[str, Field(min_length=1, max_length=MAX_LENGTH)]
DisplayName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Secret = Annotated[str, Field(min_length=1, max_length=200)]


class Message(BaseModel):
    message: str


class RegisterRequest(BaseModel):
    email: EmailStr
    password: Password
    display_name: DisplayName


class SignInRequest(BaseModel):
    email: EmailStr
    password: Password


class TokenRequest(BaseModel):
    token: Secret


class EmailRequest(BaseModel):
    email: EmailStr


class ResetPasswordRequest(BaseModel):
    token: Secret
    password: Password


class ChangePasswordRequest(BaseModel):
    current_password: Password
    new_password: Password


class ChangeEmailRequest(BaseModel):
    password: Password
    new_email: EmailStr


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
