"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { MailCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useRegister } from "@/hooks/queries/auth";
import { PASSWORD_MIN_LENGTH, registerSchema, type RegisterValues } from "@/lib/forms/auth-schemas";
import { applyServerError } from "@/lib/forms/server-errors";
import { AuthCard } from "./auth-card";
import { FormAlert } from "./form-alert";
import { PasswordInput } from "./password-input";
import { ResendVerification } from "./resend-verification";

export function RegisterForm() {
  const register = useRegister();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<RegisterValues>({
    resolver: zodResolver(registerSchema),
    defaultValues: { display_name: "", email: "", password: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    register.mutateAsync(values).then(
      () => setSentTo(values.email),
      (error: unknown) =>
        applyServerError(error, form.setError, ["display_name", "email", "password"], {
          weak_password: "password",
          email_taken: "email",
        }),
    ),
  );

  if (sentTo) {
    return (
      <AuthCard title="Check your inbox" description={<>We sent a verification link to <strong className="text-foreground">{sentTo}</strong>.</>}>
        <div className="grid gap-5">
          <div className="flex items-start gap-3 rounded-lg bg-muted p-4 text-sm">
            <MailCheck className="mt-0.5 size-5 shrink-0 text-primary" aria-hidden />
            <p>Open the link in that email to activate your account, then sign in. The link works once and expires after a while.</p>
          </div>
          <ResendVerification email={sentTo} />
          <Button asChild variant="secondary">
            <Link href="/sign-in">Go to sign in</Link>
          </Button>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Create your account"
      description="Start learning in a minute. You can apply to teach later."
      footer={
        <>
          Already have an account?{" "}
          <Link href="/sign-in" className="font-medium text-primary hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <FormAlert message={errors.root?.server?.message} />
        <FormField label="Your name" error={errors.display_name?.message}>
          <Input autoComplete="name" {...form.register("display_name")} />
        </FormField>
        <FormField label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" inputMode="email" {...form.register("email")} />
        </FormField>
        <FormField label="Password" error={errors.password?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence works well.`}>
          <PasswordInput autoComplete="new-password" {...form.register("password")} />
        </FormField>
        <Button type="submit" pending={form.formState.isSubmitting} className="mt-2">
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
