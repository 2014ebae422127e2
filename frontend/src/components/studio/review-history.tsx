"use client";

import { History } from "lucide-react";
import { UserAvatar } from "@/components/ui/avatar";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useCourseHistory } from "@/hooks/queries/studio";
import { cn } from "@/lib/class-names";
import { historyLabel } from "./review-words";

const TONE: Record<string, string> = {
  "course.approved": "bg-success",
  "course.published": "bg-success",
  "course.rejected": "bg-warning",
  "course.unpublished": "bg-destructive",
  "course.submitted": "bg-primary",
};

/** Every submission and decision on the course, newest first. */
export function ReviewHistory({ courseId }: { courseId: string }) {
  const history = useCourseHistory(courseId);
  if (history.isPending) {
    return (
      <div className="grid gap-3" aria-label="Loading history">
        {[0, 1].map((row) => (
          <Skeleton key={row} className="h-12" />
        ))}
      </div>
    );
  }
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) {
    return (
      <EmptyState icon={History} title="Nothing has happened yet">
        Submissions, reviews and visibility changes will be listed here.
      </EmptyState>
    );
  }
  return (
    <ol className="grid" data-testid="review-history">
      {history.data.map((event, index) => (
        <li key={`${event.created_at}-${event.action}`} className="relative grid grid-cols-[1.5rem_1fr] gap-3 pb-6 last:pb-0">
          {index < history.data.length - 1 && <span className="absolute top-4 bottom-0 left-[0.6875rem] w-px bg-border" aria-hidden />}
          <span className={cn("relative mt-1 size-3.5 justify-self-center rounded-full ring-4 ring-surface", TONE[event.action] ?? "bg-muted-foreground")} aria-hidden />
          <div className="grid gap-1.5">
            <p className="font-medium">{historyLabel(event.action)}</p>
            <p className="flex flex-wrap items-center gap-1.5 text-sm text-muted-foreground">
              {event.actor && (
                <>
                  <UserAvatar name={event.actor.display_name} src={event.actor.avatar_url} className="size-5 text-[0.6rem]" />
                  <span>{event.actor.display_name}</span>
                  <span aria-hidden>·</span>
                </>
              )}
              <LocalTime iso={event.created_at} withTime />
            </p>
            {event.reason && <blockquote className="rounded-md border-l-4 border-warning/60 bg-muted px-3 py-2 text-sm whitespace-pre-line">{event.reason}</blockquote>}
          </div>
        </li>
      ))}
    </ol>
  );
}
