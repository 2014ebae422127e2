"use client";

import { RouteError } from "@/components/route-error";

export default function CourseNotesError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <RouteError
      title="Your notes couldn't load"
      message="It is usually a passing problem. Your notes are safe."
      reset={reset}
      link={{ href: "/learning", label: "My learning" }}
    />
  );
}
