import type { Metadata } from "next";
import { CheckoutComplete } from "@/components/payments/checkout-complete";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Payment", robots: { index: false } };

function one(value: string | string[] | undefined): string | null {
  return typeof value === "string" && value ? value : null;
}

export default async function CheckoutCompletePage({ searchParams }: PageProps<"/checkout/complete">) {
  const query = await searchParams;
  const orderId = one(query.order);
  const subscriptionId = one(query.subscription);
  const back = orderId ? `order=${orderId}` : `subscription=${subscriptionId ?? ""}`;
  await requireUser(`/checkout/complete?${back}`);
  return <CheckoutComplete orderId={orderId} subscriptionId={orderId ? null : subscriptionId} />;
}
