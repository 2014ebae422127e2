import type { Metadata } from "next";
import { TestCheckoutPage } from "@/components/payments/test-checkout-page";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Test checkout — no real money", robots: { index: false } };

export default async function TestCheckout({ params }: PageProps<"/checkout/test/[checkoutId]">) {
  const { checkoutId } = await params;
  await requireUser(`/checkout/test/${checkoutId}`);
  return <TestCheckoutPage checkoutId={checkoutId} />;
}
