import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminSubscriptions } from "@/components/admin/payments/admin-subscriptions";
import { PaymentsTabs } from "@/components/admin/payments/payments-tabs";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Subscriptions · Payments · Admin" };

export default async function AdminSubscriptionsPage() {
  const me = await requireUser("/admin/payments/subscriptions");
  if (!me.roles.includes("admin")) forbidden();
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-3">
        <h1 className="font-display text-3xl font-semibold tracking-tight">Payments</h1>
        <PaymentsTabs />
        <p className="text-muted-foreground">Who subscribes, to which plan, and where each subscription stands.</p>
      </div>
      <AdminSubscriptions />
    </div>
  );
}
