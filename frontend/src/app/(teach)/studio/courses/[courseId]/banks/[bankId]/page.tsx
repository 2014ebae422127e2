import type { Metadata } from "next";
import { BankView } from "@/components/studio/assessments/bank-view";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Question bank · Studio" };

export default async function BankPage({ params }: PageProps<"/studio/courses/[courseId]/banks/[bankId]">) {
  const { courseId, bankId } = await params;
  await requireUser(`/studio/courses/${encodeURIComponent(courseId)}/banks/${encodeURIComponent(bankId)}`);
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 sm:px-6 sm:py-10">
      <BankView courseId={courseId} bankId={bankId} />
    </div>
  );
}
