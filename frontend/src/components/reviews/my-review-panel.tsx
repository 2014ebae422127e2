"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { EyeOff, Pencil, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { useDeleteMyReview, useMyReview, useSaveMyReview } from "@/hooks/queries/reviews";
import { describeError } from "@/lib/api/errors";
import type { Me, MyReview } from "@/lib/api/models";
import { ReplyBlock, wasEdited } from "./review-item";
import { REVIEW_BODY_MAX, starsLabel } from "./review-words";
import { StarInput } from "./star-input";
import { StarRating } from "./star-rating";

const reviewSchema = z.object({
  rating: z.number({ message: "Choose 1 to 5 stars." }).int().min(1, "Choose 1 to 5 stars.").max(5),
  body: z.string().max(REVIEW_BODY_MAX, `Keep it under ${REVIEW_BODY_MAX} characters.`),
});
type ReviewValues = z.infer<typeof reviewSchema>;

/**
 * The signed-in student's own review of a course: a form to write it, then the review with Edit
 * and Delete. Saving shows at once (and is put back with a message if the API refuses). Shows
 * nothing to the course's team, a short note to signed-in people who aren't enrolled.
 */
export function MyReviewPanel({ courseId, me }: { courseId: string; me: Me }) {
  const state = useMyReview(courseId, true);
  const [editing, setEditing] = useState(false);
  // What was typed survives a refused save, so nothing has to be written twice.
  const [draft, setDraft] = useState<ReviewValues | null>(null);
  const save = useSaveMyReview(courseId, { display_name: me.display_name, avatar_url: me.avatar_url });
  const remove = useDeleteMyReview(courseId);

  if (state.isPending) return <Skeleton className="h-32" />;
  if (state.isError) return <QueryError error={state.error} onRetry={() => void state.refetch()} />;
  const { review, can_review: canReview, blocked_by: blockedBy } = state.data;
  if (blockedBy === "team") return null;
  if (!review && !canReview) {
    return <p className="rounded-lg border border-dashed border-border px-4 py-3 text-sm text-muted-foreground">Enrolled students can rate and review this course.</p>;
  }

  const submit = (values: ReviewValues) => {
    setDraft(values);
    setEditing(false);
    save.mutate(values, {
      onSuccess: () => {
        setDraft(null);
        toast.success(review ? "Your review is updated." : "Thanks! Your review is published.");
      },
      onError: (error) => {
        setEditing(true);
        toast.error(describeError(error));
      },
    });
  };

  if (!review || editing) {
    const initial = draft ?? { rating: review?.rating ?? 0, body: review?.body ?? "" };
    return (
      <ReviewForm
        initial={initial}
        isNew={!review}
        canSave={canReview}
        onSubmit={submit}
        onCancel={review ? () => setEditing(false) : undefined}
      />
    );
  }
  return (
    <OwnReview
      review={review}
      canEdit={canReview}
      saving={save.isPending}
      onEdit={() => setEditing(true)}
      onDelete={() =>
        remove.mutate(undefined, {
          onSuccess: () => toast.success("Your review is deleted."),
          onError: (error) => toast.error(describeError(error)),
        })
      }
    />
  );
}

function OwnReview({ review, canEdit, saving, onEdit, onDelete }: { review: MyReview; canEdit: boolean; saving: boolean; onEdit: () => void; onDelete: () => void }) {
  return (
    <section aria-labelledby="my-review-title" className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="my-review-title" className="font-semibold">
          Your review
        </h3>
        <div className="flex gap-1">
          {canEdit && (
            <Button variant="ghost" size="sm" onClick={onEdit} disabled={saving}>
              <Pencil aria-hidden /> Edit
            </Button>
          )}
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" disabled={saving}>
                <Trash2 aria-hidden /> Delete
              </Button>
            }
            title="Delete your review?"
            description="Your rating and words are removed from this course's page and its average. You can write a new review later."
            confirmLabel="Delete review"
            onConfirm={onDelete}
          />
        </div>
      </div>
      {review.hidden && (
        <Alert tone="warning" title="Hidden by a moderator">
          Only you can see this review, and it doesn&apos;t count in the course&apos;s rating.
        </Alert>
      )}
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        <StarRating rating={review.rating} label={starsLabel(review.rating)} />
        {saving ? <span aria-live="polite">Saving…</span> : wasEdited(review) ? <span>Edited</span> : null}
      </p>
      {review.body ? (
        <p className="text-sm leading-relaxed break-words whitespace-pre-line">{review.body}</p>
      ) : (
        <p className="text-sm text-muted-foreground">You rated this course without words.</p>
      )}
      {review.reply && <ReplyBlock reply={review.reply} />}
    </section>
  );
}

type ReviewFormProps = {
  initial: ReviewValues;
  isNew: boolean;
  canSave: boolean;
  onSubmit: (values: ReviewValues) => void;
  onCancel?: (() => void) | undefined;
};

function ReviewForm({ initial, isNew, canSave, onSubmit, onCancel }: ReviewFormProps) {
  const id = useId();
  const form = useForm<ReviewValues>({ resolver: zodResolver(reviewSchema), defaultValues: initial });
  const { errors } = form.formState;
  const length = form.watch("body").length;
  return (
    <form
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      aria-labelledby={`${id}-title`}
      className="grid gap-4 rounded-xl border border-border bg-surface p-4 sm:p-5"
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {isNew ? "Rate this course" : "Edit your review"}
      </h3>
      <div className="grid gap-1.5">
        <Label id={`${id}-rating`}>Your rating</Label>
        <Controller
          control={form.control}
          name="rating"
          render={({ field }) => (
            <StarInput
              value={field.value || null}
              onChange={field.onChange}
              labelledBy={`${id}-rating`}
              describedBy={errors.rating ? `${id}-rating-error` : undefined}
              invalid={Boolean(errors.rating)}
            />
          )}
        />
        {errors.rating && (
          <p id={`${id}-rating-error`} className="text-xs font-medium text-destructive">
            {errors.rating.message}
          </p>
        )}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-body`}>
          Your review <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Textarea
          id={`${id}-body`}
          rows={5}
          maxLength={REVIEW_BODY_MAX}
          placeholder="What did you learn? Who would you recommend it to?"
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={`${id}-body-count`}
          {...form.register("body")}
        />
        <p id={`${id}-body-count`} className="text-xs text-muted-foreground">
          {errors.body ? <span className="font-medium text-destructive">{errors.body.message}</span> : `${length.toLocaleString("en")} / ${REVIEW_BODY_MAX.toLocaleString("en")} characters`}
        </p>
      </div>
      <p className="text-xs text-muted-foreground">Your name and picture are shown with your review.</p>
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" disabled={!canSave}>
          {isNew ? "Publish review" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
