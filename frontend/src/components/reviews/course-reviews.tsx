"use client";

import { MessageSquareText } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/hooks/queries/me";
import { useCourseReviews } from "@/hooks/queries/reviews";
import { MyReviewPanel } from "./my-review-panel";
import { RatingSummaryView } from "./rating-summary";
import { ReviewItem } from "./review-item";

type CourseReviewsProps = { courseId: string; slug: string };

/** The landing page's "Student reviews": the rating summary, the student's own review, and
 * everyone's reviews, newest first, a page at a time. */
export function CourseReviews({ courseId, slug }: CourseReviewsProps) {
  const me = useMe();
  const reviews = useCourseReviews(courseId);
  const pages = reviews.data?.pages ?? [];
  const summary = pages[0]?.summary;
  const items = pages.flatMap((page) => page.items);

  if (reviews.isPending) {
    return (
      <div className="grid gap-6 md:grid-cols-[15rem_1fr]" role="status">
        <span className="sr-only">Loading reviews…</span>
        <Skeleton className="h-44" />
        <div className="grid content-start gap-3">
          <Skeleton className="h-20" />
          <Skeleton className="h-20" />
        </div>
      </div>
    );
  }
  if (reviews.isError || !summary) return <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />;

  const signInHref = `/sign-in?next=${encodeURIComponent(`/courses/${slug}#reviews`)}`;
  return (
    <div className="grid gap-8 md:grid-cols-[15rem_1fr]">
      <RatingSummaryView summary={summary} />
      <div className="grid min-w-0 content-start gap-6">
        {me.data ? (
          <MyReviewPanel courseId={courseId} me={me.data} />
        ) : me.isSuccess ? (
          <p className="text-sm text-muted-foreground">
            Taken this course?{" "}
            <Link href={signInHref} className="font-medium text-primary underline-offset-4 hover:underline">
              Sign in to rate it
            </Link>
            .
          </p>
        ) : null}
        {items.length === 0 ? (
          <EmptyState icon={MessageSquareText} title="No reviews yet">
            Enrolled students can rate this course and say what they thought of it.
          </EmptyState>
        ) : (
          <>
            <div className="flex items-center justify-between text-xs text-muted-foreground" aria-live="polite">
              <span>
                Showing {items.length} of {summary.count} {summary.count === 1 ? "review" : "reviews"}, newest first
              </span>
              {reviews.isFetching && !reviews.isFetchingNextPage && <Badge>Updating…</Badge>}
            </div>
            <ol className="divide-y divide-border" aria-label="Reviews">
              {items.map((review) => (
                <li key={review.id} className="py-5 first:pt-0 last:pb-0">
                  <ReviewItem review={review} />
                </li>
              ))}
            </ol>
            {reviews.hasNextPage && (
              <Button variant="secondary" className="justify-self-center" pending={reviews.isFetchingNextPage} onClick={() => void reviews.fetchNextPage()}>
                Show more reviews
              </Button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
