"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/input";
import { applyServerError } from "@/lib/forms/server-errors";

/** What the API accepts as the reason for hiding a review (3 to 1000 characters). */
const hideSchema = z.object({
  reason: z.string().trim().min(3, "Say why in a few words, for the audit log.").max(1000, "Keep it under 1000 characters."),
});
type HideValues = z.infer<typeof hideSchema>;

type HideReviewDialogProps = {
  /** A single focusable element that opens the dialog. */
  trigger: ReactNode;
  authorName: string;
  /** Resolves once the API has hidden the review; a refusal is shown inside the dialog. */
  onConfirm: (reason: string) => Promise<unknown>;
};

/** Asks an admin why a review should be hidden, then hides it. */
export function HideReviewDialog({ trigger, authorName, onConfirm }: HideReviewDialogProps) {
  const [open, setOpen] = useState(false);
  const form = useForm<HideValues>({ resolver: zodResolver(hideSchema), defaultValues: { reason: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(({ reason }) =>
    onConfirm(reason).then(
      () => {
        setOpen(false);
        form.reset();
      },
      (error: unknown) => applyServerError(error, form.setError, ["reason"]),
    ),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.clearErrors();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Hide {authorName}&apos;s review?</DialogTitle>
            <DialogDescription>
              Nobody but its author will see it, and its rating leaves the course&apos;s average. You can show it again later. The reason goes
              to the audit log.
            </DialogDescription>
          </DialogHeader>
          <FormAlert message={errors.root?.server?.message} />
          <FormField label="Reason" error={errors.reason?.message} hint="For example: insults, spam, or not about the course.">
            <Textarea rows={4} autoFocus maxLength={1000} {...form.register("reason")} />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" pending={isSubmitting}>
              Hide review
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
