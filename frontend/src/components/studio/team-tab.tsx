"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { LogOut, UserPlus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormAlert } from "@/components/auth/form-alert";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { UserAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useAddInstructor, useRemoveInstructor } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { InstructorRef, StudioCourse } from "@/lib/api/models";
import { applyServerError } from "@/lib/forms/server-errors";

/** Who teaches the course: the owner and co-instructors, who can all edit it. */
export function TeamTab({ course, viewerId }: { course: StudioCourse; viewerId: string }) {
  const router = useRouter();
  const removeMember = useRemoveInstructor(course.id);
  const isCoInstructor = course.co_instructors.some((member) => member.id === viewerId);

  const remove = (member: InstructorRef) =>
    removeMember.mutate(member.id, {
      onSuccess: () => {
        if (member.id === viewerId) {
          toast.success(`You left “${course.title}”.`);
          router.push("/studio");
        } else toast.success(`${member.display_name} no longer teaches this course.`);
      },
      onError: (error) => toast.error(describeError(error)),
    });

  return (
    <div className="grid gap-6">
      <Card aria-labelledby="team-title">
        <CardHeader>
          <CardTitle id="team-title">Team</CardTitle>
          <CardDescription>
            Co-instructors can edit everything and submit the course for review. Only the owner (or an admin) changes the team, the
            visibility, or deletes the course.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="divide-y divide-border rounded-lg border border-border">
            <MemberRow member={course.owner} role="Owner" isViewer={course.owner.id === viewerId} />
            {course.co_instructors.map((member) => (
              <MemberRow key={member.id} member={member} role="Co-instructor" isViewer={member.id === viewerId}>
                {course.can_manage && member.id !== viewerId && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Remove ${member.display_name} from the team`}>
                        <X aria-hidden /> Remove
                      </Button>
                    }
                    title={`Remove ${member.display_name}?`}
                    description="They will no longer see or edit this course in their studio. You can add them again later."
                    confirmLabel="Remove from team"
                    onConfirm={() => remove(member)}
                  />
                )}
              </MemberRow>
            ))}
          </ul>
          {course.co_instructors.length === 0 && <p className="mt-3 text-sm text-muted-foreground">No co-instructors yet.</p>}
        </CardContent>
      </Card>

      {course.can_manage && <AddInstructorCard courseId={course.id} />}

      {isCoInstructor && !course.can_manage && (
        <Card aria-labelledby="leave-title">
          <CardHeader>
            <CardTitle id="leave-title">Leave this course</CardTitle>
            <CardDescription>You will stop seeing it in your studio. The owner can add you again.</CardDescription>
          </CardHeader>
          <CardContent>
            <ConfirmDialog
              trigger={
                <Button variant="secondary" pending={removeMember.isPending}>
                  <LogOut aria-hidden /> Leave course
                </Button>
              }
              title="Leave this course?"
              description={`You will no longer be able to edit “${course.title}”.`}
              confirmLabel="Leave course"
              onConfirm={() => {
                const me = course.co_instructors.find((member) => member.id === viewerId);
                if (me) remove(me);
              }}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}

function MemberRow({ member, role, isViewer, children }: { member: InstructorRef; role: string; isViewer: boolean; children?: ReactNode }) {
  return (
    <li data-testid="team-member" className="flex flex-wrap items-center gap-3 p-3">
      <UserAvatar name={member.display_name} src={member.avatar_url} />
      <div className="grid min-w-0 flex-1">
        <span className="truncate font-medium">
          {member.display_name}
          {isViewer && <span className="font-normal text-muted-foreground"> (you)</span>}
        </span>
      </div>
      <Badge tone={role === "Owner" ? "accent" : "neutral"}>{role}</Badge>
      {children}
    </li>
  );
}

const addSchema = z.object({
  email: z.string().trim().min(1, "Enter the instructor's email address.").pipe(z.email("Enter a valid email address.")),
});
type AddValues = z.infer<typeof addSchema>;

function AddInstructorCard({ courseId }: { courseId: string }) {
  const add = useAddInstructor(courseId);
  const form = useForm<AddValues>({ resolver: zodResolver(addSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    add.mutateAsync(values.email.trim()).then(
      () => {
        toast.success("Co-instructor added.");
        form.reset();
      },
      (error: unknown) => applyServerError(error, form.setError, ["email"], { instructor_not_found: "email", already_on_team: "email" }),
    ),
  );

  return (
    <Card aria-labelledby="add-instructor-title">
      <CardHeader>
        <CardTitle id="add-instructor-title">Add a co-instructor</CardTitle>
        <CardDescription>They need an instructor account on Lectern. Enter the email address they sign in with.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-3">
          <FormAlert message={errors.root?.server?.message} />
          <div className="grid items-start gap-3 sm:grid-cols-[1fr_auto]">
            <FormField label="Email address" error={errors.email?.message}>
              <Input type="email" autoComplete="off" placeholder="colleague@example.com" {...form.register("email")} />
            </FormField>
            <Button type="submit" pending={isSubmitting} className="sm:mt-6.5">
              <UserPlus aria-hidden /> Add to team
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
