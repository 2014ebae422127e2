"""Handing in an assignment: files uploaded one by one (checked by content as they arrive),
then a submission of text and those files. Resubmitting is open until the work is graded;
every submission stays in the history. A due date that refuses late work closes both."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import anyio

from lectern.assessments.access import is_team, student_lesson
from lectern.assessments.context import AssessmentContext
from lectern.assessments.deadlines import closed_for_late_work, lateness
from lectern.assessments.entries import refresh_entry
from lectern.assessments.file_types import check_file, clean_file_name
from lectern.assessments.repository import AssessmentRepository
from lectern.assessments.schemas import RubricCriterion
from lectern.assessments.settings import assignment_max, ensure_settings, settings_of
from lectern.assessments.student_schemas import (
    AssignmentBlock,
    RubricScore,
    StudentAssignment,
    SubmissionCreate,
    SubmissionFileOut,
    SubmissionGrade,
    SubmissionOut,
)
from lectern.errors import Conflict, Invalid, NotFound, PayloadTooLarge
from lectern.learning.lessons import lesson_with_course
from lectern.models import (
    Assessment,
    LessonCompletion,
    LessonKind,
    Submission,
    SubmissionFile,
    User,
)
from lectern.models.base import utcnow
from lectern.progress import service as progress_service


def present_file(file: SubmissionFile) -> SubmissionFileOut:
    return SubmissionFileOut(
        id=file.id,
        name=file.name,
        kind=file.kind,
        content_type=file.content_type,
        size_bytes=file.size_bytes,
        url=f"/api/submission-files/{file.id}",
    )


def rubric_scores(rubric: list[dict[str, object]], levels: dict[str, object]) -> list[RubricScore]:
    scores = []
    for raw in rubric:
        criterion = RubricCriterion.model_validate(raw)
        chosen = next(
            (lvl for lvl in criterion.levels if lvl.id == levels.get(str(criterion.id))), None
        )
        scores.append(
            RubricScore(
                criterion_id=str(criterion.id),
                criterion=criterion.title,
                level_id=chosen.id if chosen else None,
                level=chosen.title if chosen else None,
                points=chosen.points if chosen else None,
                max_points=max(lvl.points for lvl in criterion.levels),
            )
        )
    return scores


def present_submission(
    submission: Submission,
    files: list[SubmissionFile],
    assessment: Assessment,
    *,
    for_team: bool,
) -> SubmissionOut:
    """A submission with its grade: to the student once released, to the team once given."""
    grade = None
    shows = submission.released_at is not None or for_team
    if shows and submission.points is not None and submission.raw_points is not None:
        grade = SubmissionGrade(
            points=submission.points,
            raw_points=submission.raw_points,
            max_points=submission.max_points,
            penalty_percent=submission.penalty_percent,
            comment=submission.comment,
            rubric=rubric_scores(assessment.rubric, submission.rubric_levels)
            if assessment.rubric
            else [],
            graded_at=submission.graded_at,
            released_at=submission.released_at,
        )
    return SubmissionOut(
        id=submission.id,
        number=submission.number,
        text=submission.text,
        submitted_at=submission.submitted_at,
        late=submission.late,
        penalty_percent=submission.penalty_percent,
        files=[present_file(f) for f in files],
        grade=grade,
    )


@dataclass(frozen=True)
class FileDownload:
    file: SubmissionFile
    data: bytes | None
    url: str | None


class AssignmentWork:
    async def state(
        self, ctx: AssessmentContext, user: User, lesson_id: uuid.UUID
    ) -> StudentAssignment:
        lesson, _ = await student_lesson(ctx.session, user, lesson_id, LessonKind.assignment)
        assignment = await settings_of(ctx.session, lesson)
        repository = AssessmentRepository(ctx.session)
        submissions = list(await repository.submissions(user.id, lesson.id))
        files = await repository.files_of([s.id for s in submissions])
        blocked = self._blocked(assignment, submissions)
        return StudentAssignment(
            lesson_id=lesson.id,
            due_at=assignment.due_at,
            late_policy=assignment.late_policy,
            late_penalty_percent=assignment.late_penalty_percent,
            max_points=assignment_max(assignment),
            accepts_text=assignment.accepts_text,
            accepts_files=assignment.accepts_files,
            file_kinds=assignment.file_kinds,
            max_files=assignment.max_files,
            file_max_bytes=ctx.settings.submission_file_max_bytes,
            rubric=[RubricCriterion.model_validate(c) for c in assignment.rubric],
            can_submit=blocked is None,
            blocked_by=blocked,
            submissions=[
                present_submission(s, files.get(s.id, []), assignment, for_team=False)
                for s in submissions
            ],
            pending_files=[
                present_file(f) for f in await repository.loose_files(user.id, lesson.id)
            ],
        )

    async def upload(
        self,
        ctx: AssessmentContext,
        user: User,
        lesson_id: uuid.UUID,
        name: str,
        declared_size: int | None,
        body: AsyncIterator[bytes],
    ) -> SubmissionFileOut:
        """Take one file for the student's next submission, streamed to a scratch file and
        checked (size while it arrives, type by its content) before it reaches the store."""
        lesson, course = await student_lesson(ctx.session, user, lesson_id, LessonKind.assignment)
        assignment = await settings_of(ctx.session, lesson)
        repository = AssessmentRepository(ctx.session)
        if not assignment.accepts_files:
            raise Conflict("This assignment takes no files.", code="files_not_accepted")
        self._require_open(assignment, list(await repository.submissions(user.id, lesson.id)))
        if len(await repository.loose_files(user.id, lesson.id)) >= assignment.max_files:
            raise Conflict(
                f"Hand in at most {assignment.max_files} files: remove one to add another.",
                code="too_many_files",
                details={"limit": assignment.max_files},
            )
        limit = ctx.settings.submission_file_max_bytes
        if declared_size is not None and declared_size > limit:
            raise _too_large(limit)
        name = clean_file_name(name)
        scratch = ctx.settings.upload_tmp_dir
        await anyio.Path(scratch).mkdir(parents=True, exist_ok=True)
        path = Path(scratch) / f"submission-{uuid.uuid4().hex}"
        try:
            size, digest = await _receive(body, path, limit)
            if size == 0:
                raise Invalid("The file is empty.", code="empty_file")
            found = await anyio.to_thread.run_sync(check_file, path, name, assignment.file_kinds)
            file_id = uuid.uuid4()
            key = f"submissions/{course.id}/{lesson.id}/{user.id}/{file_id}"
            await ctx.store.put_file(key, path, content_type=found.content_type)
        finally:
            await anyio.Path(path).unlink(missing_ok=True)
        file = SubmissionFile(
            id=file_id,
            user_id=user.id,
            lesson_id=lesson.id,
            name=name,
            kind=found.kind,
            content_type=found.content_type,
            size_bytes=size,
            key=key,
            sha256=digest,
        )
        await repository.add(file)
        return present_file(file)

    async def drop_file(self, ctx: AssessmentContext, user: User, file_id: uuid.UUID) -> None:
        """Remove a file uploaded for the next submission (handed-in files stay)."""
        repository = AssessmentRepository(ctx.session)
        file = await repository.file(file_id)
        if file is None or file.user_id != user.id:
            raise NotFound("No such file.")
        if file.submission_id is not None:
            raise Conflict("A handed-in file stays with its submission.", code="file_handed_in")
        await repository.delete(file)
        ctx.drop_files_after_commit([file.key])

    async def submit(
        self, ctx: AssessmentContext, user: User, lesson_id: uuid.UUID, body: SubmissionCreate
    ) -> SubmissionOut:
        lesson, _ = await student_lesson(ctx.session, user, lesson_id, LessonKind.assignment)
        assignment = await ensure_settings(ctx.session, lesson)
        repository = AssessmentRepository(ctx.session)
        submissions = list(await repository.submissions(user.id, lesson.id))
        self._require_open(assignment, submissions)
        text = body.text if body.text.strip() else ""
        if text and not assignment.accepts_text:
            raise Invalid("This assignment takes files only.", code="text_not_accepted")
        files = []
        for file_id in dict.fromkeys(body.file_ids):
            file = await repository.file(file_id)
            if file is None or file.user_id != user.id or file.lesson_id != lesson.id:
                raise NotFound("One of the files isn't among your uploads.", code="file_not_found")
            if file.submission_id is not None:
                raise Conflict("A file was handed in already.", code="file_handed_in")
            files.append(file)
        if files and not assignment.accepts_files:
            raise Invalid("This assignment takes text only.", code="files_not_accepted")
        if len(files) > assignment.max_files:
            raise Conflict(f"Hand in at most {assignment.max_files} files.", code="too_many_files")
        if not text and not files:
            raise Invalid("Write something or add a file to hand in.", code="empty_submission")
        now = utcnow()
        late = lateness(assignment, now)
        submission_id = uuid.uuid4()
        inserted = await repository.insert_numbered(
            Submission,
            {
                "id": submission_id,
                "lesson_id": lesson.id,
                "course_id": lesson.course_id,
                "user_id": user.id,
                "number": len(submissions) + 1,
                "text": text,
                "submitted_at": now,
                "late": late.late,
                "penalty_percent": late.penalty_percent,
                "rubric_levels": {},
                "max_points": assignment_max(assignment),
            },
        )
        if not inserted:
            raise Conflict(
                "This was handed in twice at once; the first one counts.",
                code="submission_conflict",
            )
        submission = await repository.submission(submission_id)
        assert submission is not None
        for file in files:
            file.submission_id = submission.id
        await ctx.session.flush()
        await refresh_entry(ctx.session, assignment, user.id)
        await progress_service.complete_lesson(
            ctx.session, user.id, lesson.id, LessonCompletion.submitted, jobs=ctx.jobs
        )
        return present_submission(submission, files, assignment, for_team=False)

    async def download(
        self, ctx: AssessmentContext, user: User, file_id: uuid.UUID
    ) -> FileDownload:
        """A handed-in (or pending) file, for its student and the course's team only."""
        file = await AssessmentRepository(ctx.session).file(file_id)
        if file is None:
            raise NotFound("No such file.")
        if file.user_id != user.id:
            _, course = await lesson_with_course(ctx.session, file.lesson_id)
            if not is_team(user, course):
                raise NotFound("No such file.")
        url = await ctx.store.presigned_url(
            file.key, expires_in=300, content_type=file.content_type
        )
        if url is not None:
            return FileDownload(file, None, url)
        data = await ctx.store.read(file.key)
        if data is None:
            raise NotFound("The file is missing from the store.", code="file_missing")
        return FileDownload(file, data, None)

    def _blocked(
        self, assignment: Assessment, submissions: list[Submission]
    ) -> AssignmentBlock | None:
        if submissions and max(submissions, key=lambda s: s.number).points is not None:
            return "already_graded"
        if closed_for_late_work(assignment, utcnow()):
            return "past_due"
        return None

    def _require_open(self, assignment: Assessment, submissions: list[Submission]) -> None:
        blocked = self._blocked(assignment, submissions)
        if blocked == "already_graded":
            raise Conflict(
                "This assignment has been graded: it takes no more submissions.",
                code="already_graded",
            )
        if blocked == "past_due":
            raise Conflict(
                "The due date has passed and this assignment takes no late work.",
                code="past_due",
            )


async def _receive(body: AsyncIterator[bytes], path: Path, limit: int) -> tuple[int, str]:
    """Write the request body to ``path``, stopping with 413 as soon as it passes ``limit``."""
    size = 0
    digest = hashlib.sha256()
    async with await anyio.open_file(path, "wb") as out:
        async for chunk in body:
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            digest.update(chunk)
            await out.write(chunk)
    return size, digest.hexdigest()


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"The file is over {limit / (1024 * 1024):g} MB, the most an assignment takes.",
        code="file_too_large",
        details={"limit_bytes": limit},
    )


assignment_work = AssignmentWork()
