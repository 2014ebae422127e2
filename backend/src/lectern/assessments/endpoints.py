"""Quizzes, assignments and grading over HTTP (docs/assessments.md)."""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Query, Request, Response, UploadFile, status
from fastapi.responses import RedirectResponse
from pydantic import BaseModel

from lectern.assessments.attempts import quiz_taking
from lectern.assessments.builder import assessment_builder, question_image
from lectern.assessments.context import AssessmentCtx
from lectern.assessments.gradebook import gradebook_service
from lectern.assessments.grading import grading
from lectern.assessments.grading_schemas import (
    AnswerGradeIn,
    AttemptReview,
    Gradebook,
    GradebookFilter,
    GradingQueue,
    QueueState,
    SubmissionGradeIn,
    SubmissionReview,
)
from lectern.assessments.schemas import (
    AssignmentUpdate,
    BankCreate,
    BankOut,
    BankSummary,
    BankUpdate,
    QuestionOrder,
    QuestionOut,
    QuestionWrite,
    QuizSettingsUpdate,
    QuizSources,
    StudioAssignment,
    StudioQuiz,
)
from lectern.assessments.student_schemas import (
    AnswerSave,
    AttemptOut,
    AttemptSubmit,
    CourseGrades,
    SavedAnswer,
    StudentAssignment,
    StudentQuiz,
    SubmissionCreate,
    SubmissionFileOut,
    SubmissionOut,
)
from lectern.assessments.submissions import assignment_work
from lectern.auth.dependencies import CurrentUser

studio_router = APIRouter(prefix="/studio", tags=["assessments"])
router = APIRouter(tags=["assessments"])

CSV = "text/csv; charset=utf-8"


class Released(BaseModel):
    released: int


def _attachment(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename)}"


# --- the studio: quizzes --------------------------------------------------------------------


