"use client";

import { Sparkles } from "lucide-react";
import { planPrice, SUBSCRIPTION_STATUS, subscriptionSummary } from "@/components/payments/payments-format";
import { LoadingBlock } from "@/components/payments/loading-block";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { useAdminSubscriptions } from "@/hooks/queries/payments";

/** Who subscribes to what, and where each subscription stands. */
export function AdminSubscriptions() {
  const subscriptions = useAdminSubscriptions();
  if (subscriptions.isPending) return <LoadingBlock className="h-40 w-full" label="Loading…" />;
  if (subscriptions.isError) return <QueryError error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />;
  if (subscriptions.data.length === 0) return <EmptyState icon={Sparkles} title="No subscribers yet" />;
  return (
    <ul className="divide-y divide-border rounded-xl border border-border bg-surface" aria-label="Subscriptions">
      {subscriptions.data.map((subscription) => {
        const status = SUBSCRIPTION_STATUS[subscription.status];
        return (
          <li key={subscription.id} className="grid gap-1 p-4 sm:grid-cols-[1fr_auto] sm:items-center">
            <div className="grid gap-0.5">
              <p className="font-medium">
                {subscription.user_name} <span className="font-normal text-muted-foreground">{subscription.user_email}</span>
              </p>
              <p className="text-xs text-muted-foreground">
                {subscription.plan.name} · {planPrice(subscription.plan)} · {subscription.provider} · {subscriptionSummary(subscription)}
              </p>
            </div>
            <Badge tone={status.tone}>{subscription.cancel_at_period_end && subscription.status !== "canceled" ? "Cancelled" : status.label}</Badge>
          </li>
        );
      })}
    </ul>
  );
}
