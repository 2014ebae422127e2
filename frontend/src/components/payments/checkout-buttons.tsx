"use client";

import { CreditCard, Wallet } from "lucide-react";
import { Button } from "@/components/ui/button";
import { usePaymentsConfig, useStartCheckout } from "@/hooks/queries/payments";
import { describeError } from "@/lib/api/errors";
import type { CheckoutRequest, PaymentProvider } from "@/lib/api/models";
import { LoadingBlock } from "./loading-block";
import { TestModeNote } from "./test-mode-note";

type CheckoutButtonsProps = {
  purchase: Omit<CheckoutRequest, "provider">;
  label: string;
};

/** One button per payment provider on offer; each sends the buyer to that provider's page. The
 * price is never sent: the server prices the purchase again. */
export function CheckoutButtons({ purchase, label }: CheckoutButtonsProps) {
  const config = usePaymentsConfig();
  const start = useStartCheckout();
  if (config.isPending) return <LoadingBlock className="h-12 w-full" label="Loading the ways to pay…" />;
  const providers = config.data?.providers ?? [];
  if (providers.length === 0) {
    return <p className="text-sm text-muted-foreground">Payments are not set up on this site yet.</p>;
  }
  const go = (provider: PaymentProvider) =>
    start.mutate({ ...purchase, provider }, { onSuccess: (started) => window.location.assign(started.checkout_url) });
  const testMode = providers.some((p) => p.test_mode);
  return (
    <div className="grid gap-2">
      {providers.map((provider, index) => (
        <Button
          key={provider.id}
          size="lg"
          variant={index === 0 ? "primary" : "secondary"}
          className="w-full"
          pending={start.isPending && start.variables?.provider === provider.id}
          disabled={start.isPending}
          onClick={() => go(provider.id)}
        >
          {provider.id === "paypal" ? <Wallet aria-hidden /> : <CreditCard aria-hidden />}
          {providers.length > 1 ? `${label} · ${provider.label}` : label}
        </Button>
      ))}
      {start.isError && (
        <p role="alert" className="text-sm text-destructive">
          {describeError(start.error)}
        </p>
      )}
      {testMode && <TestModeNote className="justify-self-start" />}
    </div>
  );
}
