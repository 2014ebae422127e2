"""Every table, imported here so Alembic and the mappers see them all."""

from lectern.models.action_token import ActionToken, TokenPurpose
from lectern.models.annotation import Bookmark, Note
from lectern.models.api_token import ApiToken
from lectern.models.assessment import (
    AnswerReveal,
    Assessment,
    AssessmentKind,
    KeepScore,
    LatePolicy,
    Question,
    QuestionBank,
    QuestionKind,
    QuizSource,
)
from lectern.models.attempt import AttemptAnswer, AttemptStatus, QuizAttempt
from lectern.models.audit_event import AuditEvent
from lectern.models.base import Base
from lectern.models.category import Category
from lectern.models.certificate import Certificate
from lectern.models.course import (
    Course,
    CourseInstructor,
    CourseLevel,
    CourseSearchDocument,
    CourseStatus,
    SearchWord,
    course_topics,
)
from lectern.models.curriculum import Lesson, LessonKind, Section
from lectern.models.grade import GradeAction, GradeEntry, GradeEvent, GradeState
from lectern.models.instructor_application import ApplicationStatus, InstructorApplication
from lectern.models.learning import (
    Enrollment,
    EnrollmentSource,
    HeartbeatBatch,
    LessonCompletion,
    LessonProgress,
    WatchDay,
)
from lectern.models.media import IN_FLIGHT, LessonCaption, VideoAsset, VideoStatus
from lectern.models.student_review import StudentReview
from lectern.models.submission import Submission, SubmissionFile
from lectern.models.user import Role, User, UserRole
from lectern.models.user_session import UserSession

__all__ = [
    "IN_FLIGHT",
    "ActionToken",
    "AnswerReveal",
    "ApiToken",
    "ApplicationStatus",
    "Assessment",
    "AssessmentKind",
    "AttemptAnswer",
    "AttemptStatus",
    "AuditEvent",
    "Base",
    "Bookmark",
    "Category",
    "Certificate",
    "Course",
    "CourseInstructor",
    "CourseLevel",
    "CourseSearchDocument",
    "CourseStatus",
    "Enrollment",
    "EnrollmentSource",
    "GradeAction",
    "GradeEntry",
    "GradeEvent",
    "GradeState",
    "HeartbeatBatch",
    "InstructorApplication",
    "KeepScore",
    "LatePolicy",
    "Lesson",
    "LessonCaption",
    "LessonCompletion",
    "LessonKind",
    "LessonProgress",
    "Note",
    "Question",
    "QuestionBank",
    "QuestionKind",
    "QuizAttempt",
    "QuizSource",
    "Role",
    "SearchWord",
    "Section",
    "StudentReview",
    "Submission",
    "SubmissionFile",
    "TokenPurpose",
    "User",
    "UserRole",
    "UserSession",
    "VideoAsset",
    "VideoStatus",
    "WatchDay",
    "course_topics",
]
