"use client";

import { FlaskConical, Lock } from "lucide-react";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useTestAbandon, useTestCheckout, useTestPay } from "@/hooks/queries/payments";
import { describeError } from "@/lib/api/errors";
import { formatPrice } from "@/lib/format/course";
import { perInterval, TEST_CARDS } from "./payments-format";

/** The offline test provider's hosted checkout: like a real provider's page, but every card is
 * a test card and no money moves. Paying makes the provider send its signed webhooks; access
 * follows from them, not from this page. */
export function TestCheckoutPage({ checkoutId }: { checkoutId: string }) {
  const checkout = useTestCheckout(checkoutId);
  const pay = useTestPay(checkoutId);
  const abandon = useTestAbandon(checkoutId);
  const [card, setCard] = useState<string>(TEST_CARDS[0].number);
  const cardId = useId();

  return (
    <div className="mx-auto grid max-w-lg gap-5 px-4 py-8 sm:py-12">
      <div role="note" className="flex items-start gap-3 rounded-xl border-2 border-dashed border-warning bg-warning-soft p-4">
        <FlaskConical className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden />
        <div className="grid gap-1 text-sm">
          <p className="text-base font-semibold">Test payments — no real money</p>
          <p>This is Lectern&apos;s offline test provider. Nothing is charged; use one of the test cards below.</p>
        </div>
      </div>
      {checkout.isPending ? (
        <div aria-busy="true">
          <Skeleton className="h-80 w-full rounded-xl" />
          <span className="sr-only">Loading the checkout…</span>
        </div>
      ) : checkout.isError ? (
        <QueryError error={checkout.error} onRetry={() => void checkout.refetch()} />
      ) : checkout.data.status !== "open" ? (
        <Alert tone="info" title={checkout.data.status === "complete" ? "Already paid" : "This checkout was closed"}>
          <a className="font-medium text-primary hover:underline" href={checkout.data.status === "complete" ? checkout.data.success_url : checkout.data.cancel_url}>
            Go back to Lectern
          </a>
        </Alert>
      ) : (
        <Card aria-labelledby="test-checkout-title">
          <CardHeader>
            <p className="text-sm text-muted-foreground">Paying Lectern as {checkout.data.customer_email}</p>
            <CardTitle id="test-checkout-title">{checkout.data.description}</CardTitle>
            <p className="font-display text-3xl font-semibold tracking-tight">
              {formatPrice(checkout.data.amount_total, checkout.data.currency) === "Free" ? "Nothing today" : formatPrice(checkout.data.amount_total, checkout.data.currency)}
              {checkout.data.interval && <span className="text-base font-normal text-muted-foreground"> today</span>}
            </p>
            {checkout.data.interval && (
              <p className="text-sm text-muted-foreground">
                {checkout.data.trial_days > 0 ? `Free for ${checkout.data.trial_days} days, then ` : "Then "}
                {formatPrice(checkout.data.later_amount ?? checkout.data.amount_total, checkout.data.currency)} / {perInterval(checkout.data.interval)} until you cancel.
              </p>
            )}
          </CardHeader>
          <CardContent>
            <form
              id="test-pay-form"
              className="grid gap-3"
              onSubmit={(event) => {
                event.preventDefault();
                pay.mutate(card, { onSuccess: (done) => window.location.assign(done.redirect_url) });
              }}
            >
              <fieldset className="grid gap-2">
                <legend className="mb-1 text-sm font-medium">Test card</legend>
                {TEST_CARDS.map((option) => (
                  <label key={option.number} className="flex cursor-pointer items-center gap-3 rounded-md border border-border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent/40">
                    <input type="radio" name="card" value={option.number} checked={card === option.number} onChange={() => setCard(option.number)} className="accent-primary" />
                    <span className="font-mono tabular-nums">{option.number}</span>
                    <span className="text-muted-foreground">{option.label}</span>
                  </label>
                ))}
              </fieldset>
              <label htmlFor={cardId} className="text-sm font-medium">
                Card number
              </label>
              <Input id={cardId} inputMode="numeric" autoComplete="off" value={card} onChange={(event) => setCard(event.target.value)} className="font-mono" />
              {pay.isError && (
                <p role="alert" className="text-sm text-destructive">
                  {describeError(pay.error)}
                </p>
              )}
            </form>
          </CardContent>
          <CardFooter className="justify-between">
            <Button
              variant="ghost"
              pending={abandon.isPending}
              onClick={() => abandon.mutate(undefined, { onSuccess: (done) => window.location.assign(done.redirect_url) })}
            >
              Cancel and go back
            </Button>
            <Button type="submit" form="test-pay-form" size="lg" pending={pay.isPending} disabled={abandon.isPending}>
              <Lock aria-hidden /> {checkout.data.interval ? "Subscribe" : "Pay"} (test)
            </Button>
          </CardFooter>
        </Card>
      )}
    </div>
  );
}
