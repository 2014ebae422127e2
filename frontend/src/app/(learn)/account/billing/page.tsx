import type { Metadata } from "next";
import { PurchaseHistory } from "@/components/payments/purchase-history";
import { SubscriptionCard } from "@/components/payments/subscription-card";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage() {
  await requireUser("/account/billing");
  return (
    <>
      <SubscriptionCard />
      <PurchaseHistory />
    </>
  );
}
