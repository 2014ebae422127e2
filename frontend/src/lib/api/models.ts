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
export type PositionUpdate = Schemas["PositionUpdate"];

/** The JSON body an operation accepts, looked up by path and method rather than schema name. */
export type JsonBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : never;
