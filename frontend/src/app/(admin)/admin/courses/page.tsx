import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminCoursesPanel } from "@/components/admin/moderation/admin-courses-panel";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Courses · Admin" };

export default async function AdminCoursesPage() {
  const me = await requireUser("/admin/courses");
  if (!me.roles.includes("admin")) forbidden();
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-1">
        <h1 className="font-display text-3xl font-semibold tracking-tight">Courses</h1>
        <p className="text-muted-foreground">Every course on Lectern, whatever its status. A live course that breaks the rules can be unpublished, with a reason its team will read.</p>
      </div>
      <AdminCoursesPanel />
    </div>
  );
}
