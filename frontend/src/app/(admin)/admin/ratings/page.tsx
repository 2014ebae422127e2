import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ReviewModeration } from "@/components/reviews/review-moderation";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Ratings · Admin" };

export default async function AdminRatingsPage() {
  const me = await requireUser("/admin/ratings");
  if (!me.roles.includes("admin")) forbidden();
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-1">
        <h1 className="font-display text-3xl font-semibold tracking-tight">Ratings and reviews</h1>
        <p className="text-muted-foreground">
          What students say about courses. Hide a review that breaks the rules: only its author still sees it, and it leaves the course&apos;s
          average.
        </p>
      </div>
      <ReviewModeration />
    </div>
  );
}
