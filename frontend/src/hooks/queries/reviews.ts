"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { AdminStudentReview, AdminStudentReviewPage, MyReviewState, ReviewPage, ReviewVisibility, ReviewWrite, StudentReview } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

const REVIEWS_PAGE_SIZE = 10;
const MODERATION_PAGE_SIZE = 30;

const onCourse = (courseId: string) => ({ params: { path: { course_id: courseId } } });
const onReview = (reviewId: string) => ({ params: { path: { review_id: reviewId } } });

// --- reading ---------------------------------------------------------------------------

/** A course's visible reviews, the newest first, a page at a time; every page carries the summary. */
export function useCourseReviews(courseId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.studentReviews.list(courseId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/courses/{course_id}/reviews", {
          params: { path: { course_id: courseId }, query: { cursor: pageParam ?? undefined, limit: REVIEWS_PAGE_SIZE } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor,
  });
}

/** The signed-in user's own review of a course and whether they may write one. */
export function useMyReview(courseId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.studentReviews.mine(courseId),
    queryFn: () => unwrap(api.GET("/api/courses/{course_id}/reviews/mine", onCourse(courseId))),
    enabled,
  });
}

// --- the student's own review ------------------------------------------------------------

/** The list, the summary and the catalog's average all move with a change to a review. */
function afterReviewChange(queryClient: QueryClient, courseId: string) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.studentReviews.course(courseId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.catalog.all });
}

type Author = StudentReview["author"];

/**
 * Writes or edits the student's review. It shows as saved at once and is put back if the API
 * refuses; the list and the average refresh once the API has the new words.
 */
export function useSaveMyReview(courseId: string, author: Author) {
  const queryClient = useQueryClient();
  const key = queryKeys.studentReviews.mine(courseId);
  return useMutation({
    mutationFn: (review: ReviewWrite) => unwrap(api.PUT("/api/courses/{course_id}/reviews/mine", { ...onCourse(courseId), body: review })),
    onMutate: async (review) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<MyReviewState>(key);
      if (previous) {
        const now = new Date().toISOString();
        const base = previous.review ?? { id: "pending", course_id: courseId, created_at: now, author, reply: null, hidden: false };
        queryClient.setQueryData<MyReviewState>(key, { ...previous, review: { ...base, rating: review.rating, body: review.body?.trim() ?? "", updated_at: now } });
      }
      return { previous };
    },
    onError: (_error, _review, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<MyReviewState>(key, (state) => (state ? { ...state, review: saved } : state));
    },
    onSettled: () => afterReviewChange(queryClient, courseId),
  });
}

/** Deletes the student's review; it disappears at once and comes back if the API refuses. */
export function useDeleteMyReview(courseId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.studentReviews.mine(courseId);
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/courses/{course_id}/reviews/mine", onCourse(courseId))),
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<MyReviewState>(key);
      if (previous) queryClient.setQueryData<MyReviewState>(key, { ...previous, review: null });
      return { previous };
    },
    onError: (_error, _nothing, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => afterReviewChange(queryClient, courseId),
  });
}

// --- the team's replies ------------------------------------------------------------------

function replaceInList(queryClient: QueryClient, courseId: string, updated: StudentReview) {
  queryClient.setQueryData<InfiniteData<ReviewPage>>(queryKeys.studentReviews.list(courseId), (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) })) }
      : data,
  );
}

/** Writes or replaces the team's public answer to a review. */
export function useSaveReply(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, body }: { reviewId: string; body: string }) => unwrap(api.PUT("/api/reviews/{review_id}/reply", { ...onReview(reviewId), body: { body } })),
    onSuccess: (updated) => {
      replaceInList(queryClient, courseId, updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.studentReviews.course(courseId) });
    },
  });
}

export function useDeleteReply(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reviewId: string) => unwrap(api.DELETE("/api/reviews/{review_id}/reply", onReview(reviewId))),
    onSuccess: (updated) => {
      replaceInList(queryClient, courseId, updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.studentReviews.course(courseId) });
    },
  });
}

// --- moderation ---------------------------------------------------------------------------

/** Every student review for admins, hidden ones too, the newest first. */
export function useModeratedReviews(visibility: ReviewVisibility | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.studentReviews.moderationList({ visibility }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/admin/student-reviews", {
          params: { query: { visibility: visibility ?? undefined, cursor: pageParam ?? undefined, limit: MODERATION_PAGE_SIZE } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor,
  });
}

/** Puts the moderated review in every cached moderation page at once; the refetch then files it under its filter. */
function afterModeration(queryClient: QueryClient, updated: AdminStudentReview) {
  queryClient.setQueriesData<InfiniteData<AdminStudentReviewPage>>({ queryKey: queryKeys.studentReviews.moderation }, (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) })) }
      : data,
  );
  void queryClient.invalidateQueries({ queryKey: queryKeys.studentReviews.moderation });
  void queryClient.invalidateQueries({ queryKey: queryKeys.studentReviews.course(updated.course.id) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.admin.audit });
  void queryClient.invalidateQueries({ queryKey: queryKeys.catalog.all });
}

/** Hides a review with the admin's reason; the dialog that asked stays open if the API refuses. */
export function useHideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, reason }: { reviewId: string; reason: string }) =>
      unwrap(api.POST("/api/admin/student-reviews/{review_id}/hide", { ...onReview(reviewId), body: { reason } })),
    onSuccess: (updated) => afterModeration(queryClient, updated),
  });
}

export function useUnhideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reviewId: string) => unwrap(api.POST("/api/admin/student-reviews/{review_id}/unhide", onReview(reviewId))),
    onSuccess: (updated) => afterModeration(queryClient, updated),
  });
}
