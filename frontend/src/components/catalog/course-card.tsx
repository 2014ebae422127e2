import { Star } from "lucide-react";
import Link from "next/link";
import { Skeleton } from "@/components/ui/skeleton";
import type { CourseCard as CourseCardData } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { pluralize } from "@/lib/catalog/course-outline";
import { formatDuration, formatPrice, LEVEL_LABELS } from "@/lib/format/course";
import { CourseCover } from "./course-cover";
import { HighlightedText } from "./highlighted-text";

type CourseCardProps = { course: CourseCardData; headingLevel?: "h2" | "h3" };

/** A course in a listing. The whole card is one link (the title's, stretched), so it is one tab stop. */
export function CourseCard({ course, headingLevel: Heading = "h3" }: CourseCardProps) {
  const highlight = course.highlight;
  const rating = course.rating_count > 0 ? course.rating_average : null;
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-xl border border-border bg-surface shadow-xs transition-shadow hover:shadow-md has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-ring">
      <CourseCover course={course} className="border-b border-border" />
      <div className="flex flex-1 flex-col gap-2 p-4">
        <Heading className="leading-snug font-semibold text-balance">
          <Link href={`/courses/${course.slug}`} className="after:absolute after:inset-0 focus-visible:outline-none">
            {highlight?.title.length ? <HighlightedText fragments={highlight.title} /> : course.title}
          </Link>
        </Heading>
        {highlight?.snippet.length ? (
          <p className="line-clamp-3 text-sm text-muted-foreground">
            <HighlightedText fragments={highlight.snippet} />
          </p>
        ) : (
          course.subtitle && <p className="line-clamp-2 text-sm text-muted-foreground">{course.subtitle}</p>
        )}
        <p className="truncate text-xs text-muted-foreground">
          <span className="sr-only">By </span>
          {course.instructors.map((person) => person.display_name).join(", ")}
        </p>
        {rating !== null && (
          <p className="flex items-center gap-1 text-xs">
            <span className="font-semibold">{rating.toFixed(1)}</span>
            <Star className="size-3.5 fill-warning text-warning" aria-hidden />
            <span className="sr-only">out of 5,</span>
            <span className="text-muted-foreground">({pluralize(course.rating_count, "rating")})</span>
          </p>
        )}
        <ul className="flex flex-wrap gap-x-1.5 text-xs text-muted-foreground [&>li+li]:before:mr-1.5 [&>li+li]:before:content-['·']">
          <li>{LEVEL_LABELS[course.level]}</li>
          {course.duration_seconds > 0 && <li>{formatDuration(course.duration_seconds)}</li>}
          <li>{pluralize(course.lesson_count, "lesson")}</li>
        </ul>
        <p className={cn("mt-auto pt-1 font-semibold", !course.price_amount && "text-success")}>{formatPrice(course.price_amount, course.currency)}</p>
      </div>
    </article>
  );
}

export function CourseCardSkeleton() {
  return (
    <div className="overflow-hidden rounded-xl border border-border bg-surface">
      <Skeleton className="aspect-video rounded-none" />
      <div className="grid gap-2 p-4">
        <Skeleton className="h-5 w-4/5" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-3 w-1/2" />
        <Skeleton className="h-3 w-2/3" />
        <Skeleton className="mt-2 h-5 w-16" />
      </div>
    </div>
  );
}
