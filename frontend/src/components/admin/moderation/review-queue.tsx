"use client";

import { ArrowLeft, Inbox } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useApproveCourse, useRejectCourse, useReviewQueue } from "@/hooks/queries/moderation";
import { describeError } from "@/lib/api/errors";
import type { AdminCourse } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { CoursePreview } from "./course-preview";
import { courseAfterDecision, shownCourse } from "./queue-selection";
import { ReviewDecisionBar } from "./review-decision-bar";
import { ReviewQueueEntry } from "./review-queue-entry";
import { useMediaQuery } from "./use-media-query";
import { useNow } from "./use-now";
import { useQueueSelection } from "./use-queue-selection";

/** The list and the preview sit side by side from this width; below it they take turns. */
const SIDE_BY_SIDE = "(min-width: 64rem)";

/**
 * How long Approve stays disabled after a decision: the next course's Approve button takes the
 * decided one's place at once, and the second click of a double click must not approve it too.
 */
const SETTLE_MS = 600;

/** Submitted courses, oldest first, beside a preview of the chosen one and the buttons to decide. */
export function ReviewQueue() {
  const queue = useReviewQueue();
  const approve = useApproveCourse();
  const reject = useRejectCourse();
  const { selectedId, select, replace, clear } = useQueueSelection();
  const now = useNow();
  const sideBySide = useMediaQuery(SIDE_BY_SIDE);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const pageTitleRef = useRef<HTMLHeadingElement>(null);
  // Courses decided here: their ids may linger in the URL for a moment, and that's not "gone".
  const decided = useRef(new Set<string>());
  const [settling, setSettling] = useState(false);

  useEffect(() => {
    if (!settling) return;
    const timer = setTimeout(() => setSettling(false), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [settling]);

  const courses = queue.data ?? [];
  const ids = courses.map((course) => course.id);
  const shownId = shownCourse(ids, selectedId);
  const shown = courses.find((course) => course.id === shownId) ?? null;
  const selectionGone = queue.isSuccess && selectedId !== null && !ids.includes(selectedId) && !decided.current.has(selectedId);
  // On a phone the preview replaces the list once a course is chosen.
  const previewOpen = selectedId !== null && shown !== null;

  const focusSoon = (element: () => HTMLElement | null) => requestAnimationFrame(() => element()?.focus());

  const open = (courseId: string) => {
    select(courseId);
    if (!sideBySide) {
      window.scrollTo({ top: 0 });
      focusSoon(() => titleRef.current);
    }
  };

  const backToList = () => {
    const from = shownId;
    clear();
    focusSoon(() => (from ? document.getElementById(`queue-entry-${from}`) : null));
  };

  const moveOn = (decidedId: string) => {
    decided.current.add(decidedId);
    setSettling(true);
    const next = courseAfterDecision(ids, decidedId);
    replace(next);
    focusSoon(() => (next ? titleRef.current : pageTitleRef.current));
  };

  const onApprove = (course: AdminCourse) => {
    moveOn(course.id);
    approve.mutateAsync(course.id).then(
      () => toast.success("Approved — the instructor was emailed", { description: course.title }),
      (error: unknown) => {
        decided.current.delete(course.id);
        toast.error(`“${course.title}” is back in the queue`, { description: describeError(error) });
      },
    );
  };

  const onReject = (course: AdminCourse) => (reason: string) =>
    reject.mutateAsync({ courseId: course.id, reason }).then(() => {
      moveOn(course.id);
      toast.success("Sent back with your reason", { description: course.title });
    });

  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <header className={cn("grid gap-1", previewOpen && "max-lg:sr-only")}>
        <div className="flex flex-wrap items-center gap-3">
          <h1 ref={pageTitleRef} tabIndex={-1} className="font-display text-3xl font-semibold tracking-tight outline-none">
            Review queue
          </h1>
          {queue.isSuccess && courses.length > 0 && (
            <Badge tone="warning">
              {courses.length} waiting
            </Badge>
          )}
        </div>
        <p className="text-muted-foreground">Courses instructors have submitted, the longest waiting first. Approving publishes a course; sending it back emails your reason to its team.</p>
      </header>

      {selectionGone && (
        <Alert tone="info" title="That course is no longer waiting for review">
          Someone has already decided on it, or its instructor withdrew it. Find it under Courses.
        </Alert>
      )}

      {queue.isPending ? (
        <QueueSkeleton />
      ) : queue.isError ? (
        <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : shown === null ? (
        <EmptyState icon={Inbox} title="Nothing waiting for review">
          When an instructor submits a course, it shows up here, the longest waiting first.
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)] lg:items-start">
          <section aria-labelledby="queue-list-title" className={cn("grid content-start gap-2", previewOpen && "max-lg:hidden")}>
            <h2 id="queue-list-title" className="text-sm font-medium text-muted-foreground">
              Waiting for review
            </h2>
            <ol className="grid gap-1 lg:max-h-[calc(100dvh-9rem)] lg:overflow-y-auto lg:pr-1">
              {courses.map((course) => (
                <ReviewQueueEntry key={course.id} course={course} selected={course.id === (sideBySide ? shownId : selectedId)} now={now} onSelect={() => open(course.id)} />
              ))}
            </ol>
          </section>

          <section aria-label={`Review of ${shown.title}`} className={cn("grid min-w-0 gap-4", !previewOpen && "max-lg:hidden")}>
            <Button variant="ghost" size="sm" className="justify-self-start lg:hidden" onClick={backToList}>
              <ArrowLeft aria-hidden /> Back to the queue
            </Button>
            <ReviewDecisionBar key={shown.id} course={shown} titleRef={titleRef} onApprove={() => onApprove(shown)} onReject={onReject(shown)} approveDisabled={settling} />
            {shown.review_reason && (
              <Alert tone="warning" title="Earlier feedback to the instructor">
                <p className="whitespace-pre-line">{shown.review_reason}</p>
              </Alert>
            )}
            <CoursePreview courseId={shown.id} title={shown.title} className="lg:max-h-[calc(100dvh-12rem)] lg:overflow-y-auto" />
          </section>
        </div>
      )}
    </div>
  );
}

function QueueSkeleton() {
  return (
    <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]" role="status">
      <span className="sr-only">Loading the review queue…</span>
      <div className="grid content-start gap-2">
        {[0, 1, 2].map((row) => (
          <Skeleton key={row} className="h-20" />
        ))}
      </div>
      <div className="hidden gap-4 lg:grid">
        <Skeleton className="h-20" />
        <Skeleton className="h-96" />
      </div>
    </div>
  );
}
