import type { Metadata } from "next";
import { QuizBuilder } from "@/components/studio/assessments/quiz-builder";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Quiz builder · Studio" };

export default async function QuizBuilderPage({ params }: PageProps<"/studio/courses/[courseId]/quizzes/[lessonId]">) {
  const { courseId, lessonId } = await params;
  await requireUser(`/studio/courses/${encodeURIComponent(courseId)}/quizzes/${encodeURIComponent(lessonId)}`);
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 sm:px-6 sm:py-10">
      <QuizBuilder lessonId={lessonId} />
    </div>
  );
}
