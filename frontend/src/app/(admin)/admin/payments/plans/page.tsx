import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminPlans } from "@/components/admin/payments/admin-plans";
import { PaymentsTabs } from "@/components/admin/payments/payments-tabs";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Plans · Payments · Admin" };

export default async function AdminPlansPage() {
  const me = await requireUser("/admin/payments/plans");
  if (!me.roles.includes("admin")) forbidden();
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-3">
        <h1 className="font-display text-3xl font-semibold tracking-tight">Payments</h1>
        <PaymentsTabs />
        <p className="text-muted-foreground">Subscription plans on sale, monthly or yearly, with an optional free trial.</p>
      </div>
      <AdminPlans />
    </div>
  );
}
