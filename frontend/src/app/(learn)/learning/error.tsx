"use client";

import { RouteError } from "@/components/route-error";

export default function LearningError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <RouteError
      title="Your courses didn't load"
      message="It is usually a passing problem. Your progress is safe."
      reset={reset}
      link={{ href: "/courses", label: "Browse courses" }}
    />
  );
}
