import { MessageSquareReply } from "lucide-react";
import type { ReactNode } from "react";
import { UserAvatar } from "@/components/ui/avatar";
import { LocalTime } from "@/components/ui/local-time";
import type { StudentReview } from "@/lib/api/models";
import { starsLabel } from "./review-words";
import { StarRating } from "./star-rating";

const EDIT_GRACE_MS = 60_000;

/** Edited after the first minute: worth saying, so replies above the edit make sense. */
export function wasEdited(review: Pick<StudentReview, "created_at" | "updated_at">): boolean {
  return new Date(review.updated_at).getTime() - new Date(review.created_at).getTime() > EDIT_GRACE_MS;
}

type ReviewItemProps = {
  review: StudentReview;
  /** Shown under the review: the studio's reply editor. */
  children?: ReactNode;
  /** Rendered instead of the reply (the studio edits it in place). */
  hideReply?: boolean;
};

/** One student's rating and words, with the team's reply under them. */
export function ReviewItem({ review, children, hideReply = false }: ReviewItemProps) {
  return (
    <article className="grid gap-3" aria-label={`${starsLabel(review.rating)} from ${review.author.display_name}`}>
      <header className="flex items-center gap-3">
        <UserAvatar name={review.author.display_name} src={review.author.avatar_url} />
        <div className="grid min-w-0 gap-0.5">
          <p className="truncate text-sm font-semibold">{review.author.display_name}</p>
          <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
            <StarRating rating={review.rating} starClassName="size-3.5" label={starsLabel(review.rating)} />
            <LocalTime iso={review.created_at} />
            {wasEdited(review) && <span>(edited)</span>}
          </p>
        </div>
      </header>
      {review.body && <p className="text-sm leading-relaxed break-words whitespace-pre-line">{review.body}</p>}
      {!hideReply && review.reply && <ReplyBlock reply={review.reply} />}
      {children}
    </article>
  );
}

export function ReplyBlock({ reply }: { reply: NonNullable<StudentReview["reply"]> }) {
  return (
    <div className="ml-4 grid gap-1 border-l-2 border-primary/40 pl-4 sm:ml-12">
      <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
        <MessageSquareReply className="size-3.5" aria-hidden />
        <span className="font-semibold text-foreground">Reply from {reply.author_name ?? "the instructor"}</span>
        <LocalTime iso={reply.replied_at} />
      </p>
      <p className="text-sm leading-relaxed break-words whitespace-pre-line">{reply.body}</p>
    </div>
  );
}
