import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ReviewQueue } from "@/components/admin/moderation/review-queue";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Review queue · Admin" };

export default async function AdminReviewsPage() {
  const me = await requireUser("/admin/reviews");
  if (!me.roles.includes("admin")) forbidden();
  return <ReviewQueue />;
}
