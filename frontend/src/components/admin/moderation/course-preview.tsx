"use client";

import { CourseLandingView } from "@/components/catalog/course-landing-view";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useCoursePreview } from "@/hooks/queries/moderation";
import { cn } from "@/lib/class-names";

type CoursePreviewProps = {
  courseId: string;
  title: string;
  /** E.g. a height limit that makes the preview scroll on its own beside a list. */
  className?: string;
};

/** The course's landing page exactly as students would see it, in a frame that marks it as a preview. */
export function CoursePreview({ courseId, title, className }: CoursePreviewProps) {
  const preview = useCoursePreview(courseId);
  return (
    // Focusable, so the preview can be scrolled by keyboard where it scrolls on its own.
    <div
      role="region"
      aria-label={`Preview of ${title}`}
      aria-busy={preview.isPending || undefined}
      tabIndex={0}
      className={cn("overflow-hidden rounded-xl border border-border bg-background", className)}
    >
      <p className="sticky top-0 z-20 border-b border-border bg-muted px-4 py-2 text-xs font-medium text-muted-foreground">
        Preview · as students will see it
      </p>
      {preview.isPending ? (
        <PreviewSkeleton />
      ) : preview.isError ? (
        <div className="p-4">
          <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
        </div>
      ) : (
        <CourseLandingView course={preview.data} mode="preview" />
      )}
    </div>
  );
}

function PreviewSkeleton() {
  return (
    <div className="grid gap-4 p-4 sm:p-6" role="status">
      <span className="sr-only">Loading the preview…</span>
      <Skeleton className="aspect-video w-full max-w-2xl" />
      <Skeleton className="h-8 w-3/4" />
      <Skeleton className="h-4 w-1/2" />
      <div className="grid gap-2">
        {[0, 1, 2, 3].map((line) => (
          <Skeleton key={line} className="h-4" />
        ))}
      </div>
      <Skeleton className="h-40" />
    </div>
  );
}
