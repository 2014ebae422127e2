"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { toast } from "@/components/ui/toaster";
import { queryKeys } from "@/hooks/queries/keys";
import { useMe } from "@/hooks/queries/me";
import type { Me } from "@/lib/api/models";

/**
 * Listens to /api/me/events while someone is signed in: a role granted by an admin or a
 * profile edited in another tab shows up at once, and a page whose session was ended from
 * another device leaves for the sign-in page instead of failing at the next click.
 */
export function AccountEvents() {
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const router = useRouter();
  const signedIn = Boolean(me);

  useEffect(() => {
    if (!signedIn) return;
    const source = new EventSource("/api/me/events");

    source.addEventListener("account_changed", () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.all });
    });

    source.addEventListener("sessions_ended", async () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.auth.sessions });
      // Was it this browser? /api/me answers null once our own session is gone.
      await queryClient.refetchQueries({ queryKey: queryKeys.me });
      if (queryClient.getQueryData<Me | null>(queryKeys.me)) return;
      source.close();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      toast.info("You were signed out from another device.");
      router.push("/sign-in");
      router.refresh();
    });

    return () => source.close();
  }, [signedIn, queryClient, router]);

  return null;
}
