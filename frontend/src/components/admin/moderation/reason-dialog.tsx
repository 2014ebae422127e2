"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/input";
import { applyServerError } from "@/lib/forms/server-errors";
import { courseReasonSchema, type ReasonValues } from "./reason-schema";

type ReasonDialogProps = {
  /** A single focusable element that opens the dialog. */
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  /** Resolves once the API has accepted the reason; a rejection is shown inside the dialog. */
  onConfirm: (reason: string) => Promise<unknown>;
  /** What the API accepts as the reason; by default a course's (read by its instructor). */
  schema?: z.ZodType<ReasonValues, ReasonValues>;
  reasonLabel?: string;
  reasonHint?: string;
  maxLength?: number;
};

/** Asks why, then acts on it: by default the reason an instructor will read in their email and
 * studio when a course is sent back or unpublished. */
export function ReasonDialog({
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
  schema = courseReasonSchema,
  reasonLabel = "Reason for the instructor",
  reasonHint = "At least 10 characters. Be specific: say what to change and where.",
  maxLength = 2000,
}: ReasonDialogProps) {
  const [open, setOpen] = useState(false);
  const form = useForm<ReasonValues>({ resolver: zodResolver(schema), defaultValues: { reason: "" } });
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
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <FormAlert message={errors.root?.server?.message} />
          <FormField label={reasonLabel} error={errors.reason?.message} hint={reasonHint}>
            <Textarea rows={5} autoFocus maxLength={maxLength} {...form.register("reason")} />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" pending={isSubmitting}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
