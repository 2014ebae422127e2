"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useSignIn } from "@/hooks/queries/auth";
import { isApiError } from "@/lib/api/errors";
import type { Me } from "@/lib/api/models";
import { signInSchema, type SignInValues } from "@/lib/forms/auth-schemas";
import { applyServerError, waitInWords } from "@/lib/forms/server-errors";
import { homeAfterSignIn } from "@/lib/navigation/home";
import { AuthCard } from "./auth-card";
import { FormAlert } from "./form-alert";
import { PasswordInput } from "./password-input";
import { ResendVerification } from "./resend-verification";

/** A refusal that needs more than a sentence: an unverified address or too many attempts. */
type Blocker = { kind: "unverified"; email: string } | { kind: "rate_limited"; seconds: number | null };

/** `next`: the page to return to; null goes to the signed-in person's usual start page. */
export function SignInForm({ next }: { next: string | null }) {
  const router = useRouter();
  const signIn = useSignIn();
  const [blocker, setBlocker] = useState<Blocker | null>(null);
  const form = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setBlocker(null);
    let me: Me;
    try {
      me = await signIn.mutateAsync(values);
    } catch (error) {
      if (isApiError(error, "email_not_verified")) setBlocker({ kind: "unverified", email: values.email });
      else if (isApiError(error, "rate_limited")) setBlocker({ kind: "rate_limited", seconds: error.retryAfter });
      else applyServerError(error, form.setError, ["email", "password"]);
      return;
    }
    router.push(next ?? homeAfterSignIn(me.roles));
    // Server components (header, protected pages) must see the new session cookie.
    router.refresh();
  });

  return (
    <AuthCard
      title="Welcome back"
      description="Sign in to continue learning."
      footer={
        <>
          New to Lectern?{" "}
          <Link href="/register" className="font-medium text-primary hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <FormAlert message={errors.root?.server?.message} />
        {blocker?.kind === "rate_limited" && (
          <Alert tone="warning" title="Too many attempts">
            {blocker.seconds
              ? `For your security, wait ${waitInWords(blocker.seconds)} before trying again.`
              : "For your security, wait a little before trying again."}
          </Alert>
        )}
        {blocker?.kind === "unverified" && (
          <Alert tone="warning" title="Verify your email first">
            <p className="mb-2">We sent a link to {blocker.email} when you registered. Open it to activate your account.</p>
            <ResendVerification email={blocker.email} />
          </Alert>
        )}
        <FormField label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" inputMode="email" autoFocus {...form.register("email")} />
        </FormField>
        <FormField
          label="Password"
          error={errors.password?.message}
          labelAside={
            <Link href="/forgot-password" className="text-sm font-medium text-primary hover:underline">
              Forgot password?
            </Link>
          }
        >
          <PasswordInput autoComplete="current-password" {...form.register("password")} />
        </FormField>
        <Button type="submit" pending={form.formState.isSubmitting} className="mt-2">
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
