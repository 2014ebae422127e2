"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { CourseStatus, CourseUpdate, CurriculumOrder, LessonKind, StudioCourse, StudioCourseSummary } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { applyOrder } from "@/components/studio/curriculum-order";
import { queryKeys } from "./keys";

const course = (courseId: string) => ({ params: { path: { course_id: courseId } } });

/** Every edit answers with the whole course: it replaces the cached one, and the list is stale. */
function storeCourse(queryClient: QueryClient, updated: StudioCourse) {
  queryClient.setQueryData(queryKeys.studio.course(updated.id), updated);
  queryClient.setQueryData<StudioCourseSummary[]>(queryKeys.studio.courses, (list) =>
    list?.map((summary) => (summary.id === updated.id ? { ...summary, ...pickSummary(updated) } : summary)),
  );
}

function pickSummary(updated: StudioCourse): Partial<StudioCourseSummary> {
  const { title, slug, status, cover_url, lesson_count, duration_seconds, price_amount, currency, review_reason, submitted_at, updated_at } = updated;
  return { title, slug, status, cover_url, lesson_count, duration_seconds, price_amount, currency, review_reason, submitted_at, updated_at };
}

// --- the list -------------------------------------------------------------------------

export function useStudioCourses() {
  return useQuery({
    queryKey: queryKeys.studio.courses,
    queryFn: () => unwrap(api.GET("/api/studio/courses")),
  });
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (title: string) => unwrap(api.POST("/api/studio/courses", { body: { title } })),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.studio.course(created.id), created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.studio.courses });
    },
  });
}

export function useDuplicateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) => unwrap(api.POST("/api/studio/courses/{course_id}/duplicate", course(courseId))),
    onSuccess: (copy) => {
      queryClient.setQueryData(queryKeys.studio.course(copy.id), copy);
      void queryClient.invalidateQueries({ queryKey: queryKeys.studio.courses });
    },
  });
}

export function useDeleteCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) => unwrap(api.DELETE("/api/studio/courses/{course_id}", course(courseId))),
    // The editor that asked is still mounted: its query is left to expire rather than refetch a 404.
    onSuccess: (_nothing, courseId) => {
      queryClient.setQueryData<StudioCourseSummary[]>(queryKeys.studio.courses, (list) => list?.filter((summary) => summary.id !== courseId));
    },
  });
}

// --- one course -----------------------------------------------------------------------

export function useStudioCourse(courseId: string) {
  return useQuery({
    queryKey: queryKeys.studio.course(courseId),
    queryFn: () => unwrap(api.GET("/api/studio/courses/{course_id}", course(courseId))),
  });
}

export function useCourseHistory(courseId: string) {
  return useQuery({
    queryKey: queryKeys.studio.history(courseId),
    queryFn: () => unwrap(api.GET("/api/studio/courses/{course_id}/history", course(courseId))),
  });
}

/** The autosave's PATCH: only the fields that changed. */
export function useUpdateCourse(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: CourseUpdate) => unwrap(api.PATCH("/api/studio/courses/{course_id}", { ...course(courseId), body: changes })),
    onSuccess: (updated) => storeCourse(queryClient, updated),
  });
}

/** A mutation whose answer is the whole course, which then replaces the cached one. */
function useCourseMutation<Input>(courseId: string, call: (input: Input) => Promise<StudioCourse>, options: { history?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (updated) => {
      storeCourse(queryClient, updated);
      if (options.history) void queryClient.invalidateQueries({ queryKey: queryKeys.studio.history(courseId) });
    },
  });
}

// --- the workflow ---------------------------------------------------------------------

export function useSubmitCourse(courseId: string) {
  return useCourseMutation(courseId, () => unwrap(api.POST("/api/studio/courses/{course_id}/submit", course(courseId))), { history: true });
}

export function useWithdrawCourse(courseId: string) {
  return useCourseMutation(courseId, () => unwrap(api.POST("/api/studio/courses/{course_id}/withdraw", course(courseId))), { history: true });
}

export type Visibility = Extract<CourseStatus, "published" | "unlisted" | "archived">;

export function useSetVisibility(courseId: string) {
  return useCourseMutation(
    courseId,
    (status: Visibility) => unwrap(api.PUT("/api/studio/courses/{course_id}/visibility", { ...course(courseId), body: { status } })),
    { history: true },
  );
}

// --- cover and team -------------------------------------------------------------------

export function useRemoveCover(courseId: string) {
  return useCourseMutation(courseId, () => unwrap(api.DELETE("/api/studio/courses/{course_id}/cover", course(courseId))));
}

