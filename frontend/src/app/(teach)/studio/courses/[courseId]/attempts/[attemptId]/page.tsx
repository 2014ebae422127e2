import type { Metadata } from "next";
import { AttemptGrader } from "@/components/studio/assessments/attempt-grader";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Review an attempt · Studio" };

export default async function AttemptPage({ params }: PageProps<"/studio/courses/[courseId]/attempts/[attemptId]">) {
  const { courseId, attemptId } = await params;
  await requireUser(`/studio/courses/${encodeURIComponent(courseId)}/attempts/${encodeURIComponent(attemptId)}`);
  return (
    <div className="mx-auto max-w-5xl px-4 py-6 sm:px-6 sm:py-10">
      <AttemptGrader courseId={courseId} attemptId={attemptId} />
    </div>
  );
}
