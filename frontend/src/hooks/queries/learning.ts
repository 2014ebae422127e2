"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { CourseEnrollment, LearningDashboard, Recommendation } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

/** The student's dashboard ("My learning"); the page starts from what the server fetched. */
export function useLearningDashboard(initialData?: LearningDashboard, fetchedAt?: number) {
  return useQuery({
    queryKey: queryKeys.learning.dashboard,
    queryFn: ({ signal }) => unwrap(api.GET("/api/me/learning", { signal })),
    initialData,
    initialDataUpdatedAt: fetchedAt,
  });
}

/** Up to six courses to take next, each with its reason. The API caches them for minutes. */
export function useRecommendations(initialData?: Recommendation[], fetchedAt?: number) {
  return useQuery({
    queryKey: queryKeys.learning.recommendations,
    queryFn: ({ signal }) => unwrap(api.GET("/api/me/recommendations", { signal })),
    initialData,
    initialDataUpdatedAt: fetchedAt,
    staleTime: 60_000,
  });
}

/** The viewer's access to a course, enrolment and progress; signed-in viewers only. */
export function useCourseEnrollment(courseId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.learning.enrollment(courseId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/courses/{course_id}/enrollment", { params: { path: { course_id: courseId } }, signal })),
    enabled,
  });
}

/** Everything an enrolment changes for the student: their dashboard, suggestions, progress. */
function useEnrollmentChanged(courseId: string) {
  const queryClient = useQueryClient();
  return (state: CourseEnrollment | null) => {
    if (state) queryClient.setQueryData(queryKeys.learning.enrollment(courseId), state);
    else void queryClient.invalidateQueries({ queryKey: queryKeys.learning.enrollment(courseId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.learning.dashboard });
    void queryClient.invalidateQueries({ queryKey: queryKeys.learning.recommendations });
    void queryClient.invalidateQueries({ queryKey: queryKeys.progress.course(courseId) });
  };
}

/** One-click enrolment in a free course (idempotent: a second click is harmless). */
export function useEnroll(courseId: string) {
  const changed = useEnrollmentChanged(courseId);
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/courses/{course_id}/enrollment", { params: { path: { course_id: courseId } } })),
    onSuccess: changed,
  });
}

/** Leaving a course joined for free; progress stays for a return. */
export function useLeaveCourse(courseId: string) {
  const changed = useEnrollmentChanged(courseId);
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/courses/{course_id}/enrollment", { params: { path: { course_id: courseId } } })),
    onSuccess: () => changed(null),
  });
}
