import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AuditLog } from "@/components/admin/audit/audit-log";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Audit log · Admin" };

export default async function AdminAuditPage() {
  const me = await requireUser("/admin/audit");
  if (!me.roles.includes("admin")) forbidden();
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-1">
        <h1 className="font-display text-3xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-muted-foreground">Who did what, when and why: every submission, review decision and change to the topic tree.</p>
      </div>
      <AuditLog />
    </div>
  );
}
