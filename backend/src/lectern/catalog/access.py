"""Who may change a course. (Who may open a lesson: learning/entitlements.py.)"""

from __future__ import annotations

from lectern.errors import Forbidden, NotFound
from lectern.models import Course, Role, User
from lectern.models.course import CourseStatus

PUBLIC_STATUSES = (CourseStatus.published, CourseStatus.unlisted)


def can_edit(user: User | None, course: Course) -> bool:
    """The owner, the co-instructors (loaded on `course`) and admins."""
    if user is None:
        return False
    return user.has_role(Role.admin) or course.is_taught_by(user.id)


def can_manage(user: User, course: Course) -> bool:
    """Deleting, the team and the visibility: the owner and admins only."""
    return user.has_role(Role.admin) or course.owner_id == user.id


def require_edit(user: User, course: Course) -> None:
    if not can_edit(user, course):
        # Not 403: whether someone else's draft exists is not the caller's business.
        raise NotFound("No such course.")


def require_manage(user: User, course: Course) -> None:
    require_edit(user, course)
    if not can_manage(user, course):
        raise Forbidden("Only the course's owner or an admin can do this.", code="not_owner")
