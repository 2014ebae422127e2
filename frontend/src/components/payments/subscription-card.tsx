"use client";

import { CalendarClock, ExternalLink, FlaskConical, Sparkles } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { LoadingBlock } from "@/components/payments/loading-block";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { toast } from "@/components/ui/toaster";
import { useChangePlan, useMySubscriptions, usePlans, usePortal, useSubscriptionAction, useTestClock } from "@/hooks/queries/payments";
import { describeError } from "@/lib/api/errors";
import type { Subscription } from "@/lib/api/models";
import { planPrice, SUBSCRIPTION_STATUS, subscriptionSummary } from "./payments-format";

/** The student's subscription: where it stands, cancel at period end, resume, change plan, the
 * provider's portal; for a test subscription, the test clock. */
export function SubscriptionCard() {
  const mine = useMySubscriptions();
  const current = mine.data?.[0];
  return (
    <Card aria-labelledby="subscription-title">
      <CardHeader>
        <CardTitle id="subscription-title">Subscription</CardTitle>
        <CardDescription>A plan opens every course it covers for as long as it runs.</CardDescription>
      </CardHeader>
      <CardContent>
        {mine.isPending ? (
          <LoadingBlock className="h-24 w-full" label="Loading…" />
        ) : mine.isError ? (
          <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
        ) : !current ? (
          <EmptyState icon={Sparkles} title="No subscription">
            <Link href="/pricing" className="font-medium text-primary hover:underline">
              See the plans
            </Link>{" "}
            to open every course.
          </EmptyState>
        ) : (
          <SubscriptionDetails subscription={current} />
        )}
      </CardContent>
      {current && <SubscriptionActions subscription={current} />}
    </Card>
  );
}

function SubscriptionDetails({ subscription }: { subscription: Subscription }) {
  const status = SUBSCRIPTION_STATUS[subscription.status];
  return (
    <div className="grid gap-2">
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-lg font-semibold">{subscription.plan.name}</span>
        <span className="text-muted-foreground">{planPrice(subscription.plan)}</span>
        <Badge tone={status.tone} data-testid="subscription-status">
          {subscription.cancel_at_period_end && subscription.status !== "canceled" ? "Cancelled" : status.label}
        </Badge>
        {subscription.provider === "test" && (
          <Badge tone="warning">
            <FlaskConical className="size-3" aria-hidden /> Test payments — no real money
          </Badge>
        )}
      </p>
      <p className="flex items-center gap-2 text-sm">
        <CalendarClock className="size-4 text-muted-foreground" aria-hidden /> {subscriptionSummary(subscription)}
      </p>
    </div>
  );
}

function SubscriptionActions({ subscription }: { subscription: Subscription }) {
  const cancel = useSubscriptionAction("cancel");
  const resume = useSubscriptionAction("resume");
  const portal = usePortal();
  const endPeriod = useTestClock("end-period");
  const payOverdue = useTestClock("pay-overdue");
  const live = ["trialing", "active", "past_due"].includes(subscription.status);
  const report = (done: string) => ({ onSuccess: () => toast.success(done), onError: (error: unknown) => toast.error(describeError(error)) });
  if (!live && subscription.status !== "paused") {
    return (
      <CardFooter>
        <Button asChild>
          <Link href="/pricing">Subscribe again</Link>
        </Button>
      </CardFooter>
    );
  }
  return (
    <CardFooter className="justify-between">
      <div className="flex flex-wrap gap-2">
        {subscription.provider === "test" && (
          <>
            <Button variant="secondary" size="sm" pending={endPeriod.isPending} onClick={() => endPeriod.mutate(subscription.id, report("The test clock moved to the end of the period."))}>
              <FlaskConical aria-hidden /> Test clock: end this period now
            </Button>
            {(subscription.status === "past_due" || subscription.status === "paused") && (
              <Button variant="secondary" size="sm" pending={payOverdue.isPending} onClick={() => payOverdue.mutate(subscription.id, report("Paid with a working test card."))}>
                Pay with a working test card
              </Button>
            )}
          </>
        )}
        {subscription.can_manage_at_provider && (
          <Button
            variant="secondary"
            size="sm"
            pending={portal.isPending}
            onClick={() => portal.mutate(subscription.id, { onSuccess: (link) => window.location.assign(link.url), onError: (error) => toast.error(describeError(error)) })}
          >
            <ExternalLink aria-hidden /> Payment method and invoices
          </Button>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        {live && !subscription.cancel_at_period_end && <ChangePlan subscription={subscription} />}
        {live &&
          (subscription.cancel_at_period_end ? (
            <Button pending={resume.isPending} onClick={() => resume.mutate(subscription.id, report("Your subscription will renew."))}>
              Keep my subscription
            </Button>
          ) : (
            <ConfirmDialog
              trigger={
                <Button variant="secondary" pending={cancel.isPending}>
                  Cancel subscription
                </Button>
              }
              title="Cancel your subscription?"
              description="It won't renew. You keep every course it opens until the end of the current period; your progress and notes stay."
              confirmLabel="Cancel subscription"
              onConfirm={() => cancel.mutate(subscription.id, report("Cancelled. You keep access until the period ends."))}
            />
          ))}
      </div>
    </CardFooter>
  );
}

function ChangePlan({ subscription }: { subscription: Subscription }) {
  const plans = usePlans();
  const change = useChangePlan();
  const [planId, setPlanId] = useState("");
  const others = (plans.data ?? []).filter((plan) => plan.id !== subscription.plan.id);
  if (others.length === 0) return null;
  return (
    <form
      className="flex gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!planId) return;
        change.mutate(
          { subscriptionId: subscription.id, planId },
          {
            onSuccess: (result) => {
              if (result.approval_url) window.location.assign(result.approval_url);
              else toast.success(`You're on ${result.subscription.plan.name} now.`);
            },
            onError: (error) => toast.error(describeError(error)),
          },
        );
      }}
    >
      <label className="sr-only" htmlFor={`change-${subscription.id}`}>
        Switch to plan
      </label>
      <NativeSelect id={`change-${subscription.id}`} value={planId} onChange={(event) => setPlanId(event.target.value)} className="w-44">
        <option value="">Switch plan…</option>
        {others.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {plan.name} ({planPrice(plan)})
          </option>
        ))}
      </NativeSelect>
      <Button type="submit" variant="secondary" pending={change.isPending} disabled={!planId}>
        Switch
      </Button>
    </form>
  );
}
