import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminCoupons } from "@/components/admin/payments/admin-coupons";
import { PaymentsTabs } from "@/components/admin/payments/payments-tabs";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Coupons · Payments · Admin" };

export default async function AdminCouponsPage() {
  const me = await requireUser("/admin/payments/coupons");
  if (!me.roles.includes("admin")) forbidden();
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-3">
        <h1 className="font-display text-3xl font-semibold tracking-tight">Payments</h1>
        <PaymentsTabs />
        <p className="text-muted-foreground">Discount codes for courses and plans, with dates and limits.</p>
      </div>
      <AdminCoupons />
    </div>
  );
}
