// Short names for the generated API types, so components read in the words of the domain.
// Only aliases live here: every shape comes from schema.d.ts (generated from openapi.json).
import type { components, paths } from "./schema";

type Schemas = components["schemas"];

export type Me = Schemas["Me"];
export type Role = Schemas["Role"];
export type InstructorApplication = Schemas["InstructorApplication"];
export type ApplicationStatus = InstructorApplication["status"];
export type Session = Schemas["SessionInfo"];
export type ApiToken = Schemas["ApiTokenInfo"];
export type ApiTokenCreated = Schemas["ApiTokenCreated"];
export type AdminUser = Schemas["AdminUser"];
export type AdminUserPage = Schemas["Page_AdminUser_"];

export type CourseCard = Schemas["CourseCard"];
export type CatalogPage = Schemas["CatalogPage"];
export type CourseLanding = Schemas["CourseLanding"];
export type SectionOutline = Schemas["SectionOutline"];
export type LessonOutline = Schemas["LessonOutline"];
export type LessonContent = Schemas["LessonContent"];
export type Fragment = Schemas["Fragment"];
export type Topic = Schemas["Topic"];
export type TopicRef = Schemas["TopicRef"];
export type Language = Schemas["Language"];
export type CatalogSort = Schemas["CatalogSort"];
export type DurationBucket = Schemas["DurationBucket"];
export type PriceFilter = Schemas["PriceFilter"];
export type CourseLevel = Schemas["CourseLevel"];
export type CourseStatus = Schemas["CourseStatus"];
export type LessonKind = Schemas["LessonKind"];
export type InstructorRef = Schemas["InstructorRef"];
export type StudioCourse = Schemas["StudioCourse"];
export type StudioCourseSummary = Schemas["StudioCourseSummary"];
export type StudioSection = Schemas["StudioSection"];
export type StudioLesson = Schemas["StudioLesson"];
export type CourseUpdate = Schemas["CourseUpdate"];
export type CurriculumOrder = Schemas["CurriculumOrder"];
export type ReviewEvent = Schemas["ReviewEvent"];
export type AdminCourse = Schemas["AdminCourse"];
export type AuditEntry = Schemas["AuditEntry"];
export type AuditPage = Schemas["Page_AuditEntry_"];

export type LessonVideo = Schemas["LessonVideo"];
export type VideoOut = Schemas["VideoOut"];
export type VideoStatus = Schemas["VideoStatus"];
export type Rendition = Schemas["RenditionOut"];
export type CaptionOut = Schemas["CaptionOut"];
export type CaptionUpdate = Schemas["CaptionUpdate"];
export type CaptionUploadBody = Schemas["Body_studio_uploadCaptions"];
export type EnrolledStudent = Schemas["EnrolledStudent"];
export type EnrollmentSource = Schemas["EnrollmentSource"];

export type PlaybackGrant = Schemas["PlaybackGrant"];
export type CaptionTrack = Schemas["CaptionTrack"];
export type Heartbeat = Schemas["Heartbeat"];
export type CourseProgress = Schemas["CourseProgress"];
export type LessonProgress = Schemas["LessonProgressOut"];
export type SectionProgress = Schemas["SectionProgressOut"];
export type LessonCompletion = Schemas["LessonCompletion"];
/** How a student finishes a lesson by their own word: read to its end, or marked done. */
export type LessonCompletionBy = Schemas["CompletionMark"]["by"];

/** The JSON body an operation accepts, looked up by path and method rather than schema name. */
export type JsonBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

export type Note = Schemas["NoteOut"];
export type NoteCreate = Schemas["NoteCreate"];
export type NoteUpdate = Schemas["NoteUpdate"];
export type CourseNotes = Schemas["CourseNotes"];
export type LessonNotes = Schemas["LessonNotes"];
export type Bookmark = Schemas["BookmarkOut"];
export type BookmarkCreate = Schemas["BookmarkCreate"];

export type Certificate = Schemas["CertificateOut"];
export type CertificateVerification = Schemas["CertificateVerification"];
export type StudentReview = Schemas["ReviewOut"];
export type MyReview = Schemas["MyReview"];
export type MyReviewState = Schemas["MyReviewState"];
export type ReviewWrite = Schemas["ReviewWrite"];
export type ReviewPage = Schemas["ReviewPage"];
export type RatingSummary = Schemas["RatingSummary"];
export type AdminStudentReview = Schemas["AdminReview"];
export type AdminStudentReviewPage = Schemas["Page_AdminReview_"];
export type ReviewVisibility = Schemas["ReviewVisibility"];

