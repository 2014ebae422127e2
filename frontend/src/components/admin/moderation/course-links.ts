import type { CourseStatus } from "@/lib/api/models";

type LinkedCourse = { id: string; slug: string; status: CourseStatus };

/** Published and unlisted courses have a public page; the rest only a preview. */
export function isPublic(course: { status: CourseStatus }): boolean {
  return course.status === "published" || course.status === "unlisted";
}

/** Where an admin reads a course: its public page when it has one, else the admin preview. */
export function courseHref(course: LinkedCourse): string {
  return isPublic(course) ? `/courses/${course.slug}` : `/admin/courses/${course.id}`;
}
