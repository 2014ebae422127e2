import { redirect } from "next/navigation";

/** The admin area has one section so far. */
export default function AdminIndexPage() {
  redirect("/admin/users");
}
