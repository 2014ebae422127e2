import type { CourseProgress, LessonCompletionBy } from "@/lib/api/models";

/** The server's rule, so an optimistic figure matches the one that comes back. */
export function percentOf(completed: number, total: number): number {
  return total > 0 ? Math.floor((100 * completed) / total) : 0;
}

/** "37% complete · 3 of 8 lessons". */
export function progressSummary(progress: Pick<CourseProgress, "percent" | "completed_lessons" | "total_lessons">): string {
  const { percent, completed_lessons: done, total_lessons: total } = progress;
  return `${percent}% complete · ${done} of ${total} ${total === 1 ? "lesson" : "lessons"}`;
}

/**
 * The course's progress as it will be once a lesson is marked done (or opened again): the
 * lesson, its section's count and the course's count and percent. What the server answers
 * replaces it; a lesson already in that state changes nothing.
 */
export function withLessonCompleted(
  progress: CourseProgress,
  change: { lessonId: string; sectionId: string | null; completed: boolean; by: LessonCompletionBy | null },
): CourseProgress {
  const { lessonId, sectionId, completed, by } = change;
  const current = progress.lessons.find((lesson) => lesson.lesson_id === lessonId);
  if ((current?.completed ?? false) === completed) return progress;
  const delta = completed ? 1 : -1;
  const lessons = current
    ? progress.lessons.map((lesson) =>
        lesson.lesson_id === lessonId ? { ...lesson, completed, completed_by: completed ? by : null } : lesson,
      )
    : [...progress.lessons, { lesson_id: lessonId, completed, completed_by: by, watched_percent: 0, position_seconds: 0 }];
  const sections = progress.sections.map((section) =>
    section.section_id === sectionId
      ? { ...section, completed_lessons: Math.min(section.total_lessons, Math.max(0, section.completed_lessons + delta)) }
      : section,
  );
  const completedLessons = Math.min(progress.total_lessons, Math.max(0, progress.completed_lessons + delta));
  return {
    ...progress,
    lessons,
    sections,
    completed_lessons: completedLessons,
    percent: percentOf(completedLessons, progress.total_lessons),
    // Finishing the course (and its certificate) is the server's to say; opening a lesson again
    // can't un-finish it either, so the date stays as it was.
  };
}
