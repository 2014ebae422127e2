"""Role checks that services call before they act."""

from __future__ import annotations

from lectern.errors import Forbidden
from lectern.models import Role, User


def require_role(user: User, role: Role) -> None:
    if not user.has_role(role):
        raise Forbidden(f"This needs the {role.value} role.")
