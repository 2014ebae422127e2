import type { Metadata } from "next";
import { PricingPlans } from "@/components/payments/pricing-plans";
import { absoluteUrl } from "@/lib/catalog/public-url";

export const metadata: Metadata = {
  title: "Plans and pricing",
  description: "Subscribe to open every course on Lectern, monthly or yearly, or buy courses one by one.",
  alternates: { canonical: absoluteUrl("/pricing") },
};

export default async function PricingPage({ searchParams }: PageProps<"/pricing">) {
  const cancelled = (await searchParams).checkout === "cancelled";
  return (
    <div className="mx-auto grid max-w-4xl gap-8 px-4 py-10 sm:px-6 sm:py-14">
      <div className="grid gap-2 text-center">
        <h1 className="font-display text-4xl font-semibold tracking-tight">Every course, one subscription</h1>
        <p className="text-muted-foreground">Learn as much as you like. Cancel any time and keep access to the end of the period you paid for.</p>
      </div>
      <PricingPlans cancelled={cancelled} />
    </div>
  );
}
