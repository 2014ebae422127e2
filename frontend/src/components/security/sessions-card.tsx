"use client";

import { Laptop, LogOut, Smartphone } from "lucide-react";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useEndSession, useSessions, useSignOutEverywhere } from "@/hooks/queries/auth";
import { describeError } from "@/lib/api/errors";
import type { Session } from "@/lib/api/models";
import { describeUserAgent } from "@/lib/devices/describe-user-agent";

/** An IPv4 address as people know it, without the IPv6 "::ffff:" wrapper some servers report. */
function displayIp(ip: string | null): string {
  if (!ip) return "Unknown address";
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice("::ffff:".length) : ip;
}

/** Where the account is signed in, with a way to end any of it. */
export function SessionsCard() {
  const sessions = useSessions();
  const endSession = useEndSession();
  const signOutEverywhere = useSignOutEverywhere();
  const router = useRouter();

  // The current device first, then the most recently active.
  const ordered = [...(sessions.data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.last_seen_at.localeCompare(a.last_seen_at),
  );

  const end = (session: Session) =>
    endSession.mutate(session.id, {
      onSuccess: () => toast.success("That device was signed out."),
      onError: (error) => toast.error(describeError(error)),
    });

  const leaveEverywhere = () =>
    signOutEverywhere.mutate(undefined, {
      onSuccess: () => {
        router.push("/sign-in");
        router.refresh();
        toast.success("Signed out on every device.");
      },
      onError: (error) => toast.error(describeError(error)),
    });

  return (
    <Card aria-labelledby="sessions-title">
      <CardHeader>
        <CardTitle id="sessions-title">Where you're signed in</CardTitle>
        <CardDescription>If you don&apos;t recognise a device, end its session and change your password.</CardDescription>
      </CardHeader>
      <CardContent>
        {sessions.isPending ? (
          <ul className="grid gap-3" aria-label="Loading sessions">
            {[0, 1].map((row) => (
              <li key={row} className="flex items-center gap-3">
                <Skeleton className="size-10 rounded-lg" />
                <div className="grid flex-1 gap-2">
                  <Skeleton className="h-4 w-40" />
                  <Skeleton className="h-3 w-56" />
                </div>
              </li>
            ))}
          </ul>
        ) : sessions.isError ? (
          <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <ul className="divide-y divide-border">
            {ordered.map((session) => {
              const device = describeUserAgent(session.user_agent);
              const Icon = device.mobile ? Smartphone : Laptop;
              const label = `${device.browser} on ${device.os}`;
              return (
                <li key={session.id} className="flex flex-wrap items-center gap-3 py-3 first:pt-0 last:pb-0">
                  <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-muted text-muted-foreground">
                    <Icon className="size-5" aria-hidden />
                  </span>
                  <div className="grid min-w-0 flex-1 gap-0.5">
                    <p className="flex flex-wrap items-center gap-2 font-medium">
                      {label}
                      {session.current && <Badge tone="success">This device</Badge>}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      {displayIp(session.ip)} · last active <LocalTime iso={session.last_seen_at} withTime /> · signed in{" "}
                      <LocalTime iso={session.created_at} />
                    </p>
                  </div>
                  {!session.current && (
                    <Button variant="secondary" size="sm" onClick={() => end(session)} aria-label={`End session: ${label}`}>
                      End
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
      <CardFooter className="justify-between">
        <p className="text-xs text-muted-foreground">Signing out everywhere includes this device.</p>
        <ConfirmDialog
          trigger={
            <Button variant="secondary" pending={signOutEverywhere.isPending}>
              <LogOut aria-hidden /> Sign out everywhere
            </Button>
          }
          title="Sign out on every device?"
          description="Every session ends, including this one. You'll need your password to sign in again."
          confirmLabel="Sign out everywhere"
          onConfirm={leaveEverywhere}
        />
      </CardFooter>
    </Card>
  );
}
