import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CourseLandingView } from "@/components/catalog/course-landing-view";
import { courseJsonLd, jsonForScript } from "@/lib/catalog/course-json-ld";
import { plainExcerpt } from "@/lib/catalog/plain-excerpt";
import { absoluteUrl, publicSiteUrl } from "@/lib/catalog/public-url";
import { fetchCourseLanding } from "@/lib/catalog/server";

export async function generateMetadata({ params }: PageProps<"/courses/[slug]">): Promise<Metadata> {
  const course = await fetchCourseLanding((await params).slug);
  if (!course) return { title: "Course not found", robots: { index: false } };
  const site = publicSiteUrl();
  const url = absoluteUrl(`/courses/${course.slug}`, site);
  const description = course.subtitle || plainExcerpt(course.description) || `A course on Lectern by ${course.instructors[0]?.display_name ?? "its instructors"}.`;
  const image = course.cover_url ? { url: absoluteUrl(course.cover_url, site), width: 1280, height: 720, alt: course.title } : null;
  return {
    title: course.title,
    description,
    alternates: { canonical: url },
    // An unlisted course is for people who have the link, not for search results.
    robots: course.status === "unlisted" ? { index: false, follow: false } : undefined,
    openGraph: {
      type: "website",
      siteName: "Lectern",
      url,
      title: course.title,
      description,
      images: image ? [image] : undefined,
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: course.title,
      description,
      images: image ? [image.url] : undefined,
    },
  };
}

export default async function CoursePage({ params }: PageProps<"/courses/[slug]">) {
  const course = await fetchCourseLanding((await params).slug);
  if (!course) notFound();
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(courseJsonLd(course, publicSiteUrl())) }} />
      <CourseLandingView course={course} mode="public" />
    </>
  );
}
