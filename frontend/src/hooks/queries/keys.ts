import type { ApplicationStatus, CourseStatus, OrderStatus, Role } from "@/lib/api/models";

/**
 * Every query key, layered from broad to narrow so one prefix invalidates a whole family:
 * invalidating ["admin", "users"] refreshes every search and filter of the user list.
 */
export const queryKeys = {
  me: ["me"] as const,
  auth: {
    all: ["auth"] as const,
    sessions: ["auth", "sessions"] as const,
    tokens: ["auth", "tokens"] as const,
  },
  admin: {
    all: ["admin"] as const,
    users: ["admin", "users"] as const,
    userList: (filters: { q: string; role: Role | null }) => ["admin", "users", filters] as const,
    applications: ["admin", "applications"] as const,
    applicationList: (status: ApplicationStatus) => ["admin", "applications", status] as const,
    reviews: ["admin", "reviews"] as const,
    courses: ["admin", "courses"] as const,
    courseList: (filters: { q: string; status: CourseStatus | null }) => ["admin", "courses", filters] as const,
    audit: ["admin", "audit"] as const,
    auditList: (filters: { action: string | null; subjectId: string | null }) => ["admin", "audit", filters] as const,
    enrollments: (courseId: string) => ["admin", "enrollments", courseId] as const,
  },
  catalog: {
    all: ["catalog"] as const,
    /** Listing filters exactly as they appear in the URL's search params. */
    list: (params: Record<string, string | string[]>) => ["catalog", "list", params] as const,
    topics: ["catalog", "topics"] as const,
    languages: ["catalog", "languages"] as const,
    lesson: (slug: string, lessonId: string) => ["catalog", "lesson", slug, lessonId] as const,
  },
  player: {
    all: ["player"] as const,
    /** The playback grant of a lesson's video; refetched before it expires. */
    grant: (lessonId: string) => ["player", "grant", lessonId] as const,
    /** A video's seek-preview index (sprite tiles by time); the same for every grant. */
    thumbnails: (videoId: string) => ["player", "thumbnails", videoId] as const,
  },
  notes: {
    all: ["notes"] as const,
    /** The student's own notes on one lesson (the panel beside the player). */
    lessons: ["notes", "lesson"] as const,
    lesson: (lessonId: string) => ["notes", "lesson", lessonId] as const,
    /** The student's notes in a course, per search ("" for all): the per-course page. */
    courses: ["notes", "course"] as const,
    course: (courseId: string, q: string) => ["notes", "course", courseId, q] as const,
  },
  bookmarks: {
    all: ["bookmarks"] as const,
    lesson: (lessonId: string) => ["bookmarks", "lesson", lessonId] as const,
    courses: ["bookmarks", "course"] as const,
    course: (courseId: string) => ["bookmarks", "course", courseId] as const,
  },
  payments: {
    all: ["payments"] as const,
    config: ["payments", "config"] as const,
    plans: ["payments", "plans"] as const,
    order: (orderId: string) => ["payments", "order", orderId] as const,
    orders: ["payments", "orders"] as const,
    subscriptions: ["payments", "subscriptions"] as const,
    subscription: (subscriptionId: string) => ["payments", "subscriptions", subscriptionId] as const,
    testCheckout: (checkoutId: string) => ["payments", "test-checkout", checkoutId] as const,
    admin: {
      all: ["payments", "admin"] as const,
      orders: (filters: { status: OrderStatus | null; email: string }) => ["payments", "admin", "orders", filters] as const,
      plans: ["payments", "admin", "plans"] as const,
      coupons: ["payments", "admin", "coupons"] as const,
      subscriptions: ["payments", "admin", "subscriptions"] as const,
    },
  },
  progress: {
    all: ["progress"] as const,
    /** The signed-in student's progress in one course (lessons done, watched share, sections). */
    course: (courseId: string) => ["progress", "course", courseId] as const,
  },
  certificates: {
    /** The signed-in student's certificates. */
    mine: ["certificates", "mine"] as const,
  },
  /** Students' ratings and reviews of courses (not the publishing review: see admin.reviews). */
  studentReviews: {
    all: ["student-reviews"] as const,
    course: (courseId: string) => ["student-reviews", "course", courseId] as const,
    list: (courseId: string) => ["student-reviews", "course", courseId, "list"] as const,
    mine: (courseId: string) => ["student-reviews", "course", courseId, "mine"] as const,
    moderation: ["student-reviews", "moderation"] as const,
    moderationList: (filters: { visibility: string | null }) => ["student-reviews", "moderation", filters] as const,
  },
  learning: {
    all: ["learning"] as const,
    /** The signed-in student's dashboard ("My learning"). */
    dashboard: ["learning", "dashboard"] as const,
    recommendations: ["learning", "recommendations"] as const,
    /** The viewer's access to and enrolment in one course (the landing's enrol button). */
    enrollment: (courseId: string) => ["learning", "enrollment", courseId] as const,
  },
  assessments: {
    all: ["assessments"] as const,
    /** A student's view of a quiz (rules, their attempts) and of one attempt. */
    quiz: (lessonId: string) => ["assessments", "quiz", lessonId] as const,
    attempt: (attemptId: string) => ["assessments", "attempt", attemptId] as const,
    /** A student's view of an assignment (rules, their submissions, pending files). */
    assignment: (lessonId: string) => ["assessments", "assignment", lessonId] as const,
    /** A student's own grades in one course. */
    grades: (courseId: string) => ["assessments", "grades", courseId] as const,
  },
  grading: {
    all: ["grading"] as const,
    /** The studio's builders: a quiz, an assignment, the course's banks and one bank. */
    quiz: (lessonId: string) => ["grading", "quiz", lessonId] as const,
    assignment: (lessonId: string) => ["grading", "assignment", lessonId] as const,
    banks: (courseId: string) => ["grading", "banks", courseId] as const,
    bank: (bankId: string) => ["grading", "bank", bankId] as const,
    queue: (courseId: string, state: string) => ["grading", "queue", courseId, state] as const,
    submission: (id: string) => ["grading", "submission", id] as const,
    attempt: (id: string) => ["grading", "attempt", id] as const,
    gradebook: (courseId: string, filters: Record<string, string>) => ["grading", "gradebook", courseId, filters] as const,
  },
  studio: {
    all: ["studio"] as const,
    courses: ["studio", "courses"] as const,
    course: (id: string) => ["studio", "course", id] as const,
    preview: (id: string) => ["studio", "course", id, "preview"] as const,
    history: (id: string) => ["studio", "course", id, "history"] as const,
    /** A video lesson's video, pending upload and captions. */
    video: (lessonId: string) => ["studio", "lesson", lessonId, "video"] as const,
  },
};
