"use client";

import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { ApiToken, JsonBody, Me, Session } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

export function useRegister() {
  return useMutation({
    mutationFn: (body: JsonBody<"/api/auth/register", "post">) => unwrap(api.POST("/api/auth/register", { body })),
  });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST("/api/auth/verify-email", { body: { token } })),
    // Verifying may have confirmed a new address of the signed-in user.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST("/api/auth/resend-verification", { body: { email } })),
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JsonBody<"/api/auth/sign-in", "post">) => unwrap(api.POST("/api/auth/sign-in", { body })),
    onSuccess: (me) => {
      // Another user's data may still be cached from before.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

/** Forgets everything cached about the user who just left. */
function useForgetUser() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
    queryClient.setQueryData<Me | null>(queryKeys.me, null);
  };
}

export function useSignOut() {
  const forgetUser = useForgetUser();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/auth/sign-out")),
    onSuccess: forgetUser,
  });
}

export function useSignOutEverywhere() {
  const forgetUser = useForgetUser();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/auth/sign-out-everywhere")),
    onSuccess: forgetUser,
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST("/api/auth/forgot-password", { body: { email } })),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: JsonBody<"/api/auth/reset-password", "post">) => unwrap(api.POST("/api/auth/reset-password", { body })),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JsonBody<"/api/auth/change-password", "post">) => unwrap(api.POST("/api/auth/change-password", { body })),
    // The API ends every other session.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.auth.sessions }),
  });
}

export function useChangeEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JsonBody<"/api/auth/change-email", "post">) => unwrap(api.POST("/api/auth/change-email", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: queryKeys.auth.sessions,
    queryFn: () => unwrap(api.GET("/api/auth/sessions")),
  });
}

export function useApiTokens() {
  return useQuery({
    queryKey: queryKeys.auth.tokens,
    queryFn: () => unwrap(api.GET("/api/auth/tokens")),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JsonBody<"/api/auth/tokens", "post">) => unwrap(api.POST("/api/auth/tokens", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.auth.tokens }),
  });
}

/**
 * A delete that takes the item out of a cached list at once and puts the list back if the API
 * refuses. Safe for sessions and tokens: removing one never changes any other item.
 */
function useOptimisticRemoval<T extends { id: string }>(queryKey: QueryKey, remove: (id: string) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: remove,
    onMutate: async (id: string) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<T[]>(queryKey);
      queryClient.setQueryData<T[]>(queryKey, (items) => items?.filter((item) => item.id !== id));
      return { previous };
    },
    onError: (_error, _id, context) => queryClient.setQueryData(queryKey, context?.previous),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}

export function useEndSession() {
  return useOptimisticRemoval<Session>(queryKeys.auth.sessions, (id) =>
    unwrap(api.DELETE("/api/auth/sessions/{session_id}", { params: { path: { session_id: id } } })),
  );
}

export function useRevokeApiToken() {
  return useOptimisticRemoval<ApiToken>(queryKeys.auth.tokens, (id) =>
    unwrap(api.DELETE("/api/auth/tokens/{token_id}", { params: { path: { token_id: id } } })),
  );
}
