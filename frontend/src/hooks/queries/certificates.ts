"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

/** The signed-in student's certificates, the newest first. */
export function useMyCertificates(enabled = true) {
  return useQuery({
    queryKey: queryKeys.certificates.mine,
    queryFn: () => unwrap(api.GET("/api/me/certificates")),
    enabled,
  });
}
