import type { MetadataRoute } from "next";
import { publicSiteUrl } from "@/lib/catalog/public-url";

export const dynamic = "force-dynamic";

/** Crawlers may read the catalog and course pages; accounts, the studio and admin are private. */
export default function robots(): MetadataRoute.Robots {
  const site = publicSiteUrl();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/account", "/studio", "/admin"] },
    sitemap: `${site}/sitemap.xml`,
  };
}
