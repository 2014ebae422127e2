"use client";

import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useApiTokens, useRevokeApiToken } from "@/hooks/queries/auth";
import { describeError } from "@/lib/api/errors";
import type { ApiToken } from "@/lib/api/models";
import { CreateTokenDialog } from "./create-token-dialog";

/** Personal API tokens: for scripts and apps acting as this account. */
export function ApiTokensCard() {
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);

  const revokeToken = (token: ApiToken) =>
    revoke.mutate(token.id, {
      onSuccess: () => toast.success(`Token “${token.name}” revoked.`),
      onError: (error) => toast.error(describeError(error)),
    });

  return (
    <Card aria-labelledby="tokens-title">
      <CardHeader>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="grid gap-1">
            <CardTitle id="tokens-title">Personal API tokens</CardTitle>
            <CardDescription>Let scripts and apps use the API as you. Treat a token like a password.</CardDescription>
          </div>
          <Dialog open={creating} onOpenChange={setCreating}>
            <DialogTrigger asChild>
              <Button variant="secondary" size="sm">
                <Plus aria-hidden /> New token
              </Button>
            </DialogTrigger>
            {creating && <CreateTokenDialog />}
          </Dialog>
        </div>
      </CardHeader>
      <CardContent>
        {tokens.isPending ? (
          <div className="grid gap-3" aria-label="Loading tokens">
            <Skeleton className="h-12" />
            <Skeleton className="h-12" />
          </div>
        ) : tokens.isError ? (
          <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <EmptyState icon={KeyRound} title="No tokens yet">
            Create one when a script or another app needs to reach Lectern on your behalf.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-border">
            {tokens.data.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center gap-3 py-3 first:pt-0 last:pb-0">
                <div className="grid min-w-0 flex-1 gap-0.5">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {token.name}
                    <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs text-muted-foreground">{token.prefix}…</code>
                  </p>
                  <p className="text-xs text-muted-foreground">
                    Created <LocalTime iso={token.created_at} /> · last used <LocalTime iso={token.last_used_at} /> ·{" "}
                    {token.expires_at ? (
                      <>
                        expires <LocalTime iso={token.expires_at} />
                      </>
                    ) : (
                      "never expires"
                    )}
                  </p>
                </div>
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost" size="sm" className="text-destructive" aria-label={`Revoke token ${token.name}`}>
                      Revoke
                    </Button>
                  }
                  title={`Revoke “${token.name}”?`}
                  description="Anything using this token stops working at once. This can't be undone."
                  confirmLabel="Revoke token"
                  onConfirm={() => revokeToken(token)}
                />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
