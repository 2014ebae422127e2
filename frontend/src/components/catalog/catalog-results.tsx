"use client";

import { useQueryClient, type UseInfiniteQueryResult, type InfiniteData } from "@tanstack/react-query";
import { BookOpen, FolderX, SearchX } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { isApiError } from "@/lib/api/errors";
import type { CatalogPage } from "@/lib/api/models";
import { queryKeys } from "@/hooks/queries/keys";
import { activeFilterCount, type CatalogFilters, filtersKey } from "@/lib/catalog/catalog-filters";
import { cn } from "@/lib/class-names";
import { CourseCard, CourseCardSkeleton } from "./course-card";

type CatalogQuery = UseInfiniteQueryResult<InfiniteData<CatalogPage>>;

/** One sentence on the listing's state, for the live region screen readers hear after each change. */
export function describeResults(courses: CatalogQuery): string {
  if (courses.isPending) return "Loading courses…";
  if (courses.isError && !courses.isFetchNextPageError) {
    return isApiError(courses.error, "unknown_topic") ? "That topic doesn't exist any more." : "The courses couldn't be loaded.";
  }
  const count = courses.data?.pages.reduce((total, page) => total + page.items.length, 0) ?? 0;
  if (courses.isPlaceholderData || (courses.isFetching && !courses.isFetchingNextPage)) return "Updating results…";
  if (courses.isFetchingNextPage) return "Loading more courses…";
  if (count === 0) return "No courses found.";
  if (courses.hasNextPage) return `Showing the first ${count} courses.`;
  return count === 1 ? "Showing 1 course." : `Showing all ${count} courses.`;
}

type ResultsProps = {
  courses: CatalogQuery;
  filters: CatalogFilters;
  onClearFilters: () => void;
  onChange: (filters: CatalogFilters) => void;
};

export function CourseGridSkeleton({ count = 6 }: { count?: number }) {
  return (
    <ul className="grid gap-5 sm:grid-cols-2 xl:grid-cols-3" aria-hidden>
      {Array.from({ length: count }, (_, index) => (
        <li key={index}>
          <CourseCardSkeleton />
        </li>
      ))}
    </ul>
  );
}

/** The listing in every state: loading, failed, empty, found, and a page more on request. */
export function CatalogResults({ courses, filters, onClearFilters, onChange }: ResultsProps) {
  const queryClient = useQueryClient();
  const items = courses.data?.pages.flatMap((page) => page.items) ?? [];
  const corrected = courses.data?.pages[0]?.corrected_query ?? null;
  const filtered = activeFilterCount(filters) > 0;

  if (courses.isPending) {
    return (
      <CourseGridSkeleton />
    );
  }

  if (courses.isError && !courses.isFetchNextPageError) {
    if (isApiError(courses.error, "unknown_topic")) {
      return (
        <EmptyState icon={FolderX} title="That topic doesn't exist any more">
          <p>It may have been renamed or merged into another one.</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => onChange({ ...filters, topic: null })}>
            Show every topic
          </Button>
        </EmptyState>
      );
    }
    return <QueryError error={courses.error} onRetry={() => void courses.refetch()} />;
  }

  if (items.length === 0) {
    return <NoResults filters={filters} filtered={filtered} onClearFilters={onClearFilters} />;
  }

  const updating = courses.isPlaceholderData || (courses.isFetching && !courses.isFetchingNextPage);
  return (
    <div className="grid gap-5">
      {corrected && (
        <Alert tone="info">
          Showing results for <strong className="font-semibold">{corrected}</strong> — no courses matched “{filters.q}”.
        </Alert>
      )}
      <ul className={cn("grid gap-5 transition-opacity sm:grid-cols-2 xl:grid-cols-3", updating && "opacity-60")} aria-busy={updating || undefined}>
        {items.map((course) => (
          <li key={course.id}>
            <CourseCard course={course} />
          </li>
        ))}
      </ul>
      {courses.isFetchNextPageError &&
        (isApiError(courses.error, "invalid_cursor") ? (
          <Alert tone="warning" title="The list changed while you were browsing">
            <p>Start again from the top to see the current courses.</p>
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => void queryClient.resetQueries({ queryKey: queryKeys.catalog.list(filtersKey(filters)) })}>
              Start from the top
            </Button>
          </Alert>
        ) : (
          <QueryError error={courses.error} onRetry={() => void courses.fetchNextPage()} />
        ))}
      {courses.hasNextPage && !courses.isFetchNextPageError && (
        <Button
          variant="secondary"
          size="lg"
          className="justify-self-center"
          pending={courses.isFetchingNextPage}
          disabled={courses.isPlaceholderData}
          onClick={() => void courses.fetchNextPage()}
        >
          Show more courses
        </Button>
      )}
    </div>
  );
}

function NoResults({ filters, filtered, onClearFilters }: { filters: CatalogFilters; filtered: boolean; onClearFilters: () => void }) {
  if (filtered) {
    return (
      <EmptyState icon={SearchX} title={filters.q ? `No courses match “${filters.q}” with these filters` : "No courses match these filters"}>
        <p>Try removing a filter or two — fewer filters find more courses.</p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={onClearFilters}>
          Clear filters
        </Button>
      </EmptyState>
    );
  }
  if (filters.q) {
    return (
      <EmptyState icon={SearchX} title={`No courses match “${filters.q}”`}>
        <ul className="mt-1 grid gap-1 text-left">
          <li>Check the spelling, or try fewer or more general words.</li>
          <li>Search for a skill or tool, such as “design” or “python”.</li>
        </ul>
        <Button asChild variant="secondary" size="sm" className="mt-3">
          <Link href="/courses">Browse all courses</Link>
        </Button>
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={BookOpen} title="No courses published yet">
      Courses appear here as soon as instructors publish them. Check back soon.
    </EmptyState>
  );
}
