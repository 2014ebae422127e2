"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type ServerCatalogPage, useCatalogCourses, useCatalogLanguages, useCatalogTopics } from "@/hooks/queries/catalog";
import type { Language, Topic } from "@/lib/api/models";
import {
  activeFilterCount,
  type CatalogFilters,
  catalogHref,
  effectiveSort,
  filterChips,
  filtersFromSearchParams,
  SORT_LABELS,
  sortOptions,
  withoutFilters,
} from "@/lib/catalog/catalog-filters";
import { languageName } from "@/lib/catalog/language-name";
import { CatalogActiveFilters } from "./catalog-active-filters";
import { CatalogFilterPanel } from "./catalog-filter-panel";
import { CatalogFilterSheet } from "./catalog-filter-sheet";
import { CatalogResults, describeResults } from "./catalog-results";
import { CatalogSearchForm } from "./catalog-search-form";

type CatalogBrowserProps = {
  serverPage: ServerCatalogPage | null;
  initialTopics: Topic[] | null;
  initialLanguages: Language[] | null;
};

/** The catalog: search, filters and results, with every choice kept in the URL. */
export function CatalogBrowser({ serverPage, initialTopics, initialLanguages }: CatalogBrowserProps) {
  const searchParams = useSearchParams();
  const fromUrl = useMemo(() => filtersFromSearchParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  // The router reports the new URL a moment after pushState; until then the controls show the
  // choice just made, so a ticked box stays ticked. Any URL change (the back button too) wins.
  const [chosen, setChosen] = useState<CatalogFilters | null>(null);
  const [seenParams, setSeenParams] = useState(searchParams);
  if (seenParams !== searchParams) {
    setSeenParams(searchParams);
    setChosen(null);
  }
  const filters = chosen ?? fromUrl;
  const courses = useCatalogCourses(filters, serverPage);
  const topics = useCatalogTopics(initialTopics ?? undefined);
  const languages = useCatalogLanguages(initialLanguages ?? undefined);

  // The page itself never changes, only its query: history entries without a server round trip,
  // which Next's router picks up in useSearchParams (and the back button restores).
  const navigate = useCallback((next: CatalogFilters) => {
    const href = catalogHref(next);
    if (href === `${window.location.pathname}${window.location.search}`) return;
    setChosen(next);
    window.history.pushState(null, "", href);
  }, []);
  const clearFilters = useCallback(() => navigate(withoutFilters(filters)), [navigate, filters]);

  const topicName = (slug: string) => topics.data?.find((topic) => topic.slug === slug)?.name;
  const chips = filterChips(filters, {
    topic: topicName,
    language: (code) => languages.data?.find((language) => language.code === code)?.name ?? languageName(code),
  });
  const heading = filters.q
    ? `Results for “${filters.q}”`
    : filters.topic
      ? (topicName(filters.topic) ?? "Courses")
      : activeFilterCount(filters) > 0
        ? "Courses"
        : "All courses";

  useEffect(() => {
    document.title = `${heading} · Lectern`;
  }, [heading]);

  const panel = <CatalogFilterPanel filters={filters} onChange={navigate} topics={topics.data} languages={languages.data} />;
  const sort = effectiveSort(filters);

  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 sm:py-10">
      <header className="grid gap-4">
        <div className="grid gap-1">
          <p className="text-sm font-medium text-primary">Course catalog</p>
          <h1 className="font-display text-3xl font-semibold tracking-tight text-balance sm:text-4xl">{heading}</h1>
        </div>
        <CatalogSearchForm key={filters.q} filters={filters} onSearch={(q) => navigate({ ...filters, q: q.split(/\s+/).filter(Boolean).join(" ") })} />
      </header>

      <div className="grid gap-8 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-10">
        <aside aria-labelledby="catalog-filters-title" className="hidden lg:block">
          <div className="mb-4 flex items-center justify-between">
            <h2 id="catalog-filters-title" className="font-semibold">
              Filters
            </h2>
            {activeFilterCount(filters) > 0 && (
              <Button variant="link" size="sm" onClick={clearFilters}>
                Clear all
              </Button>
            )}
          </div>
          {panel}
        </aside>

        <section aria-labelledby="catalog-results-title" className="grid content-start gap-4">
          <h2 id="catalog-results-title" className="sr-only">
            Courses
          </h2>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <CatalogFilterSheet activeCount={activeFilterCount(filters)} onClearAll={clearFilters}>
              {panel}
            </CatalogFilterSheet>
            <p role="status" className="order-last basis-full text-sm text-muted-foreground sm:order-none sm:basis-auto">
              {describeResults(courses)}
            </p>
            <div className="ml-auto flex items-center gap-2">
              <Label htmlFor="catalog-sort" className="sr-only text-sm whitespace-nowrap text-muted-foreground sm:not-sr-only">
                Sort by
              </Label>
              <NativeSelect
                id="catalog-sort"
                className="w-44 sm:w-auto"
                value={sort}
                onChange={(event) => {
                  const chosen = event.target.value as CatalogFilters["sort"];
                  // Without words "newest" is already the default order; keep the URL clean.
                  navigate({ ...filters, sort: !filters.q && chosen === "newest" ? "relevance" : chosen });
                }}
              >
                {sortOptions(filters).map((option) => (
                  <option key={option} value={option}>
                    {SORT_LABELS[option]}
                  </option>
                ))}
              </NativeSelect>
            </div>
          </div>
          <CatalogActiveFilters chips={chips} onChange={navigate} onClearAll={clearFilters} />
          <CatalogResults courses={courses} filters={filters} onClearFilters={clearFilters} onChange={navigate} />
        </section>
      </div>
    </div>
  );
}
