from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, CreatedMixin, IdMixin


class TokenPurpose(enum.StrEnum):
    verify_email = "verify_email"
    change_email = "change_email"
    reset_password = "reset_password"  # noqa: S105 - a purpose name


class ActionToken(IdMixin, CreatedMixin, Base):
    """A single-use link sent by mail (verify, change email, reset password)."""

    __tablename__ = "action_tokens"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[TokenPurpose] = mapped_column(
        Enum(TokenPurpose, native_enum=False, length=20, validate_strings=True)
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The address the link was sent to: for change_email, the new address to switch to.
    email: Mapped[str] = mapped_column(String(320))
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
