import type { CourseLanding, LessonOutline } from "@/lib/api/models";

/** Where a free preview lesson is read. */
export function lessonHref(slug: string, lessonId: string): string {
  return `/courses/${encodeURIComponent(slug)}/lessons/${encodeURIComponent(lessonId)}`;
}

/** Every free preview lesson, in curriculum order. */
export function previewLessons(course: Pick<CourseLanding, "sections">): LessonOutline[] {
  return course.sections.flatMap((section) => section.lessons.filter((lesson) => lesson.is_preview));
}

/** Every lesson in curriculum order, each with its section's title. */
export function lessonsInOrder(course: Pick<CourseLanding, "sections">): (LessonOutline & { sectionTitle: string })[] {
  return course.sections.flatMap((section) => section.lessons.map((lesson) => ({ ...lesson, sectionTitle: section.title })));
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}
