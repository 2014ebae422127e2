"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toaster";
import { describeError } from "@/lib/api/errors";
import { useSignOut } from "@/hooks/queries/auth";

/** Signs out, then leaves for the landing page and re-renders server components without the cookie. */
export function useSignOutAndLeave() {
  const router = useRouter();
  const signOut = useSignOut();
  return {
    pending: signOut.isPending,
    signOut: () =>
      signOut.mutate(undefined, {
        onSuccess: () => {
          router.push("/");
          router.refresh();
          toast.success("You're signed out.");
        },
        onError: (error) => toast.error(describeError(error)),
      }),
  };
}
