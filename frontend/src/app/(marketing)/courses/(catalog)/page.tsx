import type { Metadata } from "next";
import { Suspense } from "react";
import { CatalogBrowser } from "@/components/catalog/catalog-browser";
import { activeFilterCount, CATALOG_PAGE_SIZE, filtersFromSearchParams, filtersKey } from "@/lib/catalog/catalog-filters";
import { absoluteUrl } from "@/lib/catalog/public-url";
import { fetchCatalogPage, fetchLanguages, fetchTopics } from "@/lib/catalog/server";
import CoursesLoading from "./loading";

export async function generateMetadata({ searchParams }: PageProps<"/courses">): Promise<Metadata> {
  const filters = filtersFromSearchParams(await searchParams);
  const narrowed = Boolean(filters.q) || activeFilterCount(filters) > 0;
  return {
    title: filters.q ? `Results for “${filters.q}”` : "All courses",
    description: "Browse video courses on Lectern: search by skill or tool and filter by topic, level, language, price and length.",
    alternates: { canonical: absoluteUrl("/courses") },
    // Endless filter combinations are for visitors; search engines get the one catalog page.
    robots: narrowed ? { index: false, follow: true } : undefined,
  };
}

export default async function CoursesPage({ searchParams }: PageProps<"/courses">) {
  const filters = filtersFromSearchParams(await searchParams);
  const [page, topics, languages] = await Promise.all([fetchCatalogPage(filters, CATALOG_PAGE_SIZE), fetchTopics(), fetchLanguages()]);
  return (
    // The browser reads the URL with useSearchParams, which wants a boundary above it.
    <Suspense fallback={<CoursesLoading />}>
      <CatalogBrowser
        serverPage={page ? { key: JSON.stringify(filtersKey(filters)), page, fetchedAt: Date.now() } : null}
        initialTopics={topics}
        initialLanguages={languages}
      />
    </Suspense>
  );
}
