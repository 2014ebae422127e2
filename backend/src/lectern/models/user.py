from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lectern.models.base import Base, CreatedMixin, IdMixin, utcnow


class Role(enum.StrEnum):
    student = "student"
    instructor = "instructor"
    admin = "admin"


class User(IdMixin, CreatedMixin, Base):
    __tablename__ = "users"

    # Stored lower-cased: one account per address whatever the capitals.
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(80))
    bio: Mapped[str] = mapped_column(Text, default="")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    language: Mapped[str] = mapped_column(String(35), default="en")
    avatar_key: Mapped[str | None] = mapped_column(String(200))
    email_verified_at: Mapped[datetime | None]
    last_sign_in_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user",
        lazy="raise",
        cascade="all, delete-orphan",
        foreign_keys="UserRole.user_id",
    )

    @property
    def role_names(self) -> list[Role]:
        return sorted((r.role for r in self.roles), key=list(Role).index)

    def has_role(self, role: Role) -> bool:
        return any(r.role == role for r in self.roles)


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[Role] = mapped_column(
        Enum(Role, native_enum=False, length=20, validate_strings=True), primary_key=True
    )
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)
    granted_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    user: Mapped[User] = relationship(back_populates="roles", lazy="raise", foreign_keys=[user_id])
