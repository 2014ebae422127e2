"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "@/components/ui/toaster";
import { ApiError } from "@/lib/api/errors";
import type { Me } from "@/lib/api/models";
import { queryKeys } from "@/hooks/queries/keys";
import { AccountEvents } from "./account-events";

function createQueryClient(me: Me | null): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will answer the same the second time; only network trouble and 5xx are retried.
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
  client.setQueryData(queryKeys.me, me);
  return client;
}

/** Client-side context for the whole app; `me` is the user the server saw for this request. */
export function AppProviders({ me, children }: { me: Me | null; children: ReactNode }) {
  const [queryClient] = useState(() => createQueryClient(me));
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <AccountEvents />
      <Toaster />
    </QueryClientProvider>
  );
}
