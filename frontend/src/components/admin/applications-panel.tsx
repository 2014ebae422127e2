"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Check, Inbox, X } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { UserAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useDecideApplication, useInstructorApplications } from "@/hooks/queries/admin";
import { describeError } from "@/lib/api/errors";
import type { InstructorApplication } from "@/lib/api/models";
import { rejectApplicationSchema, type RejectApplicationValues } from "@/lib/forms/account-schemas";
import { applyServerError } from "@/lib/forms/server-errors";

/** Instructor applications waiting for a decision. */
export function ApplicationsPanel() {
  const applications = useInstructorApplications("pending");
  return (
    <Card aria-labelledby="applications-title">
      <CardHeader>
        <div className="flex items-center gap-2">
          <CardTitle id="applications-title">Instructor applications</CardTitle>
          {applications.data && applications.data.length > 0 && <Badge tone="warning">{applications.data.length} waiting</Badge>}
        </div>
        <CardDescription>Approving grants the instructor role; the applicant is told either way.</CardDescription>
      </CardHeader>
      <CardContent>
        {applications.isPending ? (
          <Skeleton className="h-28" />
        ) : applications.isError ? (
          <QueryError error={applications.error} onRetry={() => void applications.refetch()} />
        ) : applications.data.length === 0 ? (
          <EmptyState icon={Inbox} title="Nothing waiting">
            New applications from the profile page show up here.
          </EmptyState>
        ) : (
          <ul className="grid gap-3">
            {applications.data.map((application) => (
              <ApplicationItem key={application.id} application={application} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function ApplicationItem({ application }: { application: InstructorApplication }) {
  const decide = useDecideApplication();
  const { user } = application;
  const approve = () =>
    decide.mutate(
      { id: application.id, decision: { approve: true } },
      {
        onSuccess: () => toast.success(`${user.display_name} is now an instructor.`),
        onError: (error) => toast.error(describeError(error)),
      },
    );
  return (
    <li className="grid gap-3 rounded-lg border border-border p-4" data-testid="application" data-email={user.email}>
      <div className="flex flex-wrap items-center gap-3">
        <UserAvatar name={user.display_name} src={user.avatar_url} />
        <div className="grid min-w-0 flex-1">
          <p className="truncate font-medium">{user.display_name}</p>
          <p className="truncate text-sm text-muted-foreground">
            {user.email} · applied <LocalTime iso={application.created_at} />
          </p>
        </div>
      </div>
      <p className="rounded-md bg-muted p-3 text-sm whitespace-pre-line">{application.motivation}</p>
      <div className="flex flex-wrap justify-end gap-2">
        <RejectDialog application={application} />
        <Button size="sm" onClick={approve} pending={decide.isPending}>
          <Check aria-hidden /> Approve
        </Button>
      </div>
    </li>
  );
}

function RejectDialog({ application }: { application: InstructorApplication }) {
  const [open, setOpen] = useState(false);
  const decide = useDecideApplication();
  const form = useForm<RejectApplicationValues>({ resolver: zodResolver(rejectApplicationSchema), defaultValues: { reason: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(({ reason }) =>
    decide.mutateAsync({ id: application.id, decision: { approve: false, reason } }).then(
      () => {
        setOpen(false);
        toast.success(`Application from ${application.user.display_name} rejected.`);
      },
      (error: unknown) => applyServerError(error, form.setError, ["reason"]),
    ),
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary">
          <X aria-hidden /> Reject
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Reject {application.user.display_name}&apos;s application?</DialogTitle>
            <DialogDescription>They will see your reason on their profile and can apply again later.</DialogDescription>
          </DialogHeader>
          <FormAlert message={errors.root?.server?.message} />
          <FormField label="Reason" error={errors.reason?.message}>
            <Textarea rows={4} autoFocus {...form.register("reason")} />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" pending={isSubmitting}>
              Reject application
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
