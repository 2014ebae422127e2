import type { ApplicationStatus, CourseStatus, Role } from "@/lib/api/models";

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
