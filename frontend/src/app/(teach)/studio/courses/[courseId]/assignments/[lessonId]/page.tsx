import type { Metadata } from "next";
import { AssignmentBuilder } from "@/components/studio/assessments/assignment-builder";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Assignment · Studio" };

export default async function AssignmentBuilderPage({ params }: PageProps<"/studio/courses/[courseId]/assignments/[lessonId]">) {
  const { courseId, lessonId } = await params;
  await requireUser(`/studio/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(lessonId)}`);
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 sm:px-6 sm:py-10">
      <AssignmentBuilder lessonId={lessonId} />
    </div>
  );
}
