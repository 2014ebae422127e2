"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { AdminCourse, CourseStatus, JsonBody, Topic } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

const AUDIT_PAGE_SIZE = 30;

// --- courses ---------------------------------------------------------------------------

/** Courses waiting for a decision, the oldest submission first. */
export function useReviewQueue() {
  return useQuery({
    queryKey: queryKeys.admin.reviews,
    queryFn: () => unwrap(api.GET("/api/admin/reviews")),
  });
}

export function useAdminCourses(filters: { q: string; status: CourseStatus | null }) {
  return useQuery({
    queryKey: queryKeys.admin.courseList(filters),
    queryFn: () =>
      unwrap(api.GET("/api/admin/courses", { params: { query: { q: filters.q || undefined, status: filters.status ?? undefined } } })),
    placeholderData: (previous) => previous,
  });
}

/** The landing page exactly as students will see it, whatever the course's status. */
export function useCoursePreview(courseId: string | null) {
  return useQuery({
    queryKey: queryKeys.studio.preview(courseId ?? ""),
    queryFn: () => unwrap(api.GET("/api/studio/courses/{course_id}/preview", { params: { path: { course_id: courseId ?? "" } } })),
    enabled: courseId !== null,
  });
}

/** One course's record as its team sees it in the studio (admins may read any course). */
export function useCourseRecord(courseId: string) {
  return useQuery({
    queryKey: queryKeys.studio.course(courseId),
    queryFn: () => unwrap(api.GET("/api/studio/courses/{course_id}", { params: { path: { course_id: courseId } } })),
  });
}

/** A decision changes the queue, every course list and the audit log at once. */
function afterDecision(queryClient: QueryClient, courseId: string) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.admin.reviews });
  void queryClient.invalidateQueries({ queryKey: queryKeys.admin.courses });
  void queryClient.invalidateQueries({ queryKey: queryKeys.admin.audit });
  void queryClient.invalidateQueries({ queryKey: queryKeys.studio.course(courseId) });
}

function withoutCourse(queue: AdminCourse[] | undefined, courseId: string) {
  return queue?.filter((course) => course.id !== courseId);
}

/** Publishes a course; it leaves the queue at once and comes back if the API refuses. */
export function useApproveCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) => unwrap(api.POST("/api/admin/courses/{course_id}/approve", { params: { path: { course_id: courseId } } })),
    onMutate: async (courseId) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.admin.reviews });
      const previous = queryClient.getQueryData<AdminCourse[]>(queryKeys.admin.reviews);
      queryClient.setQueryData<AdminCourse[]>(queryKeys.admin.reviews, (queue) => withoutCourse(queue, courseId));
      return { previous };
    },
    onError: (_error, _courseId, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.admin.reviews, context.previous);
    },
    onSettled: (_data, _error, courseId) => afterDecision(queryClient, courseId),
  });
}

/**
 * Sends a course back with the reviewer's reason. The course leaves the queue once the API has
 * accepted the reason, not before: a refused reason is shown in the dialog that is still open.
 */
export function useRejectCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ courseId, reason }: { courseId: string; reason: string }) =>
      unwrap(api.POST("/api/admin/courses/{course_id}/reject", { params: { path: { course_id: courseId } }, body: { reason } })),
    onSuccess: (_course, { courseId }) => {
      queryClient.setQueryData<AdminCourse[]>(queryKeys.admin.reviews, (queue) => withoutCourse(queue, courseId));
      afterDecision(queryClient, courseId);
    },
  });
}

/** Takes a live course out of the catalog; it becomes a draft its team fixes and resubmits. */
export function useUnpublishCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ courseId, reason }: { courseId: string; reason: string }) =>
      unwrap(api.POST("/api/admin/courses/{course_id}/unpublish", { params: { path: { course_id: courseId } }, body: { reason } })),
    onSuccess: (course) => {
      queryClient.setQueriesData<AdminCourse[]>({ queryKey: queryKeys.admin.courses }, (list) =>
        list?.map((row) => (row.id === course.id ? { ...row, status: course.status, review_reason: course.review_reason, updated_at: course.updated_at } : row)),
      );
      afterDecision(queryClient, course.id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.studio.preview(course.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.catalog.all });
    },
  });
}

