import { Award, GraduationCap, NotebookPen, PlayCircle } from "lucide-react";
import Link from "next/link";
import { CourseCover } from "@/components/catalog/course-cover";
import { ProgressBar } from "@/components/studio/video/progress-bar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { DashboardCourse } from "@/lib/api/models";
import { lessonHref } from "@/lib/catalog/course-outline";
import { timeAgo } from "@/lib/format/time-ago";
import { continueAction, lessonsDone } from "./learning-format";

/** The student's courses, most recently studied first, each with its progress and a way on. */
export function MyCourses({ courses }: { courses: DashboardCourse[] }) {
  return (
    <section aria-labelledby="my-courses" className="grid content-start gap-4">
      <h2 id="my-courses" className="font-display text-xl font-semibold tracking-tight">
        My courses
      </h2>
      <ul className="grid gap-3">
        {courses.map((entry) => (
          <li key={entry.course.id}>
            <CourseRow entry={entry} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CourseRow({ entry }: { entry: DashboardCourse }) {
  const { course, progress } = entry;
  const action = continueAction(entry);
  const done = action.label === "Review the course";
  const studied = entry.last_activity_at ?? entry.enrolled_at;
  const words = `${progress.percent}% complete, ${lessonsDone(progress)}`;
  return (
    <article aria-labelledby={`course-${course.id}`} className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-4 shadow-xs sm:flex-row">
      <Link href={`/courses/${course.slug}`} tabIndex={-1} aria-hidden className="hidden shrink-0 sm:block sm:w-40">
        <CourseCover course={course} className="rounded-lg border border-border" />
      </Link>
      <div className="grid min-w-0 flex-1 gap-3">
        <div className="grid gap-0.5">
          <h3 id={`course-${course.id}`} className="flex flex-wrap items-center gap-2 leading-snug font-semibold">
            <Link href={`/courses/${course.slug}`} className="hover:underline">
              {course.title}
            </Link>
            {done && <Badge tone="success">Completed</Badge>}
          </h3>
          <p className="truncate text-xs text-muted-foreground">
            <span className="sr-only">By </span>
            {course.instructors.map((person) => person.display_name).join(", ")}
          </p>
        </div>
        <div className="grid gap-1.5">
          <p className="flex flex-wrap justify-between gap-x-3 text-sm" aria-hidden>
            <span className="font-medium">{progress.percent}% complete</span>
            <span className="text-muted-foreground">{lessonsDone(progress)}</span>
          </p>
          <ProgressBar label={`Progress in ${course.title}`} value={progress.percent} valueText={words} />
        </div>
        {entry.next_lesson && !done && (
          <p className="truncate text-sm text-muted-foreground">
            Next: <span className="text-foreground">{entry.next_lesson.title}</span>
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          {action.lessonId && (
            <Button asChild size="sm" variant={done ? "secondary" : "primary"}>
              <Link href={lessonHref(course.slug, action.lessonId)}>
                <PlayCircle aria-hidden /> {done ? "Review" : action.label === "Start learning" ? "Start" : "Continue"}
                <span className="sr-only"> {course.title}</span>
              </Link>
            </Button>
          )}
          {entry.certificate_code && (
            <Button asChild size="sm" variant="secondary">
              <Link href={`/certificates/${encodeURIComponent(entry.certificate_code)}`}>
                <Award aria-hidden /> Certificate
              </Link>
            </Button>
          )}
          <Button asChild size="sm" variant="ghost">
            <Link href={`/learning/notes/${course.id}`}>
              <NotebookPen aria-hidden /> Notes<span className="sr-only"> in {course.title}</span>
            </Link>
          </Button>
          <Button asChild size="sm" variant="ghost">
            <Link href={`/learning/grades/${course.id}`}>
              <GraduationCap aria-hidden /> Grades<span className="sr-only"> in {course.title}</span>
            </Link>
          </Button>
          <span className="ml-auto text-xs text-muted-foreground" suppressHydrationWarning>
            {entry.last_activity_at ? `Studied ${timeAgo(studied)}` : `Enrolled ${timeAgo(studied)}`}
          </span>
        </div>
      </div>
    </article>
  );
}