export type CourseAccess = Schemas["CourseAccess"];
export type CourseEnrollment = Schemas["CourseEnrollment"];
export type LessonRef = Schemas["LessonRef"];
export type ProgressSummary = Schemas["ProgressSummary"];
export type LearningDashboard = Schemas["LearningDashboard"];
export type DashboardCourse = Schemas["DashboardCourse"];
export type ContinueWatching = Schemas["ContinueWatching"];
export type WatchWeek = Schemas["WatchWeek"];
export type WatchDay = Schemas["WatchDayOut"];
export type Recommendation = Schemas["Recommendation"];
export type RecommendationReason = Schemas["RecommendationReason"];

export type PaymentsConfig = Schemas["PaymentsConfig"];
export type PaymentProvider = Schemas["PaymentProvider"];
export type Plan = Schemas["PlanOut"];
export type PlanWrite = Schemas["PlanWrite"];
export type PlanPatch = Schemas["PlanPatch"];
export type Quote = Schemas["Quote"];
export type Purchase = Schemas["Purchase"];
export type CheckoutRequest = Schemas["CheckoutRequest"];
export type CheckoutStarted = Schemas["CheckoutStarted"];
export type Order = Schemas["OrderOut"];
export type OrderStatus = Schemas["OrderStatus"];
export type AdminOrder = Schemas["AdminOrderOut"];
export type AdminOrderPage = Schemas["AdminOrderPage"];
export type Subscription = Schemas["SubscriptionOut"];
export type SubscriptionStatus = Schemas["SubscriptionStatus"];
export type AdminSubscription = Schemas["AdminSubscriptionOut"];
export type Coupon = Schemas["CouponOut"];
export type CouponWrite = Schemas["CouponWrite"];
export type TestCheckout = Schemas["TestCheckoutView"];
// Quizzes, assignments and grading.
export type AnswerIn = Schemas["AnswerIn"];
export type AnswerKey = Schemas["AnswerKey"];
export type AnswerResult = Schemas["AnswerResult"];
export type AnswerReveal = Schemas["AnswerReveal"];
export type AttemptOut = Schemas["AttemptOut"];
export type AttemptQuestion = Schemas["AttemptQuestion"];
export type AttemptSummary = Schemas["AttemptSummary"];
export type AttemptReview = Schemas["AttemptReview"];
export type ReviewedAnswer = Schemas["ReviewedAnswer"];
export type StudentQuiz = Schemas["StudentQuiz"];
export type StudentAssignment = Schemas["StudentAssignment"];
export type StudentGrade = Schemas["StudentGrade"];
export type CourseGrades = Schemas["CourseGrades"];
export type SubmissionOut = Schemas["SubmissionOut"];
export type SubmissionFile = Schemas["SubmissionFileOut"];
export type SubmissionGrade = Schemas["SubmissionGrade"];
export type SubmissionReview = Schemas["SubmissionReview"];
export type RubricCriterion = Schemas["RubricCriterion"];
export type RubricLevel = Schemas["RubricLevel"];
export type RubricScore = Schemas["RubricScore"];
export type QuestionKind = Schemas["QuestionKind"];
export type QuestionOut = Schemas["QuestionOut"];
export type QuestionSpec = Schemas["QuestionSpec"];
export type QuestionWrite = Schemas["QuestionWrite"];
export type ChoiceOption = Schemas["ChoiceOption"];
export type ShownOption = Schemas["ShownOption"];
export type StudioQuiz = Schemas["StudioQuiz"];
export type QuizSettingsUpdate = Schemas["QuizSettingsUpdate"];
export type QuizSourceOut = Schemas["QuizSourceOut"];
export type StudioAssignment = Schemas["StudioAssignment"];
export type AssignmentUpdate = Schemas["AssignmentUpdate"];
export type BankOut = Schemas["BankOut"];
export type BankSummary = Schemas["BankSummary"];
export type LatePolicy = Schemas["StudioQuiz"]["late_policy"];
export type GradingQueue = Schemas["GradingQueue"];
export type GradingItem = Schemas["GradingItem"];
export type QueueState = Schemas["QueueState"];
export type GradeEvent = Schemas["GradeEventOut"];
export type Gradebook = Schemas["Gradebook"];
export type GradebookFilter = Schemas["GradebookFilter"];
export type GradebookCell = Schemas["GradebookCell"];
export type GradebookRow = Schemas["GradebookRow"];
export type Deadline = Schemas["Deadline"];
export type NewGrade = Schemas["NewGrade"];
