"""Loading a lesson together with its course (and the course's team, for access checks)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.catalog.repository import CourseRepository, CurriculumRepository
from lectern.errors import NotFound
from lectern.models import Course, Lesson


async def lesson_with_course(session: AsyncSession, lesson_id: uuid.UUID) -> tuple[Lesson, Course]:
    lesson = await CurriculumRepository(session).lesson(lesson_id)
    course = await CourseRepository(session).with_team(lesson.course_id) if lesson else None
    if lesson is None or course is None:
        raise NotFound("No such lesson.")
    return lesson, course
