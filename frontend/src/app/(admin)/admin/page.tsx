import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminOverview } from "@/components/admin/moderation/admin-overview";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Admin" };

/** Where the admin area starts: each section and whether it needs attention. */
export default async function AdminIndexPage() {
  const me = await requireUser("/admin");
  if (!me.roles.includes("admin")) forbidden();
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-1">
        <h1 className="font-display text-3xl font-semibold tracking-tight">Admin</h1>
        <p className="text-muted-foreground">What needs your attention across Lectern.</p>
      </div>
      <AdminOverview />
    </div>
  );
}
