import type { Metadata } from "next";
import { SubmissionGrader } from "@/components/studio/assessments/submission-grader";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Grade a submission · Studio" };

export default async function SubmissionPage({ params }: PageProps<"/studio/courses/[courseId]/submissions/[submissionId]">) {
  const { courseId, submissionId } = await params;
  await requireUser(`/studio/courses/${encodeURIComponent(courseId)}/submissions/${encodeURIComponent(submissionId)}`);
  return (
    <div className="mx-auto max-w-5xl px-4 py-6 sm:px-6 sm:py-10">
      <SubmissionGrader courseId={courseId} submissionId={submissionId} />
    </div>
  );
}
