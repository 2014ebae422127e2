"use client";

import { RouteError } from "@/components/route-error";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <RouteError
      title="Something went wrong"
      message="This page couldn't load. It is usually a passing problem."
      reset={reset}
    />
  );
}
