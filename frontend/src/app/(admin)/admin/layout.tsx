import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { getCurrentUser } from "@/lib/api/server";

/** Every admin page under one section bar. Each page still checks the role itself: a layout isn't re-run on navigation. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const me = await getCurrentUser();
  return (
    <>
      {me?.roles.includes("admin") && <AdminNav />}
      {children}
    </>
  );
}
