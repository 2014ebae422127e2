import { Lock, LogIn } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { CourseLanding } from "@/lib/api/models";
import { lessonHref, previewLessons } from "@/lib/catalog/course-outline";

type LessonLockedViewProps = {
  slug: string;
  lessonId: string;
  course: CourseLanding | null;
  /** A signed-out visitor may be an enrolled student: they are offered to sign in first. */
  signedIn: boolean;
};

/** What a visitor sees on a lesson that is not open to them: why, and where they can go instead. */
export function LessonLockedView({ slug, lessonId, course, signedIn }: LessonLockedViewProps) {
  const previews = course ? previewLessons(course) : [];
  const courseHref = `/courses/${encodeURIComponent(slug)}`;
  const signInHref = `/sign-in?next=${encodeURIComponent(lessonHref(slug, lessonId))}`;
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
        {signedIn
          ? "Your account isn't enrolled in this course. Free preview lessons are open to everyone."
          : "Enrolled in it? Sign in with that account. Free preview lessons are open to everyone."}
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        {!signedIn && (
          <Button asChild>
            <Link href={signInHref}>
              <LogIn aria-hidden /> Sign in to watch
            </Link>
          </Button>
        )}
        <Button asChild variant={signedIn ? "primary" : "secondary"}>
          <Link href={courseHref}>Back to the course</Link>
        </Button>
      </div>
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
