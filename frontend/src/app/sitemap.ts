import type { MetadataRoute } from "next";
import { apiInternalUrl } from "@/lib/api/internal-url";
import type { components } from "@/lib/api/schema";
import { publicSiteUrl } from "@/lib/catalog/public-url";

type SitemapEntry = components["schemas"]["SitemapEntry"];

// Built per request (the catalog changes; the API caches the list), never at build time.
export const dynamic = "force-dynamic";

/** The public pages and every published course, for search engines. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = publicSiteUrl();
  const response = await fetch(`${apiInternalUrl()}/api/catalog/sitemap`, { cache: "no-store" });
  const courses: SitemapEntry[] = response.ok ? await response.json() : [];
  return [
    { url: `${site}/`, changeFrequency: "weekly", priority: 1 },
    { url: `${site}/courses`, changeFrequency: "daily", priority: 0.9 },
    ...courses.map((course) => ({
      url: `${site}/courses/${course.slug}`,
      lastModified: new Date(course.updated_at),
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
  ];
}
