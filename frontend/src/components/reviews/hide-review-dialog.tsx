"use client";

import type { ReactNode } from "react";
import { z } from "zod";
import { ReasonDialog } from "@/components/admin/moderation/reason-dialog";

/** What the API accepts as the reason for hiding a review (3 to 1000 characters). */
const hideSchema = z.object({
  reason: z.string().trim().min(3, "Say why in a few words, for the audit log.").max(1000, "Keep it under 1000 characters."),
});

type HideReviewDialogProps = {
  /** A single focusable element that opens the dialog. */
  trigger: ReactNode;
  authorName: string;
  /** Resolves once the API has hidden the review; a refusal is shown inside the dialog. */
  onConfirm: (reason: string) => Promise<unknown>;
};

/** Asks an admin why a review should be hidden, then hides it. */
export function HideReviewDialog({ trigger, authorName, onConfirm }: HideReviewDialogProps) {
  return (
    <ReasonDialog
      trigger={trigger}
      title={<>Hide {authorName}&apos;s review?</>}
      description={
        <>
          Nobody but its author will see it, and its rating leaves the course&apos;s average. You can show it again later. The reason goes to
          the audit log.
        </>
      }
      confirmLabel="Hide review"
      onConfirm={onConfirm}
      schema={hideSchema}
      reasonLabel="Reason"
      reasonHint="For example: insults, spam, or not about the course."
      maxLength={1000}
    />
  );
}
