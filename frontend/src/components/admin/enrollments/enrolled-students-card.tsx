"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { UserMinus, UserPlus, Users } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormAlert } from "@/components/auth/form-alert";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useCourseEnrollments, useGrantEnrollment, useRevokeEnrollment } from "@/hooks/queries/admin";
import { describeError } from "@/lib/api/errors";
import type { EnrolledStudent, EnrollmentSource } from "@/lib/api/models";
import { applyServerError } from "@/lib/forms/server-errors";

const SOURCES: Record<EnrollmentSource, { label: string; tone: "accent" | "success" | "neutral" }> = {
  grant: { label: "Granted", tone: "accent" },
  purchase: { label: "Purchased", tone: "success" },
  subscription: { label: "Subscription", tone: "success" },
  free: { label: "Free", tone: "neutral" },
};

/** Who can open the course's lessons, granting access without a purchase, and taking it back. */
export function EnrolledStudentsCard({ courseId, courseTitle }: { courseId: string; courseTitle: string }) {
  const students = useCourseEnrollments(courseId);
  const count = students.data?.length;
  return (
    <Card aria-labelledby="enrolled-title">
      <CardHeader>
        <CardTitle id="enrolled-title">
          Enrolled students{count !== undefined && <span className="font-normal text-muted-foreground"> ({count})</span>}
        </CardTitle>
        <CardDescription>
          Everyone who can watch this course&apos;s lessons. Granting access enrols a student without a purchase; revoking it ends their access to
          the videos within minutes.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <GrantAccessForm courseId={courseId} />
        {students.isPending ? (
          <div role="status" className="grid gap-2">
            <span className="sr-only">Loading the students…</span>
            <Skeleton className="h-14" />
            <Skeleton className="h-14" />
          </div>
        ) : students.isError ? (
          <QueryError error={students.error} onRetry={() => void students.refetch()} />
        ) : students.data.length === 0 ? (
          <EmptyState icon={Users} title="No students yet">
            Nobody is enrolled in “{courseTitle}”. Grant access above to let someone in.
          </EmptyState>
        ) : (
          <ul aria-label="Enrolled students" className="divide-y divide-border rounded-lg border border-border">
            {students.data.map((student) => (
              <StudentRow key={student.user_id} student={student} courseId={courseId} courseTitle={courseTitle} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function StudentRow({ student, courseId, courseTitle }: { student: EnrolledStudent; courseId: string; courseTitle: string }) {
  const revoke = useRevokeEnrollment(courseId);
  const source = SOURCES[student.source];
  const onRevoke = () =>
    revoke.mutate(student.user_id, {
      onSuccess: () => toast.success(`${student.name} no longer has access to “${courseTitle}”.`),
      onError: (error) => toast.error(`Access wasn't revoked: ${describeError(error)}`),
    });

  return (
    <li data-testid="enrolled-student" data-email={student.email} className="grid gap-2 p-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-4">
      <div className="grid min-w-0 gap-0.5">
        <p className="flex min-w-0 flex-wrap items-center gap-2">
          <span className="truncate font-medium">{student.name}</span>
          <Badge tone={source.tone}>{source.label}</Badge>
        </p>
        <p className="truncate text-sm text-muted-foreground">{student.email}</p>
        <p className="text-xs text-muted-foreground">
          Enrolled <LocalTime iso={student.enrolled_at} withTime />
        </p>
      </div>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" className="justify-self-start text-destructive hover:bg-destructive-soft sm:justify-self-end" pending={revoke.isPending}>
            {!revoke.isPending && <UserMinus aria-hidden />} Revoke<span className="sr-only"> access for {student.name}</span>
          </Button>
        }
        title={`Revoke ${student.name}'s access?`}
        description={
          student.source === "grant"
            ? `${student.name} (${student.email}) can no longer open the lessons of “${courseTitle}”. You can grant access again later.`
            : `${student.name} (${student.email}) enrolled by ${source.label.toLowerCase()}. Revoking takes the course away anyway; any refund is handled separately. You can grant access again later.`
        }
        confirmLabel="Revoke access"
        onConfirm={onRevoke}
      />
    </li>
  );
}

const grantSchema = z.object({
  email: z.string().trim().min(1, "Enter the student's email address.").pipe(z.email("Enter a valid email address.")),
});
type GrantValues = z.infer<typeof grantSchema>;

function GrantAccessForm({ courseId }: { courseId: string }) {
  const grant = useGrantEnrollment(courseId);
  const form = useForm<GrantValues>({ resolver: zodResolver(grantSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    grant.mutateAsync(values.email.trim()).then(
      (student) => {
        toast.success(`${student.name} now has access.`);
        form.reset();
      },
      (error: unknown) => applyServerError(error, form.setError, ["email"], { no_such_user: "email", already_enrolled: "email" }),
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Grant access" className="grid gap-3">
      <FormAlert message={errors.root?.server?.message} />
      <div className="grid items-start gap-3 sm:grid-cols-[1fr_auto]">
        <FormField label="Student email" error={errors.email?.message} hint="They need a Lectern account with this address.">
          <Input type="email" autoComplete="off" placeholder="student@example.com" {...form.register("email")} />
        </FormField>
        <Button type="submit" pending={isSubmitting} className="sm:mt-6.5">
          {!isSubmitting && <UserPlus aria-hidden />} Grant access
        </Button>
      </div>
    </form>
  );
}
