"""The gradebook (students by quizzes and assignments, with totals, filters and a CSV export),
each student's own grades, and what the dashboard shows: deadlines coming up and new grades.

Totals are over the graded items: a student's percent is the points of what has been graded
divided by those items' points, so an item not handed in yet doesn't pull it down (the
"missing" count says how many there are).
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.assessments.access import team_course
from lectern.assessments.context import AssessmentContext
from lectern.assessments.entries import counting_attempt
from lectern.assessments.grading import student_ref
from lectern.assessments.grading_schemas import (
    Gradebook,
    GradebookCell,
    GradebookFilter,
    GradebookItem,
    GradebookRow,
)
from lectern.assessments.repository import AssessmentRepository
from lectern.assessments.scoring import percent_of
from lectern.assessments.settings import assignment_max, defaults
from lectern.assessments.student_schemas import (
    CourseGrades,
    Deadline,
    NewGrade,
    StudentGrade,
    StudentGradeRow,
)
from lectern.catalog.repository import CourseRepository
from lectern.errors import NotFound
from lectern.learning.entitlements import course_access
from lectern.learning.schemas import CourseAccess
from lectern.models import (
    Assessment,
    AssessmentKind,
    AttemptStatus,
    Course,
    GradeEntry,
    LatePolicy,
    Lesson,
    LessonKind,
    LessonProgress,
    QuizAttempt,
    User,
)
from lectern.models.base import utcnow

FAILING_BELOW_PERCENT = 50
DEADLINES_AHEAD = timedelta(days=30)
OVERDUE_SHOWN_FOR = timedelta(days=7)
DEADLINES_SHOWN = 6
NEW_GRADES_SHOWN = 5


@dataclass(frozen=True)
class GradebookFile:
    filename: str
    text: str


def _is_new(entry: GradeEntry) -> bool:
    return entry.released_at is not None and (
        entry.seen_at is None or entry.seen_at < entry.released_at
    )


class GradebookService:
    async def gradebook(
        self,
        ctx: AssessmentContext,
        actor: User,
        course_id: uuid.UUID,
        *,
        q: str = "",
        show: GradebookFilter = GradebookFilter.all,
        lesson_id: uuid.UUID | None = None,
    ) -> Gradebook:
        """Every enrolled student (the team left out) against every quiz and assignment."""
        course = await team_course(ctx.session, actor, course_id)
        repository = AssessmentRepository(ctx.session)
        graded = await repository.graded_lessons(course.id)
        if lesson_id is not None:
            graded = [row for row in graded if row[0].id == lesson_id]
        items = await self._items(ctx, graded)
        team = {course.owner_id, *(c.user_id for c in course.co_instructors)}
        students = [s for s in await repository.enrolled_students(course.id) if s.id not in team]
        entries = {
            (e.user_id, e.lesson_id): e for e in await repository.entries_of_course(course.id)
        }
        links = await self._links(repository, course, graded)
        rows = []
        for student in students:
            cells = [
                self._cell(
                    entries.get((student.id, item.lesson_id)),
                    item,
                    links.get((student.id, item.lesson_id)),
                )
                for item in items
            ]
            counted = [
                c for c in cells if c.state in ("graded", "released") and c.points is not None
            ]
            points = round(sum(c.points or 0.0 for c in counted), 2)
            maximum = round(sum(c.max_points for c in counted), 2)
            rows.append(
                GradebookRow(
                    student=student_ref(student),
                    cells=cells,
                    points=points,
                    max_points=maximum,
                    percent=percent_of(points, maximum) if counted else None,
                    needs_grading=sum(c.state == "submitted" for c in cells),
                    missing=sum(c.state == "missing" for c in cells),
                )
            )
        needle = q.strip().casefold()
        if needle:
            rows = [
                r
                for r in rows
                if needle in r.student.display_name.casefold()
                or needle in r.student.email.casefold()
            ]
        if show == GradebookFilter.needs_grading:
            rows = [r for r in rows if r.needs_grading]
        elif show == GradebookFilter.missing:
            rows = [r for r in rows if r.missing]
        elif show == GradebookFilter.failing:
            rows = [r for r in rows if r.percent is not None and r.percent < FAILING_BELOW_PERCENT]
        return Gradebook(
            course_id=course.id,
            course_title=course.title,
            items=items,
            rows=rows,
            student_count=len(students),
            filters={
                "q": q,
                "show": show.value,
                "lesson_id": str(lesson_id) if lesson_id else None,
            },
        )

    async def export(
        self,
        ctx: AssessmentContext,
        actor: User,
        course_id: uuid.UUID,
        *,
        q: str = "",
        show: GradebookFilter = GradebookFilter.all,
        lesson_id: uuid.UUID | None = None,
    ) -> GradebookFile:
        """The gradebook as it is filtered, as CSV (UTF-8 with a BOM, so spreadsheets read
        accents right)."""
        book = await self.gradebook(ctx, actor, course_id, q=q, show=show, lesson_id=lesson_id)
        course = await team_course(ctx.session, actor, course_id)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                "Student",
                "Email",
                *(f"{item.title} ({item.max_points:g})" for item in book.items),
                "Points",
                "Out of",
                "Percent",
            ]
        )
        for row in book.rows:
            writer.writerow(
                [
                    _cell_text(row.student.display_name),
                    _cell_text(row.student.email),
                    *(_grade_text(cell) for cell in row.cells),
                    f"{row.points:g}",
                    f"{row.max_points:g}",
                    "" if row.percent is None else str(row.percent),
                ]
            )
        return GradebookFile(
            filename=f"{course.slug}-gradebook.csv", text="\ufeff" + out.getvalue()
        )

    async def _items(
        self, ctx: AssessmentContext, graded: Sequence[tuple[Lesson, str, Assessment | None]]
    ) -> list[GradebookItem]:
        repository = AssessmentRepository(ctx.session)
        quiz_ids = [lesson.id for lesson, _, _ in graded if lesson.kind == LessonKind.quiz]
        sources = await repository.sources_of(quiz_ids)
        totals = await repository.question_totals({s.bank_id for s in sources})
        quiz_points: dict[uuid.UUID, float] = {}
        for source in sources:
            count, points = totals.get(source.bank_id, (0, 0.0))
            drawn = count if source.draw_count is None else min(count, source.draw_count)
            quiz_points[source.lesson_id] = quiz_points.get(source.lesson_id, 0.0) + (
                points * drawn / count if count else 0.0
            )
        items = []
        for lesson, section_title, assessment in graded:
            settings = assessment or defaults(lesson)
            maximum = (
                quiz_points.get(lesson.id, 0.0)
                if lesson.kind == LessonKind.quiz
                else assignment_max(settings)
            )
            items.append(
                GradebookItem(
                    lesson_id=lesson.id,
                    title=lesson.title,
                    section_title=section_title,
                    kind="quiz" if lesson.kind == LessonKind.quiz else "assignment",
                    max_points=round(maximum, 2),
                    due_at=settings.due_at,
                )
            )
        return items

    async def _links(
        self,
        repository: AssessmentRepository,
        course: Course,
        graded: Sequence[tuple[Lesson, str, Assessment | None]],
    ) -> dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID]:
        """For each cell, the submission or attempt a click opens."""
        links: dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID] = {}
        for submission in await repository.latest_submissions_of_course(course.id):
            links[(submission.user_id, submission.lesson_id)] = submission.id
        keep = {lesson.id: (a.keep_score if a else None) for lesson, _, a in graded}
        by_cell: dict[tuple[uuid.UUID, uuid.UUID], list[QuizAttempt]] = {}
        for attempt in await repository.closed_attempts_of_course(course.id):
            by_cell.setdefault((attempt.user_id, attempt.lesson_id), []).append(attempt)
        for cell, attempts in by_cell.items():
            policy = keep.get(cell[1])
            waiting = [a for a in attempts if a.status == AttemptStatus.submitted]
            chosen = (
                waiting[0] if waiting else counting_attempt(attempts, policy) if policy else None
            )
            links[cell] = (chosen or max(attempts, key=lambda a: a.number)).id
        return links

    def _cell(
        self, entry: GradeEntry | None, item: GradebookItem, link: uuid.UUID | None
    ) -> GradebookCell:
        if entry is None:
            return GradebookCell(
                lesson_id=item.lesson_id,
                state="missing",
                points=None,
                released_points=None,
                max_points=item.max_points,
                late=False,
                attempts=0,
                passed=None,
                link_id=None,
            )
        return GradebookCell(
            lesson_id=item.lesson_id,
            state=entry.state.value,
            points=entry.points,
            released_points=entry.released_points,
            max_points=entry.max_points or item.max_points,
            late=entry.late,
            attempts=entry.attempts,
            passed=entry.passed,
            link_id=link,
        )

    # --- the student's own ----------------------------------------------------------------

    async def course_grades(
        self, ctx: AssessmentContext, user: User, course_id: uuid.UUID
    ) -> CourseGrades:
        """The student's released grades in a course, item by item."""
        course = await CourseRepository(ctx.session).with_team(course_id)
        if course is None:
            raise NotFound("No such course.")
        repository = AssessmentRepository(ctx.session)
        entries = {e.lesson_id: e for e in await repository.entries_of_course(course.id, user.id)}
        # Their own grades stay readable; otherwise the course must open to them.
        if not entries and await course_access(ctx.session, user, course) is CourseAccess.previews:
            raise NotFound("No such course.")
        graded = await repository.graded_lessons(course.id)
        rows = []
        points = maximum = 0.0
        for lesson, section_title, assessment in graded:
            entry = entries.get(lesson.id)
            grade = student_grade(lesson, entry) if entry is not None else None
            if grade is not None and grade.points is not None:
                points += grade.points
                maximum += grade.max_points
            rows.append(
                StudentGradeRow(
                    lesson_id=lesson.id,
                    lesson_title=lesson.title,
                    section_title=section_title,
                    kind="quiz" if lesson.kind == LessonKind.quiz else "assignment",
                    due_at=assessment.due_at if assessment else None,
                    state="not_started"
                    if entry is None
                    else "graded"
                    if entry.released_points is not None
                    else "submitted",
                    grade=grade,
                )
            )
        return CourseGrades(
            course_id=course.id,
            course_slug=course.slug,
            course_title=course.title,
            items=rows,
            points=round(points, 2),
            max_points=round(maximum, 2),
            percent=percent_of(points, maximum) if maximum else None,
        )

    async def mark_seen(self, ctx: AssessmentContext, user: User, lesson_id: uuid.UUID) -> None:
        """The student has looked at their grade for this lesson: it is no longer new."""
        await AssessmentRepository(ctx.session).mark_seen(user.id, lesson_id, utcnow())


