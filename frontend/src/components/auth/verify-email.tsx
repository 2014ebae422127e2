"use client";

import { CheckCircle2, Loader2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useVerifyEmail } from "@/hooks/queries/auth";
import { describeError, isApiError } from "@/lib/api/errors";
import { useMe } from "@/hooks/queries/me";
import { AuthCard } from "./auth-card";
import { ResendVerification } from "./resend-verification";
import { tokenProblem } from "./token-problem";

/**
 * Verifies the emailed token as soon as the page opens; the button is there when that could not
 * run or failed for a passing reason (e.g. the network).
 */
export function VerifyEmail({ token }: { token: string | null }) {
  const verify = useVerifyEmail();
  const { data: me } = useMe();
  const started = useRef(false);
  const { mutate } = verify;

  useEffect(() => {
    // Once only: a token is single-use, and React may run effects twice in development.
    if (!token || started.current) return;
    started.current = true;
    mutate(token);
  }, [token, mutate]);

  if (!token) {
    return (
      <AuthCard title="Verify your email" description="This page needs the link from your email. Ask for a new one if it's lost.">
        <ResendVerification />
      </AuthCard>
    );
  }
  if (verify.isSuccess) {
    return (
      <AuthCard title="Email verified">
        <div className="grid gap-4">
          <div className="flex items-center gap-3 rounded-lg bg-success-soft p-4 text-sm" role="status">
            <CheckCircle2 className="size-5 shrink-0 text-success" aria-hidden />
            <p>{verify.data.message}</p>
          </div>
          {me ? (
            <Button asChild>
              <Link href="/account">Go to your account</Link>
            </Button>
          ) : (
            <Button asChild>
              <Link href="/sign-in">Sign in</Link>
            </Button>
          )}
        </div>
      </AuthCard>
    );
  }
  const problem = verify.isError ? tokenProblem(verify.error) : null;
  if (problem) {
    return (
      <AuthCard title={problem.title} description={problem.text}>
        <div className="grid gap-4">
          {isApiError(verify.error, "token_used") ? (
            <p className="text-sm">If you verified already, you can simply sign in.</p>
          ) : (
            <p className="text-sm">Enter your email and we&apos;ll send a fresh link.</p>
          )}
          <ResendVerification />
          <Button asChild variant="secondary">
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Verifying your email">
      <div className="grid gap-4">
        {verify.isError ? (
          <Alert tone="error">{describeError(verify.error)}</Alert>
        ) : (
          <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
            <Loader2 className="size-4 animate-spin" aria-hidden /> Checking your link…
          </p>
        )}
        <Button onClick={() => verify.mutate(token)} pending={verify.isPending} variant={verify.isError ? "primary" : "secondary"}>
          {verify.isError ? "Try again" : "Verify my email"}
        </Button>
      </div>
    </AuthCard>
  );
}
