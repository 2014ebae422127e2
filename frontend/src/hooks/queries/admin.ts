"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { AdminUser, AdminUserPage, ApplicationStatus, EnrolledStudent, Role } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

const PAGE_SIZE = 20;

export function useAdminUsers(filters: { q: string; role: Role | null }) {
  return useInfiniteQuery({
    queryKey: queryKeys.admin.userList(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/admin/users", {
          params: {
            query: {
              q: filters.q || undefined,
              role: filters.role ?? undefined,
              cursor: pageParam ?? undefined,
              limit: PAGE_SIZE,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor,
  });
}

type RoleChange = { user: AdminUser; role: Role; granted: boolean };

function withRole(user: AdminUser, role: Role, granted: boolean): AdminUser {
  const roles = user.roles.filter((held) => held !== role);
  return { ...user, roles: granted ? [...roles, role] : roles };
}

/** Replaces one user in every cached page of every user list. */
function replaceUser(data: InfiniteData<AdminUserPage> | undefined, userId: string, replace: (user: AdminUser) => AdminUser) {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((user) => (user.id === userId ? replace(user) : user)),
    })),
  };
}

/** Grants or revokes a role; the switch flips at once and flips back if the API refuses. */
export function useSetUserRole() {
  const queryClient = useQueryClient();
  const lists = { queryKey: queryKeys.admin.users };
  return useMutation({
    mutationFn: ({ user, role, granted }: RoleChange) => {
      const params = { params: { path: { user_id: user.id, role } } };
      return unwrap(granted ? api.PUT("/api/admin/users/{user_id}/roles/{role}", params) : api.DELETE("/api/admin/users/{user_id}/roles/{role}", params));
    },
    onMutate: async ({ user, role, granted }) => {
      await queryClient.cancelQueries(lists);
      const previous = queryClient.getQueriesData<InfiniteData<AdminUserPage>>(lists);
      queryClient.setQueriesData<InfiniteData<AdminUserPage>>(lists, (data) => replaceUser(data, user.id, (held) => withRole(held, role, granted)));
      return { previous };
    },
    onError: (_error, _change, context) => {
      for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: (updated) => {
      queryClient.setQueriesData<InfiniteData<AdminUserPage>>(lists, (data) => replaceUser(data, updated.id, () => updated));
    },
  });
}

export function useInstructorApplications(status: ApplicationStatus) {
  return useQuery({
    queryKey: queryKeys.admin.applicationList(status),
    queryFn: () => unwrap(api.GET("/api/admin/instructor-applications", { params: { query: { status } } })),
  });
}

export function useDecideApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: { approve: true } | { approve: false; reason: string } }) => {
      const path = { params: { path: { application_id: id } } };
      return unwrap(
        decision.approve
          ? api.POST("/api/admin/instructor-applications/{application_id}/approve", path)
          : api.POST("/api/admin/instructor-applications/{application_id}/reject", { ...path, body: { reason: decision.reason } }),
      );
    },
    onSuccess: () => {
      // An approval grants a role, so user lists are stale too.
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.applications });
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.users });
    },
  });
}

// --- enrolments ------------------------------------------------------------------------

const enrollments = (courseId: string) => ({ params: { path: { course_id: courseId } } });

/** Everyone enrolled in a course, the newest first. */
export function useCourseEnrollments(courseId: string) {
  return useQuery({
    queryKey: queryKeys.admin.enrollments(courseId),
    queryFn: () => unwrap(api.GET("/api/admin/courses/{course_id}/enrollments", enrollments(courseId))),
  });
}

/** Gives a student the course without a purchase; they top the list once the API agrees. */
export function useGrantEnrollment(courseId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.admin.enrollments(courseId);
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST("/api/admin/courses/{course_id}/enrollments", { ...enrollments(courseId), body: { email } })),
    onSuccess: (student) => {
      queryClient.setQueryData<EnrolledStudent[]>(key, (list) => list && [student, ...list.filter((each) => each.user_id !== student.user_id)]);
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.audit });
    },
  });
}

/** Takes a student's access away; they leave the list at once and come back if the API refuses. */
export function useRevokeEnrollment(courseId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.admin.enrollments(courseId);
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE("/api/admin/courses/{course_id}/enrollments/{user_id}", { params: { path: { course_id: courseId, user_id: userId } } })),
    onMutate: async (userId) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<EnrolledStudent[]>(key);
      queryClient.setQueryData<EnrolledStudent[]>(key, (list) => list?.filter((student) => student.user_id !== userId));
      return { previous };
    },
    onError: (_error, _userId, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.audit });
    },
  });
}
