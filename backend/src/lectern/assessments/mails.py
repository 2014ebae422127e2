"""Mail about grades: sent by a job once the transaction that released them has committed."""

from __future__ import annotations

from lectern.config import Settings
from lectern.kit.queue import JobBuffer
from lectern.models import Course, Lesson, User
from lectern.notifications.service import queue_email


def _points(value: float) -> str:
    return f"{value:g}"


def mail_grade_released(
    jobs: JobBuffer,
    settings: Settings,
    *,
    student: User,
    course: Course,
    lesson: Lesson,
    points: float,
    max_points: float,
    updated: bool = False,
) -> None:
    site = settings.public_url.rstrip("/")
    link = f"{site}/courses/{course.slug}/lessons/{lesson.id}"
    what = "was updated" if updated else "is ready"
    queue_email(
        jobs,
        to=student.email,
        subject=f"Your grade for {lesson.title} {what}",
        link=link,
        text=(
            f"Hello {student.display_name},\n\nYour grade for “{lesson.title}” in "
            f"{course.title} {what}: {_points(points)} of {_points(max_points)} points.\n\n"
            f"Read the feedback here:\n\n{link}\n\nAll your grades in the course are on "
            f"{site}/learning/grades/{course.id}\n"
        ),
    )
