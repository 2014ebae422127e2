"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CheckCircle2, Clock, GraduationCap } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { LocalTime } from "@/components/ui/local-time";
import { Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useApplyAsInstructor, useMe } from "@/hooks/queries/me";
import type { InstructorApplication } from "@/lib/api/models";
import {
  instructorApplicationSchema,
  MOTIVATION_MAX,
  MOTIVATION_MIN,
  type InstructorApplicationValues,
} from "@/lib/forms/account-schemas";
import { applyServerError } from "@/lib/forms/server-errors";

/** "Become an instructor": the application form, or where the application stands. */
export function InstructorApplicationCard() {
  const { data: me } = useMe();
  const [reapplying, setReapplying] = useState(false);
  if (!me) return null;
  const application = me.instructor_application;
  const isInstructor = me.roles.includes("instructor");

  return (
    <Card aria-labelledby="teach-title">
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle id="teach-title" className="flex items-center gap-2">
            <GraduationCap className="size-5 text-primary" aria-hidden /> Become an instructor
          </CardTitle>
          {isInstructor ? (
            <Badge tone="success">Instructor</Badge>
          ) : application ? (
            <ApplicationBadge status={application.status} />
          ) : null}
        </div>
        <CardDescription>Instructors create and publish courses on Lectern. An admin reviews every application.</CardDescription>
      </CardHeader>
      <CardContent>
        {isInstructor ? (
          <Alert tone="success" title="You're an instructor">
            You can create courses. Thank you for teaching on Lectern.
          </Alert>
        ) : application?.status === "pending" ? (
          <PendingApplication application={application} />
        ) : application?.status === "rejected" && !reapplying ? (
          <div className="grid gap-3">
            <Alert tone="warning" title="Your last application was not approved">
              {application.reason ?? "No reason was given."}
            </Alert>
            <Button variant="secondary" className="w-fit" onClick={() => setReapplying(true)}>
              Apply again
            </Button>
          </div>
        ) : (
          <ApplicationForm />
        )}
      </CardContent>
    </Card>
  );
}

function ApplicationBadge({ status }: { status: InstructorApplication["status"] }) {
  if (status === "pending") return <Badge tone="warning"><Clock className="size-3" aria-hidden /> Under review</Badge>;
  if (status === "approved") return <Badge tone="success"><CheckCircle2 className="size-3" aria-hidden /> Approved</Badge>;
  return <Badge tone="danger">Not approved</Badge>;
}

function PendingApplication({ application }: { application: InstructorApplication }) {
  return (
    <div className="grid gap-3 text-sm">
      <p>
        You applied on <LocalTime iso={application.created_at} />. We&apos;ll email you when an admin has decided.
      </p>
      <blockquote className="rounded-lg border-l-4 border-primary/50 bg-muted p-4 whitespace-pre-line text-muted-foreground">
        {application.motivation}
      </blockquote>
    </div>
  );
}

function ApplicationForm() {
  const apply = useApplyAsInstructor();
  const form = useForm<InstructorApplicationValues>({
    resolver: zodResolver(instructorApplicationSchema),
    defaultValues: { motivation: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const length = form.watch("motivation").trim().length;

  const onSubmit = form.handleSubmit((values) =>
    apply.mutateAsync(values.motivation).then(
      () => toast.success("Application sent. We'll let you know."),
      (error: unknown) => applyServerError(error, form.setError, ["motivation"]),
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert message={errors.root?.server?.message} />
      <FormField
        label="What would you like to teach, and why you?"
        error={errors.motivation?.message}
        hint={`${length}/${MOTIVATION_MAX} characters, at least ${MOTIVATION_MIN}.`}
      >
        <Textarea rows={5} {...form.register("motivation")} />
      </FormField>
      <Button type="submit" pending={isSubmitting} className="w-fit">
        Send application
      </Button>
    </form>
  );
}
