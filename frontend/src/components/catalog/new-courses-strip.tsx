import { ArrowRight, BookOpen } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { CourseCard as CourseCardData } from "@/lib/api/models";
import { CourseCard } from "./course-card";

/** The latest published courses for the home page; `courses` is null when they could not be loaded. */
export function NewCoursesStrip({ courses }: { courses: CourseCardData[] | null }) {
  return (
    <section aria-labelledby="new-courses-title" className="mx-auto max-w-6xl px-4 py-16 sm:px-6 md:py-20">
      <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
        <div className="grid max-w-2xl gap-2">
          <h2 id="new-courses-title" className="font-display text-3xl font-semibold tracking-tight">
            New courses
          </h2>
          <p className="text-muted-foreground">Freshly published by Lectern&apos;s instructors.</p>
        </div>
        {courses && courses.length > 0 && (
          <Link href="/courses" className="inline-flex items-center gap-1.5 text-sm font-medium text-primary underline-offset-4 hover:underline">
            Browse all courses <ArrowRight className="size-4" aria-hidden />
          </Link>
        )}
      </div>
      {courses === null ? (
        <p className="rounded-lg border border-dashed border-border px-6 py-10 text-center text-sm text-muted-foreground">
          The newest courses couldn&apos;t be loaded just now.{" "}
          <Link href="/courses" className="font-medium text-primary underline-offset-4 hover:underline">
            Open the catalog
          </Link>
        </p>
      ) : courses.length === 0 ? (
        <EmptyState icon={BookOpen} title="The first courses are on their way">
          Courses appear here as soon as instructors publish them.{" "}
          <Link href="/#teach" className="font-medium text-primary underline-offset-4 hover:underline">
            Teach one yourself
          </Link>
        </EmptyState>
      ) : (
        <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {courses.map((course) => (
            <li key={course.id}>
              <CourseCard course={course} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