/** Stores the course a cover upload answered with (the upload itself goes by XHR, for progress). */
export function useStoreCourse() {
  const queryClient = useQueryClient();
  return (updated: StudioCourse) => storeCourse(queryClient, updated);
}

export function useAddInstructor(courseId: string) {
  return useCourseMutation(courseId, (email: string) =>
    unwrap(api.POST("/api/studio/courses/{course_id}/instructors", { ...course(courseId), body: { email } })),
  );
}

export function useRemoveInstructor(courseId: string) {
  return useCourseMutation(courseId, (userId: string) =>
    unwrap(api.DELETE("/api/studio/courses/{course_id}/instructors/{user_id}", { params: { path: { course_id: courseId, user_id: userId } } })),
  );
}

// --- the curriculum -------------------------------------------------------------------

export function useAddSection(courseId: string) {
  return useCourseMutation(courseId, (title: string) =>
    unwrap(api.POST("/api/studio/courses/{course_id}/sections", { ...course(courseId), body: { title } })),
  );
}

export function useRenameSection(courseId: string) {
  return useCourseMutation(courseId, ({ sectionId, title }: { sectionId: string; title: string }) =>
    unwrap(api.PATCH("/api/studio/sections/{section_id}", { params: { path: { section_id: sectionId } }, body: { title } })),
  );
}

export function useDeleteSection(courseId: string) {
  return useCourseMutation(courseId, (sectionId: string) =>
    unwrap(api.DELETE("/api/studio/sections/{section_id}", { params: { path: { section_id: sectionId } } })),
  );
}

export function useAddLesson(courseId: string) {
  return useCourseMutation(courseId, ({ sectionId, title, kind }: { sectionId: string; title: string; kind: LessonKind }) =>
    unwrap(api.POST("/api/studio/sections/{section_id}/lessons", { params: { path: { section_id: sectionId } }, body: { title, kind } })),
  );
}

type LessonChanges = { title?: string; is_preview?: boolean; body?: string };

export function useUpdateLesson(courseId: string) {
  return useCourseMutation(courseId, ({ lessonId, changes }: { lessonId: string; changes: LessonChanges }) =>
    unwrap(api.PATCH("/api/studio/lessons/{lesson_id}", { params: { path: { lesson_id: lessonId } }, body: changes })),
  );
}

/** The free-preview switch flips at once and flips back if the API refuses. */
export function useSetLessonPreview(courseId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.studio.course(courseId);
  return useMutation({
    mutationFn: ({ lessonId, isPreview }: { lessonId: string; isPreview: boolean }) =>
      unwrap(api.PATCH("/api/studio/lessons/{lesson_id}", { params: { path: { lesson_id: lessonId } }, body: { is_preview: isPreview } })),
    onMutate: async ({ lessonId, isPreview }) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<StudioCourse>(key);
      queryClient.setQueryData<StudioCourse>(key, (current) =>
        current && {
          ...current,
          sections: current.sections.map((section) => ({
            ...section,
            lessons: section.lessons.map((lesson) => (lesson.id === lessonId ? { ...lesson, is_preview: isPreview } : lesson)),
          })),
        },
      );
      return { previous };
    },
    onError: (_error, _change, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (updated) => storeCourse(queryClient, updated),
  });
}

export function useDeleteLesson(courseId: string) {
  return useCourseMutation(courseId, (lessonId: string) =>
    unwrap(api.DELETE("/api/studio/lessons/{lesson_id}", { params: { path: { lesson_id: lessonId } } })),
  );
}

/** Sends the whole order; the curriculum is drawn in its new order at once and put back on failure. */
export function useReorderCurriculum(courseId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.studio.course(courseId);
  return useMutation({
    mutationFn: (order: CurriculumOrder) => unwrap(api.PUT("/api/studio/courses/{course_id}/curriculum", { ...course(courseId), body: order })),
    onMutate: async (order) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<StudioCourse>(key);
      queryClient.setQueryData<StudioCourse>(key, (current) => current && { ...current, sections: applyOrder(current.sections, order) });
      return { previous };
    },
    onError: (_error, _order, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (updated) => storeCourse(queryClient, updated),
  });
}

// --- choices for the details form -----------------------------------------------------

export function useTopicChoices() {
  return useQuery({
    queryKey: queryKeys.catalog.topics,
    queryFn: () => unwrap(api.GET("/api/catalog/topics")),
    staleTime: 5 * 60_000,
  });
}

export function useLanguageChoices() {
  return useQuery({
    queryKey: queryKeys.catalog.languages,
    queryFn: () => unwrap(api.GET("/api/catalog/languages")),
    staleTime: 5 * 60_000,
  });
}
