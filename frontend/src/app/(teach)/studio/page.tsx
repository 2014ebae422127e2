import type { Metadata } from "next";
import { NotInstructor } from "@/components/studio/not-instructor";
import { StudioCourseList } from "@/components/studio/studio-course-list";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Your courses · Studio" };

export default async function StudioPage() {
  const me = await requireUser("/studio");
  if (!me.roles.includes("instructor") && !me.roles.includes("admin")) return <NotInstructor />;
  return <StudioCourseList viewerId={me.id} />;
}
