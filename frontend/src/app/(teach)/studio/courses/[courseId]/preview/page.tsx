import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CourseLandingView } from "@/components/catalog/course-landing-view";
import { PreviewBanner } from "@/components/studio/preview-banner";
import { getStudioPreview, requireUser } from "@/lib/api/server";

type PreviewProps = { params: Promise<{ courseId: string }> };

// Metadata and page share one API call per request.
const loadPreview = cache(getStudioPreview);

export async function generateMetadata({ params }: PreviewProps): Promise<Metadata> {
  const { courseId } = await params;
  const course = await loadPreview(courseId).catch(() => null);
  return { title: course ? `Preview: ${course.title} · Studio` : "Preview · Studio", robots: { index: false } };
}

export default async function CoursePreviewPage({ params }: PreviewProps) {
  const { courseId } = await params;
  await requireUser(`/studio/courses/${courseId}/preview`);
  const course = await loadPreview(courseId);
  if (!course) notFound();
  return (
    <>
      <PreviewBanner courseId={courseId} status={course.status} />
      <CourseLandingView course={course} mode="preview" />
    </>
  );
}