def student_grade(lesson: Lesson, entry: GradeEntry) -> StudentGrade | None:
    if entry.released_points is None:
        return None
    return StudentGrade(
        lesson_id=lesson.id,
        lesson_title=lesson.title,
        kind="quiz" if lesson.kind == LessonKind.quiz else "assignment",
        points=entry.released_points,
        max_points=entry.max_points,
        percent=percent_of(entry.released_points, entry.max_points),
        passed=entry.passed,
        late=entry.late,
        released_at=entry.released_at,
        new=_is_new(entry),
    )


def _cell_text(value: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula: not from a student's name."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _grade_text(cell: GradebookCell) -> str:
    if cell.state == "missing":
        return ""
    if cell.state == "submitted" and cell.points is None:
        return "needs grading"
    return "" if cell.points is None else f"{cell.points:g}"


async def agenda(
    session: AsyncSession,
    user_id: uuid.UUID,
    course_ids: Sequence[uuid.UUID],
    now: datetime | None = None,
) -> tuple[list[Deadline], list[NewGrade]]:
    """Deadlines coming up and grades released since the student last looked, in the given
    (enrolled) courses: one statement, for the dashboard."""
    if not course_ids:
        return [], []
    now = now or utcnow()
    unseen = and_(
        GradeEntry.released_points.is_not(None),
        or_(GradeEntry.seen_at.is_(None), GradeEntry.seen_at < GradeEntry.released_at),
    )
    rows = (
        await session.execute(
            select(
                Assessment,
                Lesson.title,
                Course.id,
                Course.slug,
                Course.title,
                GradeEntry,
                LessonProgress.completed_at,
            )
            .join(Lesson, Lesson.id == Assessment.lesson_id)
            .join(Course, Course.id == Assessment.course_id)
            .outerjoin(
                GradeEntry,
                and_(GradeEntry.lesson_id == Assessment.lesson_id, GradeEntry.user_id == user_id),
            )
            .outerjoin(
                LessonProgress,
                and_(
                    LessonProgress.lesson_id == Assessment.lesson_id,
                    LessonProgress.user_id == user_id,
                ),
            )
            .where(
                Assessment.course_id.in_(course_ids),
                or_(
                    and_(
                        Assessment.due_at >= now - OVERDUE_SHOWN_FOR,
                        Assessment.due_at <= now + DEADLINES_AHEAD,
                    ),
                    unseen,
                ),
            )
        )
    ).all()
    deadlines: list[Deadline] = []
    grades: list[NewGrade] = []
    for assessment, title, course_id, slug, course_title, entry, completed_at in rows:
        kind: Literal["quiz", "assignment"] = (
            "quiz" if assessment.kind == AssessmentKind.quiz else "assignment"
        )
        due = assessment.due_at
        if due is not None and now - OVERDUE_SHOWN_FOR <= due <= now + DEADLINES_AHEAD:
            done = completed_at is not None if kind == "quiz" else entry is not None
            overdue = due < now
            if not overdue or (not done and assessment.late_policy != LatePolicy.refuse):
                deadlines.append(
                    Deadline(
                        lesson_id=assessment.lesson_id,
                        lesson_title=title,
                        kind=kind,
                        course_id=course_id,
                        course_slug=slug,
                        course_title=course_title,
                        due_at=due,
                        late_policy=assessment.late_policy,
                        done=done,
                        overdue=overdue,
                    )
                )
        if entry is not None and _is_new(entry) and entry.released_points is not None:
            assert entry.released_at is not None
            grades.append(
                NewGrade(
                    lesson_id=assessment.lesson_id,
                    lesson_title=title,
                    kind=kind,
                    course_id=course_id,
                    course_slug=slug,
                    course_title=course_title,
                    points=entry.released_points,
                    max_points=entry.max_points,
                    percent=percent_of(entry.released_points, entry.max_points) or 0,
                    passed=entry.passed,
                    released_at=entry.released_at,
                )
            )
    deadlines.sort(key=lambda d: d.due_at)
    grades.sort(key=lambda g: g.released_at, reverse=True)
    return deadlines[:DEADLINES_SHOWN], grades[:NEW_GRADES_SHOWN]


gradebook_service = GradebookService()
