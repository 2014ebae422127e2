"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { CourseProgress, LessonCompletionBy } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { withLessonCompleted } from "@/lib/progress/course-progress";
import { queryKeys } from "./keys";

/**
 * The signed-in student's progress in a course. Only asked for when `enabled` (an enrolled
 * student): nobody else has progress, and a preview viewer's page makes no progress calls.
 */
export function useCourseProgress(courseId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.progress.course(courseId ?? ""),
    queryFn: ({ signal }) => unwrap(api.GET("/api/courses/{course_id}/progress", { params: { path: { course_id: courseId ?? "" } }, signal })),
    enabled: enabled && courseId !== null,
  });
}

type CompletionChange = {
  lessonId: string;
  /** The lesson's section, to move its count at once. */
  sectionId: string | null;
  /** Done (by reading to the end or marking it) or opened again. */
  completed: boolean;
  by?: LessonCompletionBy;
};

/**
 * Marks a lesson done ("read" when an article was read to its end, "marked" by the button) or
 * opens it again. The marks, counts and percent move at once and settle on the server's answer
 * (the whole course's progress); a failure puts them back.
 */
export function useLessonCompletion(courseId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.progress.course(courseId);
  return useMutation({
    mutationFn: ({ lessonId, completed, by = "marked" }: CompletionChange) => {
      const lesson = { params: { path: { lesson_id: lessonId } } };
      return completed
        ? unwrap(api.PUT("/api/lessons/{lesson_id}/completion", { ...lesson, body: { by } }))
        : unwrap(api.DELETE("/api/lessons/{lesson_id}/completion", lesson));
    },
    onMutate: async ({ lessonId, sectionId, completed, by = "marked" }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<CourseProgress>(key);
      if (before) {
        queryClient.setQueryData<CourseProgress>(key, withLessonCompleted(before, { lessonId, sectionId, completed, by: completed ? by : null }));
      }
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      // Another change may have landed meanwhile: the server's figures are the ones to show.
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onSuccess: (progress) => {
      queryClient.setQueryData(key, progress);
    },
  });
}
