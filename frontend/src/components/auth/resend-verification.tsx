"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useResendVerification } from "@/hooks/queries/auth";
import { emailOnlySchema, type EmailOnlyValues } from "@/lib/forms/auth-schemas";
import { applyServerError } from "@/lib/forms/server-errors";
import { FormAlert } from "./form-alert";

/**
 * Sends a fresh verification link. With a known `email` it is one button; without, it asks for
 * the address. The API answers the same whether or not the address has an account.
 */
export function ResendVerification({ email }: { email?: string }) {
  const resend = useResendVerification();
  const [sent, setSent] = useState(false);
  const form = useForm<EmailOnlyValues>({ resolver: zodResolver(emailOnlySchema), defaultValues: { email: email ?? "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    resend.mutateAsync(values.email).then(
      () => setSent(true),
      (error: unknown) => applyServerError(error, form.setError, ["email"]),
    ),
  );

  if (sent) {
    return <Alert tone="success" title="Link sent">If that address has an account waiting for verification, a new link is on its way.</Alert>;
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormAlert message={errors.root?.server?.message} />
      {email ? (
        <input type="hidden" {...form.register("email")} />
      ) : (
        <FormField label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" {...form.register("email")} />
        </FormField>
      )}
      <Button type="submit" variant={email ? "ghost" : "secondary"} pending={form.formState.isSubmitting}>
        {email ? "Didn't get it? Send the link again" : "Send a new link"}
      </Button>
    </form>
  );
}
