"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { MessageSquareReply, MessageSquareText, Pencil, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormAlert } from "@/components/auth/form-alert";
import { ReplyBlock, ReviewItem } from "@/components/reviews/review-item";
import { RatingSummaryView } from "@/components/reviews/rating-summary";
import { REVIEW_BODY_MAX } from "@/components/reviews/review-words";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useCourseReviews, useDeleteReply, useSaveReply } from "@/hooks/queries/reviews";
import { describeError } from "@/lib/api/errors";
import type { StudentReview, StudioCourse } from "@/lib/api/models";
import { applyServerError } from "@/lib/forms/server-errors";

/** What students said about the course, and the team's public replies. */
export function ReviewsTab({ course }: { course: StudioCourse }) {
  const reviews = useCourseReviews(course.id);
  const pages = reviews.data?.pages ?? [];
  const summary = pages[0]?.summary;
  const items = pages.flatMap((page) => page.items);

  return (
    <Card aria-labelledby="reviews-tab-title">
      <CardHeader>
        <CardTitle id="reviews-tab-title">Student reviews</CardTitle>
        <CardDescription>
          Enrolled students rate the course from 1 to 5 stars. Your replies are public, under the review, on the course page. Reviews an
          admin hid are not listed.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {reviews.isPending ? (
          <div className="grid gap-3" role="status">
            <span className="sr-only">Loading reviews…</span>
            <Skeleton className="h-28" />
            <Skeleton className="h-24" />
          </div>
        ) : reviews.isError || !summary ? (
          <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={MessageSquareText} title="No reviews yet">
            Once students enrolled in this course rate it, their reviews appear here for you to answer.
          </EmptyState>
        ) : (
          <>
            <div className="max-w-sm">
              <RatingSummaryView summary={summary} />
            </div>
            <ol className="divide-y divide-border rounded-lg border border-border" aria-label="Reviews">
              {items.map((review) => (
                <li key={review.id} className="p-4">
                  <ReviewItem review={review} hideReply>
                    <ReplyEditor courseId={course.id} review={review} />
                  </ReviewItem>
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
      </CardContent>
    </Card>
  );
}

const replySchema = z.object({
  body: z.string().trim().min(1, "Write your reply first.").max(REVIEW_BODY_MAX, `Keep it under ${REVIEW_BODY_MAX} characters.`),
});
type ReplyValues = z.infer<typeof replySchema>;

/** The reply under one review: shown with Edit and Delete, or a form to write it. */
function ReplyEditor({ courseId, review }: { courseId: string; review: StudentReview }) {
  const [editing, setEditing] = useState(false);
  const remove = useDeleteReply(courseId);
  if (editing || !review.reply) {
    return editing ? (
      <ReplyForm courseId={courseId} review={review} onDone={() => setEditing(false)} />
    ) : (
      <Button variant="secondary" size="sm" className="justify-self-start" onClick={() => setEditing(true)} aria-label={`Reply to ${review.author.display_name}`}>
        <MessageSquareReply aria-hidden /> Reply
      </Button>
    );
  }
  return (
    <div className="grid gap-2">
      <ReplyBlock reply={review.reply} />
      <div className="ml-4 flex gap-1 sm:ml-12">
        <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`Edit reply to ${review.author.display_name}`}>
          <Pencil aria-hidden /> Edit reply
        </Button>
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" pending={remove.isPending} aria-label={`Delete reply to ${review.author.display_name}`}>
              <Trash2 aria-hidden /> Delete reply
            </Button>
          }
          title="Delete your reply?"
          description="The reply disappears from the course page. The student's review stays."
          confirmLabel="Delete reply"
          onConfirm={() =>
            remove.mutate(review.id, {
              onSuccess: () => toast.success("Reply deleted."),
              onError: (error) => toast.error(describeError(error)),
            })
          }
        />
      </div>
    </div>
  );
}

function ReplyForm({ courseId, review, onDone }: { courseId: string; review: StudentReview; onDone: () => void }) {
  const id = useId();
  const save = useSaveReply(courseId);
  const form = useForm<ReplyValues>({ resolver: zodResolver(replySchema), defaultValues: { body: review.reply?.body ?? "" } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(({ body }) =>
    save.mutateAsync({ reviewId: review.id, body }).then(
      () => {
        toast.success(review.reply ? "Reply updated." : "Reply published.");
        onDone();
      },
      (error: unknown) => applyServerError(error, form.setError, ["body"]),
    ),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:ml-12" aria-label={`Reply to ${review.author.display_name}`}>
      <FormAlert message={errors.root?.server?.message} />
      <FormField label="Your public reply" error={errors.body?.message} hint="Shown under the review on the course page, with your name.">
        <Textarea id={`${id}-reply`} rows={4} autoFocus maxLength={REVIEW_BODY_MAX} {...form.register("body")} />
      </FormField>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" size="sm" pending={form.formState.isSubmitting}>
          {review.reply ? "Save reply" : "Publish reply"}
        </Button>
      </div>
    </form>
  );
}
