"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useCreateCourse } from "@/hooks/queries/studio";
import { applyServerError } from "@/lib/forms/server-errors";

const newCourseSchema = z.object({
  title: z.string().trim().min(1, "Give the course a working title; you can change it later.").max(120, "Keep the title to 120 characters."),
});
type NewCourseValues = z.infer<typeof newCourseSchema>;

/** "New course": a title is all it takes; the editor opens on the new draft. */
export function NewCourseDialog({ label = "New course" }: { label?: string }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const create = useCreateCourse();
  const form = useForm<NewCourseValues>({ resolver: zodResolver(newCourseSchema), defaultValues: { title: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    create.mutateAsync(values.title).then(
      (course) => {
        toast.success("Course created. Add its details and curriculum next.");
        router.push(`/studio/courses/${course.id}`);
      },
      (error: unknown) => applyServerError(error, form.setError, ["title"]),
    ),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> {label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>New course</DialogTitle>
            <DialogDescription>Start with a working title. Everything else, the address included, can be changed as you go.</DialogDescription>
          </DialogHeader>
          <FormAlert message={errors.root?.server?.message} />
          <FormField label="Course title" error={errors.title?.message}>
            <Input autoFocus placeholder="e.g. Sourdough from scratch" maxLength={120} {...form.register("title")} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={isSubmitting}>
              Create course
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
