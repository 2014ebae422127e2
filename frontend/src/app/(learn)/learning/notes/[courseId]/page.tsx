import type { Metadata } from "next";
import { CourseNotesView } from "@/components/notes/course-notes-view";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "My notes", robots: { index: false } };

/** A student's notes in one course: search, edit, delete, export as Markdown. */
export default async function CourseNotesPage({ params }: PageProps<"/learning/notes/[courseId]">) {
  const { courseId } = await params;
  await requireUser(`/learning/notes/${encodeURIComponent(courseId)}`);
  return <CourseNotesView courseId={courseId} />;
}
