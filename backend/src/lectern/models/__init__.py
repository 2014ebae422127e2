"""Every table, imported here so Alembic and the mappers see them all."""

from lectern.models.action_token import ActionToken, TokenPurpose
from lectern.models.api_token import ApiToken
from lectern.models.base import Base
from lectern.models.instructor_application import ApplicationStatus, InstructorApplication
from lectern.models.user import Role, User, UserRole
from lectern.models.user_session import UserSession

__all__ = [
    "ActionToken",
    "ApiToken",
    "ApplicationStatus",
    "Base",
    "InstructorApplication",
    "Role",
    "TokenPurpose",
    "User",
    "UserRole",
    "UserSession",
]
