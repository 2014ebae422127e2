import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { TopicsPanel } from "@/components/admin/topics/topics-panel";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Topics · Admin" };

export default async function AdminTopicsPage() {
  const me = await requireUser("/admin/topics");
  if (!me.roles.includes("admin")) forbidden();
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-1">
        <h1 className="font-display text-3xl font-semibold tracking-tight">Topics</h1>
        <p className="text-muted-foreground">The categories instructors file their courses under and students browse by.</p>
      </div>
      <TopicsPanel />
    </div>
  );
}
