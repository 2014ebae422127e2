"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useResetPassword } from "@/hooks/queries/auth";
import { PASSWORD_MIN_LENGTH, resetPasswordSchema, type ResetPasswordValues } from "@/lib/forms/auth-schemas";
import { applyServerError } from "@/lib/forms/server-errors";
import { AuthCard } from "./auth-card";
import { FormAlert } from "./form-alert";
import { PasswordInput } from "./password-input";
import { tokenProblem } from "./token-problem";

export function ResetPasswordForm({ token }: { token: string | null }) {
  const reset = useResetPassword();
  const [done, setDone] = useState(false);
  const [linkProblem, setLinkProblem] = useState<{ title: string; text: string } | null>(
    token ? null : { title: "This link is incomplete", text: "Open the link from the email again, or ask for a new one." },
  );
  const form = useForm<ResetPasswordValues>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { password: "", confirm: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    reset.mutateAsync({ token: token ?? "", password: values.password }).then(
      () => setDone(true),
      (error: unknown) => {
        const problem = tokenProblem(error);
        if (problem) setLinkProblem(problem);
        else applyServerError(error, form.setError, ["password"], { weak_password: "password" });
      },
    ),
  );

  if (done) {
    return (
      <AuthCard title="Password changed">
        <div className="grid gap-4">
          <Alert tone="success">Your new password is set, and every device was signed out. Sign in with the new password.</Alert>
          <Button asChild>
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
      </AuthCard>
    );
  }
  if (linkProblem) {
    return (
      <AuthCard title={linkProblem.title}>
        <div className="grid gap-4">
          <p className="text-sm text-muted-foreground">{linkProblem.text} Ask for a new link to reset your password.</p>
          <Button asChild>
            <Link href="/forgot-password">Get a new link</Link>
          </Button>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" description="You'll be signed out everywhere and can sign in with it right after.">
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <FormAlert message={errors.root?.server?.message} />
        <FormField label="New password" error={errors.password?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
          <PasswordInput autoComplete="new-password" autoFocus {...form.register("password")} />
        </FormField>
        <FormField label="Repeat new password" error={errors.confirm?.message}>
          <PasswordInput autoComplete="new-password" {...form.register("confirm")} />
        </FormField>
        <Button type="submit" pending={form.formState.isSubmitting}>
          Set new password
        </Button>
      </form>
    </AuthCard>
  );
}
