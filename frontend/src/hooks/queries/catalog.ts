"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { CatalogPage, Language, Topic } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { CATALOG_PAGE_SIZE, type CatalogFilters, catalogQuery, filtersKey } from "@/lib/catalog/catalog-filters";
import { queryKeys } from "./keys";

/** The first page the server already fetched for one set of filters, to start from without a round trip. */
export type ServerCatalogPage = { key: string; page: CatalogPage; fetchedAt: number };

/** Courses matching the filters, a page at a time (keyset cursors, no totals). */
export function useCatalogCourses(filters: CatalogFilters, serverPage: ServerCatalogPage | null) {
  const params = filtersKey(filters);
  const fromServer = serverPage && serverPage.key === JSON.stringify(params) ? serverPage : null;
  return useInfiniteQuery({
    queryKey: queryKeys.catalog.list(params),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/api/catalog/courses", {
          params: { query: { ...catalogQuery(filters), cursor: pageParam ?? undefined, limit: CATALOG_PAGE_SIZE } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.next_cursor,
    initialData: fromServer ? { pages: [fromServer.page], pageParams: [null] } : undefined,
    initialDataUpdatedAt: fromServer?.fetchedAt,
    // While new filters load, the last results stay on screen (dimmed) instead of a blank grid.
    placeholderData: keepPreviousData,
  });
}

/** Every topic, parents before their children, with published-course counts. */
export function useCatalogTopics(initialData?: Topic[]) {
  return useQuery({
    queryKey: queryKeys.catalog.topics,
    queryFn: () => unwrap(api.GET("/api/catalog/topics")),
    initialData,
    staleTime: 5 * 60_000,
  });
}

/** The languages courses are taught in, those with published courses first. */
export function useCatalogLanguages(initialData?: Language[]) {
  return useQuery({
    queryKey: queryKeys.catalog.languages,
    queryFn: () => unwrap(api.GET("/api/catalog/languages")),
    initialData,
    staleTime: 5 * 60_000,
  });
}
