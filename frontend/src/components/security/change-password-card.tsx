"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { PasswordInput } from "@/components/auth/password-input";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { toast } from "@/components/ui/toaster";
import { useChangePassword } from "@/hooks/queries/auth";
import { changePasswordSchema, PASSWORD_MIN_LENGTH, type ChangePasswordValues } from "@/lib/forms/auth-schemas";
import { applyServerError } from "@/lib/forms/server-errors";

export function ChangePasswordCard() {
  const change = useChangePassword();
  const form = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { current_password: "", new_password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(({ current_password, new_password }) =>
    change.mutateAsync({ current_password, new_password }).then(
      () => {
        form.reset();
        toast.success("Password changed. Your other devices were signed out.");
      },
      (error: unknown) =>
        applyServerError(error, form.setError, ["current_password", "new_password"], {
          invalid_credentials: "current_password",
          weak_password: "new_password",
        }),
    ),
  );

  return (
    <Card aria-labelledby="password-title">
      <form onSubmit={onSubmit} noValidate>
        <CardHeader>
          <CardTitle id="password-title">Password</CardTitle>
          <CardDescription>Changing it signs you out on every other device.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <FormAlert message={errors.root?.server?.message} />
          <FormField label="Current password" error={errors.current_password?.message}>
            <PasswordInput autoComplete="current-password" {...form.register("current_password")} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="New password" error={errors.new_password?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
              <PasswordInput autoComplete="new-password" {...form.register("new_password")} />
            </FormField>
            <FormField label="Repeat new password" error={errors.confirm?.message}>
              <PasswordInput autoComplete="new-password" {...form.register("confirm")} />
            </FormField>
          </div>
        </CardContent>
        <CardFooter>
          <Button type="submit" pending={isSubmitting}>
            Change password
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