@studio_router.get(
    "/lessons/{lesson_id}/quiz", operation_id="assessments:studioQuiz", response_model=StudioQuiz
)
async def studio_quiz(lesson_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> StudioQuiz:
    """A quiz with its settings, its own questions (answer keys included) and its banks."""
    return await assessment_builder.quiz(ctx, user, lesson_id)


@studio_router.patch(
    "/lessons/{lesson_id}/quiz", operation_id="assessments:updateQuiz", response_model=StudioQuiz
)
async def update_quiz(
    lesson_id: uuid.UUID, body: QuizSettingsUpdate, ctx: AssessmentCtx, user: CurrentUser
) -> StudioQuiz:
    return await assessment_builder.update_quiz(ctx, user, lesson_id, body)


@studio_router.put(
    "/lessons/{lesson_id}/quiz/sources",
    operation_id="assessments:setQuizSources",
    response_model=StudioQuiz,
)
async def set_quiz_sources(
    lesson_id: uuid.UUID, body: QuizSources, ctx: AssessmentCtx, user: CurrentUser
) -> StudioQuiz:
    """The banks the quiz asks from (its own first) and how many each attempt draws."""
    return await assessment_builder.set_sources(ctx, user, lesson_id, body)


@studio_router.get(
    "/courses/{course_id}/question-banks",
    operation_id="assessments:banks",
    response_model=list[BankSummary],
)
async def list_banks(
    course_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser
) -> list[BankSummary]:
    return await assessment_builder.banks(ctx, user, course_id)


@studio_router.post(
    "/courses/{course_id}/question-banks",
    operation_id="assessments:createBank",
    response_model=BankOut,
    status_code=status.HTTP_201_CREATED,
)
async def create_bank(
    course_id: uuid.UUID, body: BankCreate, ctx: AssessmentCtx, user: CurrentUser
) -> BankOut:
    return await assessment_builder.create_bank(ctx, user, course_id, body.title)


@studio_router.get(
    "/question-banks/{bank_id}", operation_id="assessments:bank", response_model=BankOut
)
async def read_bank(bank_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> BankOut:
    return await assessment_builder.bank(ctx, user, bank_id)


@studio_router.patch(
    "/question-banks/{bank_id}", operation_id="assessments:renameBank", response_model=BankOut
)
async def rename_bank(
    bank_id: uuid.UUID, body: BankUpdate, ctx: AssessmentCtx, user: CurrentUser
) -> BankOut:
    return await assessment_builder.rename_bank(ctx, user, bank_id, body.title)


@studio_router.delete(
    "/question-banks/{bank_id}",
    operation_id="assessments:deleteBank",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def delete_bank(bank_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> None:
    await assessment_builder.delete_bank(ctx, user, bank_id)


@studio_router.post(
    "/question-banks/{bank_id}/questions",
    operation_id="assessments:addQuestion",
    response_model=QuestionOut,
    status_code=status.HTTP_201_CREATED,
)
async def add_question(
    bank_id: uuid.UUID, body: QuestionWrite, ctx: AssessmentCtx, user: CurrentUser
) -> QuestionOut:
    return await assessment_builder.add_question(ctx, user, bank_id, body)


@studio_router.put(
    "/question-banks/{bank_id}/order",
    operation_id="assessments:reorderQuestions",
    response_model=BankOut,
)
async def reorder_questions(
    bank_id: uuid.UUID, body: QuestionOrder, ctx: AssessmentCtx, user: CurrentUser
) -> BankOut:
    return await assessment_builder.reorder(ctx, user, bank_id, body)


@studio_router.put(
    "/questions/{question_id}",
    operation_id="assessments:updateQuestion",
    response_model=QuestionOut,
)
async def update_question(
    question_id: uuid.UUID, body: QuestionWrite, ctx: AssessmentCtx, user: CurrentUser
) -> QuestionOut:
    """Replace a question; attempts already made keep the version they asked."""
    return await assessment_builder.update_question(ctx, user, question_id, body)


@studio_router.delete(
    "/questions/{question_id}",
    operation_id="assessments:deleteQuestion",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def delete_question(question_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> None:
    await assessment_builder.delete_question(ctx, user, question_id)


@studio_router.put(
    "/questions/{question_id}/image",
    operation_id="assessments:setQuestionImage",
    response_model=QuestionOut,
)
async def set_question_image(
    question_id: uuid.UUID,
    file: Annotated[UploadFile, File(description="JPEG, PNG, WebP or GIF")],
    ctx: AssessmentCtx,
    user: CurrentUser,
) -> QuestionOut:
    data = await file.read(ctx.settings.question_image_max_bytes + 1)
    return await assessment_builder.set_image(ctx, user, question_id, data)


@studio_router.delete(
    "/questions/{question_id}/image",
    operation_id="assessments:removeQuestionImage",
    response_model=QuestionOut,
)
async def remove_question_image(
    question_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser
) -> QuestionOut:
    return await assessment_builder.remove_image(ctx, user, question_id)


# --- the studio: assignments ----------------------------------------------------------------


@studio_router.get(
    "/lessons/{lesson_id}/assignment",
    operation_id="assessments:studioAssignment",
    response_model=StudioAssignment,
)
async def studio_assignment(
    lesson_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser
) -> StudioAssignment:
    return await assessment_builder.assignment(ctx, user, lesson_id)


@studio_router.patch(
    "/lessons/{lesson_id}/assignment",
    operation_id="assessments:updateAssignment",
    response_model=StudioAssignment,
)
async def update_assignment(
    lesson_id: uuid.UUID, body: AssignmentUpdate, ctx: AssessmentCtx, user: CurrentUser
) -> StudioAssignment:
    return await assessment_builder.update_assignment(ctx, user, lesson_id, body)


# --- the studio: grading --------------------------------------------------------------------


@studio_router.get(
    "/courses/{course_id}/grading",
    operation_id="assessments:gradingQueue",
    response_model=GradingQueue,
)
async def grading_queue(
    course_id: uuid.UUID,
    ctx: AssessmentCtx,
    user: CurrentUser,
    state: QueueState = QueueState.to_grade,
) -> GradingQueue:
    """Submissions and attempts by where their grading stands, oldest first."""
    return await grading.queue(ctx, user, course_id, state)


@studio_router.get(
    "/submissions/{submission_id}",
    operation_id="assessments:submissionReview",
    response_model=SubmissionReview,
)
async def submission_review(
    submission_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser
) -> SubmissionReview:
    return await grading.submission(ctx, user, submission_id)


@studio_router.put(
    "/submissions/{submission_id}/grade",
    operation_id="assessments:gradeSubmission",
    response_model=SubmissionReview,
)
async def grade_submission(
    submission_id: uuid.UUID, body: SubmissionGradeIn, ctx: AssessmentCtx, user: CurrentUser
) -> SubmissionReview:
    return await grading.grade_submission(ctx, user, submission_id, body)


@studio_router.post(
    "/submissions/{submission_id}/release",
    operation_id="assessments:releaseSubmission",
    response_model=SubmissionReview,
)
async def release_submission(
    submission_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser
) -> SubmissionReview:
    """Show the grade to the student and mail them."""
    return await grading.release_submission(ctx, user, submission_id)


@studio_router.get(
    "/attempts/{attempt_id}", operation_id="assessments:attemptReview", response_model=AttemptReview
)
async def attempt_review(
    attempt_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser
) -> AttemptReview:
    return await grading.attempt(ctx, user, attempt_id)


@studio_router.put(
    "/attempts/{attempt_id}/answers/{question_id}/grade",
    operation_id="assessments:gradeAnswer",
    response_model=AttemptReview,
)
async def grade_answer(
    attempt_id: uuid.UUID,
    question_id: uuid.UUID,
    body: AnswerGradeIn,
    ctx: AssessmentCtx,
    user: CurrentUser,
) -> AttemptReview:
    """Grade an essay answer, or override an automatic grade with a reason."""
    return await grading.grade_answer(ctx, user, attempt_id, question_id, body)


@studio_router.post(
    "/attempts/{attempt_id}/release",
    operation_id="assessments:releaseAttempt",
    response_model=AttemptReview,
)
async def release_attempt(
    attempt_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser
) -> AttemptReview:
    return await grading.release_attempt(ctx, user, attempt_id)


@studio_router.post(
    "/lessons/{lesson_id}/release-grades",
    operation_id="assessments:releaseLesson",
    response_model=Released,
)
async def release_lesson(lesson_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> Released:
    """Release every graded, unreleased hand-in of a quiz or assignment at once."""
    return Released(released=await grading.release_lesson(ctx, user, lesson_id))


@studio_router.get(
    "/courses/{course_id}/gradebook", operation_id="assessments:gradebook", response_model=Gradebook
)
async def gradebook(
    course_id: uuid.UUID,
    ctx: AssessmentCtx,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=200, description="Part of a name or email")] = "",
    show: GradebookFilter = GradebookFilter.all,
    lesson_id: uuid.UUID | None = None,
) -> Gradebook:
    return await gradebook_service.gradebook(
        ctx, user, course_id, q=q, show=show, lesson_id=lesson_id
    )


@studio_router.get(
    "/courses/{course_id}/gradebook.csv",
    operation_id="assessments:gradebookCsv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def gradebook_csv(
    course_id: uuid.UUID,
    ctx: AssessmentCtx,
    user: CurrentUser,
    q: Annotated[str, Query(max_length=200)] = "",
    show: GradebookFilter = GradebookFilter.all,
    lesson_id: uuid.UUID | None = None,
) -> Response:
    """The gradebook as filtered, as a CSV file."""
    book = await gradebook_service.export(ctx, user, course_id, q=q, show=show, lesson_id=lesson_id)
    return Response(
        content=book.text,
        media_type=CSV,
        headers={
            "Content-Disposition": _attachment(book.filename),
            "Cache-Control": "private, no-store",
        },
    )


# --- students: quizzes -----------------------------------------------------------------------


@router.get(
    "/lessons/{lesson_id}/quiz", operation_id="assessments:quiz", response_model=StudentQuiz
)
async def read_quiz(lesson_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> StudentQuiz:
    """The quiz's rules and the caller's attempts: never its questions' answers."""
    return await quiz_taking.state(ctx, user, lesson_id)


@router.post(
    "/lessons/{lesson_id}/quiz/attempts",
    operation_id="assessments:startAttempt",
    response_model=AttemptOut,
    status_code=status.HTTP_201_CREATED,
    responses={200: {"model": AttemptOut, "description": "The attempt already in progress"}},
)
async def start_attempt(
    lesson_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser, response: Response
) -> AttemptOut:
    attempt, created = await quiz_taking.start(ctx, user, lesson_id)
    if not created:
        response.status_code = status.HTTP_200_OK
    return attempt


@router.get(
    "/quiz-attempts/{attempt_id}", operation_id="assessments:attempt", response_model=AttemptOut
)
async def read_attempt(attempt_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> AttemptOut:
    return await quiz_taking.attempt(ctx, user, attempt_id)


@router.put(
    "/quiz-attempts/{attempt_id}/answers/{question_id}",
    operation_id="assessments:saveAnswer",
    response_model=SavedAnswer,
)
async def save_answer(
    attempt_id: uuid.UUID,
    question_id: uuid.UUID,
    body: AnswerSave,
    ctx: AssessmentCtx,
    user: CurrentUser,
) -> SavedAnswer:
    """Save one answer as the student goes (409 time_up once the time is over)."""
    return await quiz_taking.save(ctx, user, attempt_id, question_id, body.answer)


@router.post(
    "/quiz-attempts/{attempt_id}/submit",
    operation_id="assessments:submitAttempt",
    response_model=AttemptOut,
)
async def submit_attempt(
    attempt_id: uuid.UUID, body: AttemptSubmit, ctx: AssessmentCtx, user: CurrentUser
) -> AttemptOut:
    return await quiz_taking.submit(ctx, user, attempt_id, body)


# --- students: assignments -------------------------------------------------------------------


@router.get(
    "/lessons/{lesson_id}/assignment",
    operation_id="assessments:assignment",
    response_model=StudentAssignment,
)
async def read_assignment(
    lesson_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser
) -> StudentAssignment:
    return await assignment_work.state(ctx, user, lesson_id)


@router.post(
    "/submission-files",
    operation_id="assessments:uploadFile",
    response_model=SubmissionFileOut,
    status_code=status.HTTP_201_CREATED,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
)
async def upload_file(
    request: Request,
    ctx: AssessmentCtx,
    user: CurrentUser,
    lesson_id: uuid.UUID,
    name: Annotated[str, Query(min_length=1, max_length=255, description="The file's name")],
) -> SubmissionFileOut:
    """One file for the caller's next submission, as the raw request body (checked by
    content, refused once over LECTERN_SUBMISSION_FILE_MAX_BYTES)."""
    declared = request.headers.get("content-length")
    return await assignment_work.upload(
        ctx,
        user,
        lesson_id,
        name,
        int(declared) if declared and declared.isdigit() else None,
        request.stream(),
    )


@router.delete(
    "/submission-files/{file_id}",
    operation_id="assessments:dropFile",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def drop_file(file_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> None:
    await assignment_work.drop_file(ctx, user, file_id)


@router.get(
    "/submission-files/{file_id}",
    operation_id="assessments:downloadFile",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}, 307: {"description": "S3"}},
)
async def download_file(file_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> Response:
    """A handed-in file, for its student and the course's team."""
    found = await assignment_work.download(ctx, user, file_id)
    if found.url is not None:
        return RedirectResponse(found.url, status_code=status.HTTP_307_TEMPORARY_REDIRECT)
    return Response(
        content=found.data,
        media_type=found.file.content_type,
        headers={
            "Content-Disposition": _attachment(found.file.name),
            "Cache-Control": "private, no-store",
        },
    )


@router.post(
    "/lessons/{lesson_id}/assignment/submissions",
    operation_id="assessments:submit",
    response_model=SubmissionOut,
    status_code=status.HTTP_201_CREATED,
)
async def submit_assignment(
    lesson_id: uuid.UUID, body: SubmissionCreate, ctx: AssessmentCtx, user: CurrentUser
) -> SubmissionOut:
    """Hand in text and the files uploaded for it (resubmitting is open until graded)."""
    return await assignment_work.submit(ctx, user, lesson_id, body)


# --- students: grades ------------------------------------------------------------------------


@router.get(
    "/courses/{course_id}/grades", operation_id="assessments:myGrades", response_model=CourseGrades
)
async def my_grades(course_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> CourseGrades:
    """The caller's own grades in a course: nobody reads another student's."""
    return await gradebook_service.course_grades(ctx, user, course_id)


@router.post(
    "/lessons/{lesson_id}/grade/seen",
    operation_id="assessments:gradeSeen",
    status_code=status.HTTP_204_NO_CONTENT,
)
async def grade_seen(lesson_id: uuid.UUID, ctx: AssessmentCtx, user: CurrentUser) -> None:
    """The caller has read their grade for this lesson: it stops being new."""
    await gradebook_service.mark_seen(ctx, user, lesson_id)


@router.get(
    "/questions/{question_id}/images/{name}",
    operation_id="assessments:questionImage",
    response_class=Response,
    responses={200: {"content": {"image/webp": {}}}},
)
async def read_question_image(
    question_id: uuid.UUID, name: str, ctx: AssessmentCtx, user: CurrentUser
) -> Response:
    data = await question_image(ctx, user, question_id, name)
    # The name is the picture's hash: a new picture gets a new name.
    return Response(
        data,
        media_type="image/webp",
        headers={"Cache-Control": "private, max-age=31536000, immutable"},
    )
