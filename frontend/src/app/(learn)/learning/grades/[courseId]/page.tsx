import type { Metadata } from "next";
import { CourseGradesView } from "@/components/assessments/course-grades-view";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "My grades", robots: { index: false } };

/** A student's own grades in one course, quiz by quiz and assignment by assignment. */
export default async function CourseGradesPage({ params }: PageProps<"/learning/grades/[courseId]">) {
  const { courseId } = await params;
  const me = await requireUser(`/learning/grades/${encodeURIComponent(courseId)}`);
  return <CourseGradesView courseId={courseId} timeZone={me.timezone} />;
}