// --- topics ----------------------------------------------------------------------------

/** The whole topic tree as a flat list, parents before children. */
export function useTopicTree() {
  return useQuery({
    queryKey: queryKeys.catalog.topics,
    queryFn: () => unwrap(api.GET("/api/catalog/topics")),
  });
}

type TopicChanges = JsonBody<"/api/admin/topics/{topic_id}", "patch">;

function refreshTopics(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.catalog.topics });
  void queryClient.invalidateQueries({ queryKey: queryKeys.admin.audit });
}

export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JsonBody<"/api/admin/topics", "post">) => unwrap(api.POST("/api/admin/topics", { body })),
    onSuccess: (topic) => {
      // Shown at once, at the end of its siblings where the API put it; the refetch fills in the rest.
      queryClient.setQueryData<Topic[]>(queryKeys.catalog.topics, (topics) => (topics ? [...topics, topic] : topics));
      refreshTopics(queryClient);
    },
  });
}

/**
 * Renames, moves or reorders one topic. A rename or a new position shows at once and is put back
 * on failure; a new parent waits for the API, because a refused move (a cycle, too deep) is
 * explained in the dialog that asked for it, and that dialog lives in the row being moved.
 */
export function useUpdateTopic() {
  const queryClient = useQueryClient();
  const patchTopic = (topicId: string, patch: (topic: Topic) => Topic) =>
    queryClient.setQueryData<Topic[]>(queryKeys.catalog.topics, (topics) => topics?.map((topic) => (topic.id === topicId ? patch(topic) : topic)));
  return useMutation({
    mutationFn: ({ topicId, changes }: { topicId: string; changes: TopicChanges }) =>
      unwrap(api.PATCH("/api/admin/topics/{topic_id}", { params: { path: { topic_id: topicId } }, body: changes })),
    onMutate: async ({ topicId, changes }) => {
      if ("parent_id" in changes) return { previous: undefined };
      await queryClient.cancelQueries({ queryKey: queryKeys.catalog.topics });
      const previous = queryClient.getQueryData<Topic[]>(queryKeys.catalog.topics);
      patchTopic(topicId, (topic) => ({ ...topic, name: changes.name ?? topic.name, position: changes.position ?? topic.position }));
      return { previous };
    },
    onError: (_error, _change, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.catalog.topics, context.previous);
    },
    onSuccess: (updated) => {
      // The answer doesn't count courses; the refetch below brings every count up to date.
      patchTopic(updated.id, (topic) => ({ ...updated, course_count: topic.course_count }));
    },
    onSettled: () => refreshTopics(queryClient),
  });
}

export function useDeleteTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (topicId: string) => unwrap(api.DELETE("/api/admin/topics/{topic_id}", { params: { path: { topic_id: topicId } } })),
    onSuccess: (_nothing, topicId) => {
      queryClient.setQueryData<Topic[]>(queryKeys.catalog.topics, (topics) => topics?.filter((topic) => topic.id !== topicId));
      refreshTopics(queryClient);
    },
  });
}

// --- audit -----------------------------------------------------------------------------

/** The audit log, newest first, a page at a time; `action` is an action or a prefix such as "course.". */
export function useAuditLog(filters: { action: string | null; subjectId: string | null }) {
  return useInfiniteQuery({
    queryKey: queryKeys.admin.auditList({ action: filters.action, subjectId: filters.subjectId }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/admin/audit", {
          params: {
            query: {
              action: filters.action ?? undefined,
              subject_id: filters.subjectId ?? undefined,
              cursor: pageParam ?? undefined,
              limit: AUDIT_PAGE_SIZE,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor,
  });
}

