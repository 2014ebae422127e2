"use client";

import { LibraryBig, Search } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useAdminCourses } from "@/hooks/queries/moderation";
import type { CourseStatus } from "@/lib/api/models";
import { STATUS_LABELS } from "@/lib/format/course";
import { useDebouncedValue } from "../use-debounced-value";
import { AdminCourseRow } from "./admin-course-row";

/** The API returns at most this many courses per search. */
const RESULT_LIMIT = 200;

const STATUS_FILTERS = Object.entries(STATUS_LABELS) as [CourseStatus, string][];

/** Every course on the platform, whatever its status, searchable by title. */
export function AdminCoursesPanel() {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<CourseStatus | "">("");
  const q = useDebouncedValue(search.trim(), 300);
  const courses = useAdminCourses({ q, status: status || null });
  const rows = courses.data ?? [];
  const filtered = q !== "" || status !== "";

  return (
    <div className="grid gap-4">
      <div role="search" aria-label="Courses" className="grid gap-3 sm:grid-cols-[1fr_14rem]">
        <div className="grid gap-1.5">
          <Label htmlFor="course-search">Search by title</Label>
          <div className="relative">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
            <Input
              id="course-search"
              type="search"
              placeholder="Course title or web address"
              className="pl-9"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="course-status-filter">Status</Label>
          <NativeSelect id="course-status-filter" value={status} onChange={(event) => setStatus(event.target.value as CourseStatus | "")}>
            <option value="">All statuses</option>
            {STATUS_FILTERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>

      {courses.isPending ? (
        <div className="grid gap-2" role="status">
          <span className="sr-only">Loading courses…</span>
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-20" />
          ))}
        </div>
      ) : courses.isError ? (
        <QueryError error={courses.error} onRetry={() => void courses.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon={LibraryBig} title={filtered ? "No course matches" : "No courses yet"}>
          {filtered ? "Try other words or another status." : "Courses instructors create in the studio are listed here, whatever their status."}
        </EmptyState>
      ) : (
        <>
          <div className="flex items-center justify-between gap-2 text-xs text-muted-foreground" aria-live="polite">
            <span>
              {rows.length >= RESULT_LIMIT
                ? `Showing the first ${RESULT_LIMIT} courses: narrow the search to find others.`
                : `${rows.length} ${rows.length === 1 ? "course" : "courses"}`}
            </span>
            {courses.isFetching && <Badge>Updating…</Badge>}
          </div>
          <ul className="divide-y divide-border rounded-xl border border-border bg-surface">
            {rows.map((course) => (
              <AdminCourseRow key={course.id} course={course} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
