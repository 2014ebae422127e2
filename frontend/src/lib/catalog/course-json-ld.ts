import type { CourseLanding } from "@/lib/api/models";
import { isoDuration, LEVEL_LABELS } from "@/lib/format/course";
import { absoluteUrl } from "./public-url";

/** A price in major units as schema.org wants it ("49.99"), from minor units. */
export function decimalPrice(amount: number, currency: string): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (amount / 10 ** digits).toFixed(digits);
}

/**
 * schema.org Course data for search engines (https://schema.org/Course, and Google's "Course info"
 * rich result: provider, offers and a CourseInstance describing how it runs).
 */
export function courseJsonLd(course: CourseLanding, siteUrl: string): Record<string, unknown> {
  const url = absoluteUrl(`/courses/${course.slug}`, siteUrl);
  const people = course.instructors.map((person) => ({
    "@type": "Person",
    name: person.display_name,
    ...(person.bio ? { description: person.bio } : {}),
    ...(person.avatar_url ? { image: absoluteUrl(person.avatar_url, siteUrl) } : {}),
  }));
  const price = course.price_amount ?? 0;
  const workload = isoDuration(course.duration_seconds);
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    "@id": url,
    url,
    name: course.title,
    description: course.subtitle || course.title,
    ...(course.cover_url ? { image: absoluteUrl(course.cover_url, siteUrl) } : {}),
    provider: { "@type": "Organization", name: "Lectern", url: siteUrl },
    author: people,
    inLanguage: course.language,
    educationalLevel: LEVEL_LABELS[course.level],
    timeRequired: workload,
    ...(course.topics.length ? { about: course.topics.map((topic) => topic.name) } : {}),
    ...(course.tags.length ? { keywords: course.tags.join(", ") } : {}),
    ...(course.outcomes.length ? { teaches: course.outcomes } : {}),
    ...(course.requirements.length ? { coursePrerequisites: course.requirements } : {}),
    ...(course.published_at ? { datePublished: course.published_at } : {}),
    dateModified: course.updated_at,
    isAccessibleForFree: price === 0,
    offers: {
      "@type": "Offer",
      category: price === 0 ? "Free" : "Paid",
      price: price === 0 ? "0" : decimalPrice(price, course.currency),
      priceCurrency: course.currency,
      url,
    },
    // Every Lectern course is self-paced and online.
    hasCourseInstance: {
      "@type": "CourseInstance",
      courseMode: "Online",
      courseWorkload: workload,
      instructor: people,
    },
    ...(course.rating_count > 0 && course.rating_average !== null
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: course.rating_average,
            ratingCount: course.rating_count,
            bestRating: 5,
          },
        }
      : {}),
  };
}

/**
 * JSON for a <script type="application/ld+json">. The text goes into HTML unparsed, so "<" (and with
 * it any "</script>" inside a title) is written as \u003c, which JSON reads back as the same character.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
