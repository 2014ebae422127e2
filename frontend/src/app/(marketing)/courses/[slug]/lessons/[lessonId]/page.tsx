import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonLockedView } from "@/components/catalog/lesson-locked-view";
import { LessonPreviewView } from "@/components/catalog/lesson-preview-view";
import { getCurrentUser } from "@/lib/api/server";
import { plainExcerpt } from "@/lib/catalog/plain-excerpt";
import { absoluteUrl } from "@/lib/catalog/public-url";
import { fetchCourseLanding, fetchLesson } from "@/lib/catalog/server";

type LessonPageProps = PageProps<"/courses/[slug]/lessons/[lessonId]">;

export async function generateMetadata({ params }: LessonPageProps): Promise<Metadata> {
  const { slug, lessonId } = await params;
  const found = await fetchLesson(slug, lessonId);
  if (found.outcome === "missing") return { title: "Lesson not found", robots: { index: false } };
  if (found.outcome === "locked") return { title: "Lesson for enrolled students", robots: { index: false } };
  const { lesson } = found;
  const url = absoluteUrl(`/courses/${lesson.course_slug}/lessons/${lesson.id}`);
  const description = plainExcerpt(lesson.body) || `A free preview lesson from ${lesson.course_title} on Lectern.`;
  return {
    title: `${lesson.title} · ${lesson.course_title}`,
    description,
    alternates: { canonical: url },
    // Only free previews are for everyone; an instructor opening a locked lesson should not publish it.
    robots: lesson.is_preview ? undefined : { index: false },
    openGraph: { type: "article", siteName: "Lectern", url, title: lesson.title, description },
  };
}

export default async function LessonPage({ params }: LessonPageProps) {
  const { slug, lessonId } = await params;
  // The lesson is fetched with the viewer's cookies (the team and enrolled students open every
  // lesson). The landing lists the course's lessons; a draft (seen by its team) has none, which is fine.
  const [found, course, me] = await Promise.all([fetchLesson(slug, lessonId), fetchCourseLanding(slug), getCurrentUser()]);
  if (found.outcome === "missing") notFound();
  if (found.outcome === "locked") return <LessonLockedView slug={slug} lessonId={lessonId} course={course} signedIn={me !== null} />;
  return <LessonPreviewView lesson={found.lesson} course={course} signedIn={me !== null} timeZone={me?.timezone ?? "UTC"} />;
}
