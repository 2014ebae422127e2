"use client";

import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function CourseNotesError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-20 text-center">
      <span className="flex size-14 items-center justify-center rounded-full bg-destructive-soft text-destructive">
        <TriangleAlert className="size-7" aria-hidden />
      </span>
      <h1 className="font-display text-3xl font-semibold tracking-tight">Your notes couldn&apos;t load</h1>
      <p className="text-muted-foreground">It is usually a passing problem. Your notes are safe.</p>
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={reset}>Try again</Button>
        <Button asChild variant="secondary">
          <Link href="/learning">My learning</Link>
        </Button>
      </div>
    </div>
  );
}
