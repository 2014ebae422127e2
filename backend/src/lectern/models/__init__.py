"""Every table, imported here so Alembic and the mappers see them all."""

from lectern.models.action_token import ActionToken, TokenPurpose
from lectern.models.annotation import Bookmark, Note
from lectern.models.api_token import ApiToken
from lectern.models.audit_event import AuditEvent
from lectern.models.base import Base
from lectern.models.category import Category
from lectern.models.certificate import Certificate
from lectern.models.commerce import (
    BillingInterval,
    Coupon,
    CouponDuration,
    CouponRedemption,
    CouponTarget,
    DiscountKind,
    Order,
    OrderKind,
    OrderLine,
    OrderStatus,
    PaymentCustomer,
    PaymentEvent,
    PaymentProvider,
    Plan,
    PlanScope,
    RedemptionStatus,
    Refund,
    RefundStatus,
    SubscribedCourse,
    Subscription,
    SubscriptionStatus,
    TestPaymentObject,
    plan_courses,
)
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
from lectern.models.user import Role, User, UserRole
from lectern.models.user_session import UserSession

__all__ = [
    "IN_FLIGHT",
    "ActionToken",
    "ApiToken",
    "ApplicationStatus",
    "AuditEvent",
    "Base",
    "BillingInterval",
    "Bookmark",
    "Category",
    "Certificate",
    "Coupon",
    "CouponDuration",
    "CouponRedemption",
    "CouponTarget",
    "Course",
    "CourseInstructor",
    "CourseLevel",
    "CourseSearchDocument",
    "CourseStatus",
    "DiscountKind",
    "Enrollment",
    "EnrollmentSource",
    "HeartbeatBatch",
    "InstructorApplication",
    "Lesson",
    "LessonCaption",
    "LessonCompletion",
    "LessonKind",
    "LessonProgress",
    "Note",
    "Order",
    "OrderKind",
    "OrderLine",
    "OrderStatus",
    "PaymentCustomer",
    "PaymentEvent",
    "PaymentProvider",
    "Plan",
    "PlanScope",
    "RedemptionStatus",
    "Refund",
    "RefundStatus",
    "Role",
    "SearchWord",
    "Section",
    "StudentReview",
    "SubscribedCourse",
    "Subscription",
    "SubscriptionStatus",
    "TestPaymentObject",
    "TokenPurpose",
    "User",
    "UserRole",
    "UserSession",
    "VideoAsset",
    "VideoStatus",
    "WatchDay",
    "course_topics",
    "plan_courses",
]
