import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminCourseDetail } from "@/components/admin/moderation/admin-course-detail";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Course · Admin" };

export default async function AdminCoursePage({ params }: PageProps<"/admin/courses/[courseId]">) {
  const { courseId } = await params;
  const me = await requireUser(`/admin/courses/${courseId}`);
  if (!me.roles.includes("admin")) forbidden();
  return <AdminCourseDetail courseId={courseId} />;
}
