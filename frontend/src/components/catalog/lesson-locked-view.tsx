import { Lock } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { CourseLanding } from "@/lib/api/models";
import { lessonHref, previewLessons } from "@/lib/catalog/course-outline";

/** What a visitor sees on a lesson that is not a free preview: why, and where they can go instead. */
export function LessonLockedView({ slug, course }: { slug: string; course: CourseLanding | null }) {
  const previews = course ? previewLessons(course) : [];
  const courseHref = `/courses/${encodeURIComponent(slug)}`;
  return (
    <div className="mx-auto grid max-w-lg justify-items-center gap-4 px-4 py-16 text-center sm:py-20">
      <span className="flex size-14 items-center justify-center rounded-full bg-accent text-accent-foreground">
        <Lock className="size-7" aria-hidden />
      </span>
      <h1 className="font-display text-3xl font-semibold tracking-tight text-balance">This lesson is for enrolled students</h1>
      <p className="text-muted-foreground">
        {course ? (
          <>
            It is part of <strong className="font-semibold text-foreground">{course.title}</strong>.{" "}
          </>
        ) : null}
        Enrolment opens in an upcoming Lectern release; until then, only the free preview lessons are open to everyone.
      </p>
      <Button asChild>
        <Link href={courseHref}>Back to the course</Link>
      </Button>
      {previews.length > 0 && (
        <section aria-labelledby="open-previews" className="mt-4 grid w-full gap-2 text-left">
          <h2 id="open-previews" className="text-sm font-semibold">
            Free previews you can open now
          </h2>
          <ul className="divide-y divide-border rounded-xl border border-border bg-surface">
            {previews.map((lesson) => (
              <li key={lesson.id}>
                <Link href={lessonHref(slug, lesson.id)} className="block px-4 py-3 text-sm font-medium text-primary hover:bg-accent/40">
                  {lesson.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
