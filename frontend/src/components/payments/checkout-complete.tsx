"use client";

import { CheckCircle2, Loader2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { QueryError } from "@/components/ui/query-error";
import { useMySubscription, useOrder, useReturnFromProvider } from "@/hooks/queries/payments";
import { formatPrice } from "@/lib/format/course";
import { SUBSCRIPTION_STATUS, subscriptionSummary } from "./payments-format";

/** Back from the provider: wait (visibly) for its webhook to be processed, then say what the
 * buyer has now. The page itself grants nothing; it only watches the order or subscription. */
export function CheckoutComplete({ orderId, subscriptionId }: { orderId: string | null; subscriptionId: string | null }) {
  const returned = useReturnFromProvider();
  const told = useRef(false);
  const order = useOrder(orderId, true);
  const waitingOrder = order.data?.status === "pending";
  const subscription = useMySubscription(subscriptionId, true);
  const waitingSubscription = subscription.data?.status === "incomplete";

  useEffect(() => {
    if (orderId && !told.current) {
      told.current = true;
      returned.mutate(orderId);
    }
  }, [orderId, returned]);

  const stillWaiting = (orderId !== null && (order.isPending || waitingOrder)) || (subscriptionId !== null && (subscription.isPending || waitingSubscription));
  const error = order.error ?? subscription.error;

  return (
    <div className="mx-auto grid max-w-lg gap-5 px-4 py-8 sm:py-12">
      {error ? (
        <QueryError error={error} onRetry={() => void (orderId ? order.refetch() : subscription.refetch())} />
      ) : stillWaiting ? (
        <Card>
          <CardContent className="flex items-center gap-3 pt-5 sm:pt-6" role="status" aria-live="polite">
            <Loader2 className="size-5 animate-spin text-primary" aria-hidden />
            <div className="grid gap-0.5">
              <p className="font-medium">Confirming your payment…</p>
              <p className="text-sm text-muted-foreground">We&apos;re waiting for the payment provider to confirm. This usually takes a few seconds.</p>
            </div>
          </CardContent>
        </Card>
      ) : order.data ? (
        order.data.status === "expired" ? (
          <Alert tone="warning" title="This payment wasn't completed">
            Nothing was charged. <Link href="/courses" className="font-medium text-primary hover:underline">Back to the courses</Link>
          </Alert>
        ) : (
          <Card aria-labelledby="paid-title">
            <CardHeader>
              <CheckCircle2 className="size-8 text-success" aria-hidden />
              <CardTitle id="paid-title">Payment received</CardTitle>
              <p className="text-sm text-muted-foreground">
                Receipt {order.data.number} · {formatPrice(order.data.total_amount, order.data.currency)} · a copy is on its way to your inbox.
              </p>
            </CardHeader>
            <CardContent className="grid gap-3">
              {order.data.lines.map((line) =>
                line.course_slug ? (
                  <Button key={line.description} asChild size="lg" className="w-full">
                    <Link href={`/courses/${line.course_slug}`}>Start {line.description}</Link>
                  </Button>
                ) : null,
              )}
              <Button asChild variant="secondary" className="w-full">
                <Link href="/account/billing">See your purchases</Link>
              </Button>
            </CardContent>
          </Card>
        )
      ) : subscription.data ? (
        <Card aria-labelledby="subscribed-title">
          <CardHeader>
            <CheckCircle2 className="size-8 text-success" aria-hidden />
            <CardTitle id="subscribed-title">You&apos;re subscribed to {subscription.data.plan.name}</CardTitle>
            <p className="text-sm text-muted-foreground">
              {SUBSCRIPTION_STATUS[subscription.data.status].label}. {subscriptionSummary(subscription.data)}
            </p>
          </CardHeader>
          <CardContent className="grid gap-3">
            <Button asChild size="lg" className="w-full">
              <Link href="/courses">Choose a course</Link>
            </Button>
            <Button asChild variant="secondary" className="w-full">
              <Link href="/account/billing">Manage your subscription</Link>
            </Button>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
