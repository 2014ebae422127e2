"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import { isApiError } from "@/lib/api/errors";
import type { JsonBody, Me } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

/** The signed-in user, or null when signed out. The root layout seeds it from the server. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await unwrap(api.GET("/api/me"));
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: JsonBody<"/api/me", "patch">) => unwrap(api.PATCH("/api/me", { body: changes })),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}

export function useUploadAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.PUT("/api/me/avatar", {
          // The generated type says `string` for a binary field; the browser sends a File.
          body: { file: file as unknown as string },
          bodySerializer: (body) => {
            const form = new FormData();
            form.append("file", body.file as unknown as File);
            return form;
          },
        }),
      ),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}

export function useRemoveAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/me/avatar")),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}

export function useApplyAsInstructor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (motivation: string) => unwrap(api.POST("/api/me/instructor-application", { body: { motivation } })),
    onSuccess: (application) =>
      queryClient.setQueryData<Me | null>(queryKeys.me, (me) => (me ? { ...me, instructor_application: application } : me)),
  });
}
