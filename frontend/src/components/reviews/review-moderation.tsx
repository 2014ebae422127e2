"use client";

import { Eye, EyeOff, MessageSquareText } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { UserAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useHideReview, useModeratedReviews, useUnhideReview } from "@/hooks/queries/reviews";
import { describeError } from "@/lib/api/errors";
import type { AdminStudentReview, ReviewVisibility } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { HideReviewDialog } from "./hide-review-dialog";
import { starsLabel } from "./review-words";
import { StarRating } from "./star-rating";

const FILTERS: { value: ReviewVisibility | null; label: string }[] = [
  { value: null, label: "All" },
  { value: "visible", label: "Visible" },
  { value: "hidden", label: "Hidden" },
];

/** Every student review, newest first, with Hide (and a reason) and Show again. */
export function ReviewModeration() {
  const [visibility, setVisibility] = useState<ReviewVisibility | null>(null);
  const reviews = useModeratedReviews(visibility);
  const items = reviews.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="grid gap-4">
      <div role="group" aria-label="Show reviews" className="inline-flex h-10 items-center gap-1 justify-self-start rounded-lg bg-muted p-1">
        {FILTERS.map(({ value, label }) => (
          <button
            key={label}
            type="button"
            aria-pressed={visibility === value}
            onClick={() => setVisibility(value)}
            className={cn(
              "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground",
              visibility === value && "bg-surface text-foreground shadow-xs",
            )}
          >
            {label}
          </button>
        ))}
      </div>

      {reviews.isPending ? (
        <div className="grid gap-2" role="status">
          <span className="sr-only">Loading reviews…</span>
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-24" />
          ))}
        </div>
      ) : reviews.isError ? (
        <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={MessageSquareText} title={visibility === "hidden" ? "No hidden reviews" : "No reviews yet"}>
          Students&apos; ratings and reviews of every course show here, the newest first.
        </EmptyState>
      ) : (
        <>
          <p className="text-xs text-muted-foreground" aria-live="polite">
            {items.length} {items.length === 1 ? "review" : "reviews"}
            {reviews.hasNextPage ? " so far" : ""}, newest first
          </p>
          <ol className="divide-y divide-border rounded-xl border border-border bg-surface">
            {items.map((review) => (
              <ModeratedReview key={review.id} review={review} />
            ))}
          </ol>
          {reviews.hasNextPage && (
            <Button variant="secondary" className="justify-self-center" pending={reviews.isFetchingNextPage} onClick={() => void reviews.fetchNextPage()}>
              Load more
            </Button>
          )}
        </>
      )}
    </div>
  );
}

function ModeratedReview({ review }: { review: AdminStudentReview }) {
  const hide = useHideReview();
  const unhide = useUnhideReview();
  const hidden = review.hidden_at !== null;
  return (
    <li className={cn("grid gap-3 p-4 sm:grid-cols-[1fr_auto] sm:items-start", hidden && "bg-muted/40")}>
      <div className="grid min-w-0 gap-2">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <UserAvatar name={review.author.display_name} src={review.author.avatar_url} className="size-8" />
          <span className="min-w-0">
            <span className="block truncate text-sm font-semibold">{review.author.display_name}</span>
            <span className="block truncate text-xs text-muted-foreground">{review.author.email}</span>
          </span>
          {hidden ? (
            <Badge tone="warning">
              <EyeOff className="size-3" aria-hidden /> Hidden
            </Badge>
          ) : (
            <Badge tone="success">Visible</Badge>
          )}
        </div>
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
          <StarRating rating={review.rating} starClassName="size-3.5" label={starsLabel(review.rating)} />
          <span>
            on{" "}
            <Link href={`/admin/courses/${review.course.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
              {review.course.title}
            </Link>
          </span>
          <LocalTime iso={review.created_at} />
        </p>
        {review.body ? (
          <p className="line-clamp-6 text-sm leading-relaxed break-words whitespace-pre-line">{review.body}</p>
        ) : (
          <p className="text-sm text-muted-foreground">(a rating without words)</p>
        )}
        {review.reply && (
          <p className="border-l-2 border-primary/40 pl-3 text-xs text-muted-foreground">
            <span className="font-semibold text-foreground">Reply from {review.reply.author_name ?? "the instructor"}:</span> {review.reply.body}
          </p>
        )}
        {hidden && (
          <p className="text-xs text-muted-foreground">
            Hidden by {review.hidden_by_name ?? "an admin"} <LocalTime iso={review.hidden_at} withTime />: “{review.hidden_reason}”
          </p>
        )}
      </div>
      <div className="flex gap-2 sm:justify-end">
        {hidden ? (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm" pending={unhide.isPending} aria-label={`Show ${review.author.display_name}'s review again`}>
                <Eye aria-hidden /> Show again
              </Button>
            }
            title={`Show ${review.author.display_name}'s review again?`}
            description="It returns to the course page and counts in the course's average again."
            confirmLabel="Show review"
            destructive={false}
            onConfirm={() =>
              unhide.mutate(review.id, {
                onSuccess: () => toast.success("The review is visible again."),
                onError: (error) => toast.error(describeError(error)),
              })
            }
          />
        ) : (
          <HideReviewDialog
            authorName={review.author.display_name}
            trigger={
              <Button variant="secondary" size="sm" aria-label={`Hide ${review.author.display_name}'s review`}>
                <EyeOff aria-hidden /> Hide
              </Button>
            }
            onConfirm={(reason) =>
              hide.mutateAsync({ reviewId: review.id, reason }).then(() => toast.success("The review is hidden."))
            }
          />
        )}
      </div>
    </li>
  );
}
