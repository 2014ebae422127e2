"""The student's dashboard ("My learning"): their courses with progress, where to continue,
the week's watching, recent notes, certificates, deadlines coming up and new grades, in one
response.

Read for all of a student's courses at once: the number of statements does not grow with the
number of courses (docs/performance.md, "Learning"). Progress, watch time, notes and
certificates come from their own domains' services.
"""

from __future__ import annotations

import uuid

from lectern.assessments.gradebook import agenda
from lectern.catalog.context import CatalogContext
from lectern.catalog.presenters import course_card
from lectern.catalog.repository import CourseRepository
from lectern.certificates import service as certificates_service
from lectern.learning.dashboard_schemas import (
    ContinueWatching,
    DashboardCourse,
    LearningDashboard,
)
from lectern.learning.enrollments import continue_lesson
from lectern.learning.repository import LearningRepository
from lectern.media.videos import poster_urls
from lectern.models import User
from lectern.notes import service as notes_service
from lectern.progress import service as progress_service
from lectern.progress.buffer import HeartbeatBuffer
from lectern.progress.schemas import ProgressSummary, ResumePoint

CONTINUE_WATCHING = 4
RECENT_NOTES = 5


class DashboardService:
    async def for_student(
        self, ctx: CatalogContext, user: User, heartbeats: HeartbeatBuffer | None = None
    ) -> LearningDashboard:
        """Everything "My learning" shows, for the signed-in student only; ``heartbeats``
        adds the positions of the last seconds' watching, not written to the database yet."""
        session = ctx.session
        repository = LearningRepository(session)
        rows = await repository.enrolled_courses(user.id)
        courses = [course for _, course in rows]
        course_ids = [course.id for course in courses]
        catalog = CourseRepository(session)
        topics = await catalog.topics_of(course_ids) if courses else {}
        teams = await catalog.teams_of(courses) if courses else {}
        progress = (
            await progress_service.course_progress(session, user.id, course_ids) if courses else {}
        )
        last = await repository.lesson_states(
            user.id, [e.last_lesson_id for e, _ in rows if e.last_lesson_id]
        )
        first_open = await repository.first_open_lessons(user.id, course_ids)
        certificates = await certificates_service.certificates_of(session, user.id)
        codes = {certificate.course_id: certificate.code for certificate in certificates}

        dashboard_courses = []
        for enrollment, course in rows:
            last_lesson = last.get(enrollment.last_lesson_id) if enrollment.last_lesson_id else None
            first = first_open.get(course.id)
            dashboard_courses.append(
                DashboardCourse(
                    course=course_card(course, topics.get(course.id, []), teams[course.id]),
                    progress=progress.get(course.id)
                    or ProgressSummary(
                        completed_lessons=0, total_lessons=course.lesson_count, percent=0
                    ),
                    enrolled_at=enrollment.created_at,
                    last_activity_at=enrollment.last_activity_at,
                    completed_at=enrollment.completed_at,
                    last_lesson=last_lesson.lesson if last_lesson else None,
                    next_lesson=first.lesson if first and not first.completed else None,
                    continue_lesson=continue_lesson(last_lesson, first),
                    certificate_code=codes.get(course.id),
                )
            )
        # Asked for more than shown: a lesson of a course the student has left is dropped.
        points = await progress_service.resume_points(
            session, user.id, limit=2 * CONTINUE_WATCHING, heartbeats=heartbeats
        )
        deadlines, new_grades = await agenda(session, user.id, course_ids)
        return LearningDashboard(
            courses=dashboard_courses,
            continue_watching=await self._continue_watching(ctx, user, points, set(course_ids)),
            week=await progress_service.watch_week(session, user),
            recent_notes=await notes_service.recent_notes(session, user.id, limit=RECENT_NOTES),
            certificates=certificates,
            deadlines=deadlines,
            new_grades=new_grades,
            time_zone=user.timezone,
        )

    async def _continue_watching(
        self,
        ctx: CatalogContext,
        user: User,
        points: list[ResumePoint],
        enrolled: set[uuid.UUID],
    ) -> list[ContinueWatching]:
        """The unfinished video lessons of the student's courses, most recent first."""
        wanted = [
            (uuid.UUID(str(p.lesson_id)), p)
            for p in points
            if uuid.UUID(str(p.course_id)) in enrolled
        ][:CONTINUE_WATCHING]
        if not wanted:
            return []
        lesson_ids = [lesson_id for lesson_id, _ in wanted]
        lessons = await LearningRepository(ctx.session).lessons_with_courses(lesson_ids)
        posters = await poster_urls(
            ctx.session,
            ctx.settings.signing_key(),
            user,
            lesson_ids,
            lifetime_seconds=ctx.settings.media_grant_seconds,
        )
        found = []
        for lesson_id, point in wanted:
            if lesson_id not in lessons:
                continue  # deleted since
            _, title, course = lessons[lesson_id]
            found.append(
                ContinueWatching(
                    course_id=course.id,
                    course_slug=course.slug,
                    course_title=course.title,
                    lesson_id=lesson_id,
                    lesson_title=title,
                    position_seconds=point.position_seconds,
                    duration_seconds=point.duration_seconds,
                    poster_url=posters.get(lesson_id),
                )
            )
        return found


dashboard_service = DashboardService()
