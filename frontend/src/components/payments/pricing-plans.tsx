"use client";

import { Check, Sparkles } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/hooks/queries/me";
import { useMySubscriptions, usePlans } from "@/hooks/queries/payments";
import type { Plan, Quote } from "@/lib/api/models";
import { CheckoutButtons } from "./checkout-buttons";
import { CouponField } from "./coupon-field";
import { PriceTag } from "./price-tag";
import { perInterval, quoteTerms } from "./payments-format";

/** The plans on sale, each with its own coupon field and checkout; a subscriber is sent to
 * manage the subscription they have instead. */
export function PricingPlans({ cancelled }: { cancelled: boolean }) {
  const plans = usePlans();
  const { data: me } = useMe();
  const mine = useMySubscriptions();
  const live = mine.data?.find((s) => ["trialing", "active", "past_due", "paused"].includes(s.status));
  return (
    <div className="grid gap-6">
      {cancelled && (
        <Alert tone="info" title="Checkout cancelled">
          Nothing was charged.
        </Alert>
      )}
      {live && (
        <Alert tone="success" title={`You subscribe to ${live.plan.name}`}>
          Change plan or cancel in{" "}
          <Link href="/account/billing" className="font-medium text-primary hover:underline">
            your billing settings
          </Link>
          .
        </Alert>
      )}
      {plans.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2" aria-busy="true" aria-label="Loading the plans">
          <Skeleton className="h-96 rounded-xl" />
          <Skeleton className="h-96 rounded-xl" />
        </div>
      ) : plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.length === 0 ? (
        <EmptyState icon={Sparkles} title="No plans on sale">
          Courses are sold one by one for now.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {plans.data.map((plan) => (
            <li key={plan.id}>
              <PlanCard plan={plan} signedIn={Boolean(me)} subscribed={Boolean(live)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PlanCard({ plan, signedIn, subscribed }: { plan: Plan; signedIn: boolean; subscribed: boolean }) {
  const [quote, setQuote] = useState<Quote | null>(null);
  const titleId = `plan-${plan.id}`;
  return (
    <Card aria-labelledby={titleId} className="flex h-full flex-col">
      <CardHeader>
        <div className="flex items-center justify-between gap-2">
          <CardTitle id={titleId}>{plan.name}</CardTitle>
          {plan.trial_days > 0 && <Badge tone="accent">{plan.trial_days}-day free trial</Badge>}
        </div>
        <PriceTag amount={plan.amount} currency={plan.currency} quote={quote} suffix={`/ ${perInterval(plan.interval)}`} />
        <p className="text-sm text-muted-foreground">{plan.description}</p>
      </CardHeader>
      <CardContent className="grid flex-1 content-start gap-3">
        <ul className="grid gap-1.5 text-sm">
          <li className="flex gap-2">
            <Check className="size-4 text-success" aria-hidden />
            {plan.scope === "all_courses" ? `Every paid course (${plan.course_count} today, and new ones as they come)` : `${plan.course_count} chosen courses`}
          </li>
          <li className="flex gap-2">
            <Check className="size-4 text-success" aria-hidden /> Cancel any time: access lasts to the end of the period
          </li>
        </ul>
        {quote && <p className="text-sm font-medium">{quoteTerms(quote)}</p>}
      </CardContent>
      <CardFooter className="grid justify-stretch gap-3">
        {subscribed ? (
          <Button asChild variant="secondary" className="w-full">
            <Link href="/account/billing">Manage your subscription</Link>
          </Button>
        ) : signedIn ? (
          <>
            <CouponField purchase={{ plan_id: plan.id }} quote={quote} onQuote={setQuote} />
            <CheckoutButtons purchase={{ plan_id: plan.id, coupon_code: quote?.coupon_code ?? null }} label={plan.trial_days > 0 ? "Start free trial" : `Subscribe ${perInterval(plan.interval)}ly`} />
          </>
        ) : (
          <Button asChild size="lg" className="w-full">
            <Link href={`/sign-in?next=${encodeURIComponent("/pricing")}`}>Sign in to subscribe</Link>
          </Button>
        )}
      </CardFooter>
    </Card>
  );
}
