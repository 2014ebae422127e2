import type { Metadata } from "next";
import { CourseEditor } from "@/components/studio/course-editor";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Course editor · Studio" };

export default async function CourseEditorPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const me = await requireUser(`/studio/courses/${courseId}`);
  return <CourseEditor courseId={courseId} viewerId={me.id} />;
}
