"use client";

import { RotateCcw } from "lucide-react";
import { CourseCover } from "@/components/catalog/course-cover";
import { Badge } from "@/components/ui/badge";
import type { AdminCourse } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { formatDuration } from "@/lib/format/course";
import { timeAgo } from "@/lib/format/time-ago";

type ReviewQueueEntryProps = { course: AdminCourse; selected: boolean; now: Date; onSelect: () => void };

/** One submitted course in the queue; its whole card is the button that opens its preview. */
export function ReviewQueueEntry({ course, selected, now, onSelect }: ReviewQueueEntryProps) {
  return (
    <li>
      <button
        type="button"
        id={`queue-entry-${course.id}`}
        aria-current={selected ? "true" : undefined}
        onClick={onSelect}
        className={cn(
          "grid w-full grid-cols-[5rem_minmax(0,1fr)] gap-3 rounded-lg border p-3 text-left transition-colors",
          selected ? "border-primary/50 bg-accent/60 shadow-xs" : "border-transparent hover:bg-muted",
        )}
      >
        <CourseCover course={course} className="w-20 self-start rounded-md" />
        <span className="grid min-w-0 gap-0.5">
          <span className="line-clamp-2 font-medium leading-snug">{course.title}</span>
          <span className="truncate text-sm text-muted-foreground">{course.owner.display_name}</span>
          <span className="text-xs text-muted-foreground">
            {course.lesson_count} {course.lesson_count === 1 ? "lesson" : "lessons"}
            {course.duration_seconds > 0 && `, ${formatDuration(course.duration_seconds)}`}
          </span>
          <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
            {course.submitted_at && <span>Submitted {timeAgo(course.submitted_at, now)}</span>}
            {course.review_reason && (
              <Badge tone="warning">
                <RotateCcw className="size-3" aria-hidden /> Resubmitted
              </Badge>
            )}
          </span>
        </span>
      </button>
    </li>
  );
}
