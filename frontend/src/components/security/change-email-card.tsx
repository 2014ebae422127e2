"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { PasswordInput } from "@/components/auth/password-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useChangeEmail } from "@/hooks/queries/auth";
import { useMe } from "@/hooks/queries/me";
import { changeEmailSchema, type ChangeEmailValues } from "@/lib/forms/auth-schemas";
import { applyServerError } from "@/lib/forms/server-errors";

export function ChangeEmailCard() {
  const { data: me } = useMe();
  const change = useChangeEmail();
  const form = useForm<ChangeEmailValues>({ resolver: zodResolver(changeEmailSchema), defaultValues: { new_email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    change.mutateAsync(values).then(
      () => {
        form.reset();
        toast.success(`Check ${values.new_email} for a confirmation link.`);
      },
      (error: unknown) =>
        applyServerError(error, form.setError, ["new_email", "password"], {
          invalid_credentials: "password",
          email_taken: "new_email",
        }),
    ),
  );

  return (
    <Card aria-labelledby="email-title">
      <form onSubmit={onSubmit} noValidate>
        <CardHeader>
          <CardTitle id="email-title">Email address</CardTitle>
          <CardDescription>
            You sign in with <strong className="text-foreground">{me?.email}</strong>. A new address takes effect once you confirm it.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {me?.pending_email && (
            <Alert tone="info" title="Waiting for confirmation">
              We sent a link to {me.pending_email}. Until it is opened, you keep signing in with {me.email}.
            </Alert>
          )}
          <FormAlert message={errors.root?.server?.message} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="New email" error={errors.new_email?.message}>
              <Input type="email" autoComplete="email" inputMode="email" {...form.register("new_email")} />
            </FormField>
            <FormField label="Your password" error={errors.password?.message}>
              <PasswordInput autoComplete="current-password" {...form.register("password")} />
            </FormField>
          </div>
        </CardContent>
        <CardFooter>
          <Button type="submit" pending={isSubmitting}>
            Change email
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
