"use client";

import { ClipboardCheck, LayoutList, PencilLine } from "lucide-react";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useStudioCourses } from "@/hooks/queries/studio";
import { isApiError } from "@/lib/api/errors";
import { NewCourseDialog } from "./new-course-dialog";
import { NotInstructor } from "./not-instructor";
import { StudioCourseCard } from "./studio-course-card";

/** "Your courses": every course the person owns or co-teaches, last edited first. */
export function StudioCourseList({ viewerId }: { viewerId: string }) {
  const courses = useStudioCourses();
  if (isApiError(courses.error, "not_instructor")) return <NotInstructor />;

  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="grid gap-1">
          <p className="text-sm font-medium text-primary">Studio</p>
          <h1 className="font-display text-3xl font-semibold tracking-tight">Your courses</h1>
          <p className="text-muted-foreground">Write, arrange and publish what you teach.</p>
        </div>
        {courses.data && courses.data.length > 0 && <NewCourseDialog />}
      </div>

      {courses.isPending ? (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Loading your courses">
          {[0, 1, 2].map((card) => (
            <li key={card} className="overflow-hidden rounded-xl border border-border">
              <Skeleton className="aspect-video rounded-none" />
              <div className="grid gap-2 p-4">
                <Skeleton className="h-5 w-20" />
                <Skeleton className="h-5 w-4/5" />
                <Skeleton className="h-4 w-1/2" />
              </div>
            </li>
          ))}
        </ul>
      ) : courses.isError ? (
        <QueryError error={courses.error} onRetry={() => void courses.refetch()} />
      ) : courses.data.length === 0 ? (
        <FirstCourse />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {courses.data.map((course) => (
            <StudioCourseCard key={course.id} course={course} viewerId={viewerId} />
          ))}
        </ul>
      )}
    </div>
  );
}

const STEPS = [
  { icon: PencilLine, title: "Name it", text: "Start with a working title; describe it and set a price when you're ready." },
  { icon: LayoutList, title: "Build the curriculum", text: "Group lessons into sections and drag them into the order that teaches best." },
  { icon: ClipboardCheck, title: "Submit for review", text: "An admin checks every course before it appears in the catalog." },
];

function FirstCourse() {
  return (
    <section aria-labelledby="first-course" className="grid gap-6 rounded-xl border border-dashed border-border bg-surface px-5 py-10 text-center sm:px-10">
      <div className="grid gap-2">
        <h2 id="first-course" className="text-xl font-semibold tracking-tight">
          Your first course starts here
        </h2>
        <p className="mx-auto max-w-md text-muted-foreground">You haven&apos;t created a course yet. It takes three steps, and nothing is public until it has been reviewed.</p>
      </div>
      <ol className="grid gap-4 text-left sm:grid-cols-3">
        {STEPS.map(({ icon: Icon, title, text }, index) => (
          <li key={title} className="flex gap-3 rounded-lg bg-muted/60 p-4">
            <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-accent text-accent-foreground">
              <Icon className="size-4" aria-hidden />
            </span>
            <div className="grid gap-1">
              <p className="font-medium">
                {index + 1}. {title}
              </p>
              <p className="text-sm text-muted-foreground">{text}</p>
            </div>
          </li>
        ))}
      </ol>
      <div>
        <NewCourseDialog label="Create your first course" />
      </div>
    </section>
  );
}
