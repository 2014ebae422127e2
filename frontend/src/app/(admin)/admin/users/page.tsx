import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ApplicationsPanel } from "@/components/admin/applications-panel";
import { UsersPanel } from "@/components/admin/users-panel";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Users · Admin" };

export default async function AdminUsersPage() {
  const me = await requireUser("/admin/users");
  if (!me.roles.includes("admin")) forbidden();
  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-1">
        <h1 className="font-display text-3xl font-semibold tracking-tight">People</h1>
        <p className="text-muted-foreground">Review instructor applications and manage who holds which role.</p>
      </div>
      <ApplicationsPanel />
      <UsersPanel currentUserId={me.id} />
    </div>
  );
}
