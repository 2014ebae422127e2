"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useForgotPassword } from "@/hooks/queries/auth";
import { emailOnlySchema, type EmailOnlyValues } from "@/lib/forms/auth-schemas";
import { applyServerError } from "@/lib/forms/server-errors";
import { AuthCard } from "./auth-card";
import { FormAlert } from "./form-alert";

export function ForgotPasswordForm() {
  const forgot = useForgotPassword();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<EmailOnlyValues>({ resolver: zodResolver(emailOnlySchema), defaultValues: { email: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    forgot.mutateAsync(values.email).then(
      () => setSentTo(values.email),
      (error: unknown) => applyServerError(error, form.setError, ["email"]),
    ),
  );

  const footer = (
    <Link href="/sign-in" className="font-medium text-primary hover:underline">
      Back to sign in
    </Link>
  );

  if (sentTo) {
    return (
      <AuthCard title="Check your inbox" footer={footer}>
        <Alert tone="success" title="Reset link sent">
          If {sentTo} has an account, an email with a link to choose a new password is on its way.
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Forgot your password?" description="Enter your email and we'll send you a link to choose a new one." footer={footer}>
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <FormAlert message={errors.root?.server?.message} />
        <FormField label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" inputMode="email" autoFocus {...form.register("email")} />
        </FormField>
        <Button type="submit" pending={form.formState.isSubmitting}>
          Send reset link
        </Button>
      </form>
    </AuthCard>
  );
}
