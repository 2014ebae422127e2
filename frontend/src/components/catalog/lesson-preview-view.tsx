import { ArrowLeft, ArrowRight, ChevronRight, Clock, Film, ListChecks } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { CourseLanding, LessonContent } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { lessonHref, lessonsInOrder } from "@/lib/catalog/course-outline";
import { formatDuration, LESSON_KIND_LABELS } from "@/lib/format/course";
import { LessonKindIcon } from "./lesson-kind-icon";
import { Markdown } from "./markdown";

type LessonPreviewViewProps = {
  lesson: LessonContent;
  /** The public course, when there is one, to name the neighbouring lessons. */
  course: CourseLanding | null;
};

/** A lesson read on its own, outside any enrolment: the free preview of a course. */
export function LessonPreviewView({ lesson, course }: LessonPreviewViewProps) {
  const courseHref = `/courses/${encodeURIComponent(lesson.course_slug)}`;
  const outline = course ? lessonsInOrder(course) : [];
  const titleOf = (id: string) => outline.find((entry) => entry.id === id);
  const hasBody = lesson.body.trim().length > 0;

  return (
    <div className="mx-auto grid max-w-3xl grid-cols-1 gap-8 px-4 py-8 sm:px-6 sm:py-12">
      <nav aria-label="Breadcrumb">
        <ol className="flex flex-wrap items-center gap-1 text-sm text-muted-foreground">
          <li>
            <Link href="/courses" className="font-medium text-primary hover:underline">
              Courses
            </Link>
          </li>
          <li className="flex min-w-0 items-center gap-1">
            <ChevronRight className="size-3.5 shrink-0" aria-hidden />
            <Link href={courseHref} className="truncate font-medium text-primary hover:underline">
              {lesson.course_title}
            </Link>
          </li>
        </ol>
      </nav>

      <article aria-labelledby="lesson-title" className="grid grid-cols-1 gap-6">
        <header className="grid gap-3">
          <p className="text-sm font-medium text-muted-foreground">{lesson.section_title}</p>
          <h1 id="lesson-title" className="font-display text-3xl leading-tight font-semibold tracking-tight text-balance sm:text-4xl">
            {lesson.title}
          </h1>
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted-foreground">
            <li className="inline-flex items-center gap-1.5">
              <LessonKindIcon kind={lesson.kind} className="size-4" />
              {LESSON_KIND_LABELS[lesson.kind]}
            </li>
            {lesson.duration_seconds > 0 && (
              <li className="inline-flex items-center gap-1.5">
                <Clock className="size-4" aria-hidden />
                {lesson.kind === "article" ? `${formatDuration(lesson.duration_seconds)} read` : formatDuration(lesson.duration_seconds)}
              </li>
            )}
            {lesson.is_preview && (
              <li>
                <Badge tone="accent">Free preview</Badge>
              </li>
            )}
          </ul>
        </header>

        {lesson.kind === "video" && (
          <NotYetPanel icon={Film} title="The video for this lesson hasn't been uploaded yet">
            Video lessons play here once their instructor uploads them, which arrives with an upcoming Lectern release.
            {hasBody && " The lesson notes are below."}
          </NotYetPanel>
        )}
        {(lesson.kind === "quiz" || lesson.kind === "assignment") && (
          <NotYetPanel icon={ListChecks} title={`${LESSON_KIND_LABELS[lesson.kind]}s open in an upcoming release`}>
            For now you can read the instructions{hasBody ? " below" : " once the instructor adds them"}.
          </NotYetPanel>
        )}

        {hasBody ? (
          <section aria-labelledby={lesson.kind === "article" ? undefined : "lesson-notes"} className="grid gap-3">
            {lesson.kind !== "article" && (
              <h2 id="lesson-notes" className="text-lg font-semibold">
                {lesson.kind === "video" ? "Lesson notes" : "Instructions"}
              </h2>
            )}
            <Markdown headingLevel={lesson.kind === "article" ? 2 : 3}>{lesson.body}</Markdown>
          </section>
        ) : (
          lesson.kind === "article" && <p className="text-muted-foreground">This lesson has no text yet.</p>
        )}
      </article>

      <nav aria-label="Other lessons" className="grid gap-3 border-t border-border pt-6 sm:grid-cols-2">
        {lesson.previous_lesson_id ? (
          <Neighbour
            href={lessonHref(lesson.course_slug, lesson.previous_lesson_id)}
            direction="previous"
            title={titleOf(lesson.previous_lesson_id)?.title}
            isPreview={titleOf(lesson.previous_lesson_id)?.is_preview}
          />
        ) : (
          <span className="hidden sm:block" />
        )}
        {lesson.next_lesson_id && (
          <Neighbour
            href={lessonHref(lesson.course_slug, lesson.next_lesson_id)}
            direction="next"
            title={titleOf(lesson.next_lesson_id)?.title}
            isPreview={titleOf(lesson.next_lesson_id)?.is_preview}
          />
        )}
      </nav>

      <p className="rounded-xl border border-border bg-surface p-5 text-sm">
        {lesson.is_preview ? (
          <>
            This is a free preview of <strong className="font-semibold">{lesson.course_title}</strong>.
          </>
        ) : (
          // Only the course's team and admins get past the lock for now.
          <>You can open this lesson because you teach or manage this course; students will need to enrol.</>
        )}{" "}
        <Link href={`${courseHref}#curriculum`} className="font-medium text-primary underline-offset-4 hover:underline">
          See the whole curriculum
        </Link>
      </p>
    </div>
  );
}

function NotYetPanel({ icon: Icon, title, children }: { icon: typeof Film; title: string; children: ReactNode }) {
  return (
    <div className="grid aspect-video place-items-center rounded-xl border border-dashed border-border bg-muted/60 p-6 text-center">
      <div className="grid max-w-md justify-items-center gap-2">
        <span className="flex size-12 items-center justify-center rounded-full bg-surface text-muted-foreground shadow-xs">
          <Icon className="size-6" aria-hidden />
        </span>
        <p className="font-semibold">{title}</p>
        <p className="text-sm text-muted-foreground">{children}</p>
      </div>
    </div>
  );
}

type NeighbourProps = { href: string; direction: "previous" | "next"; title: string | undefined; isPreview: boolean | undefined };

/** A link to the lesson before or after; it may be locked, in which case that page says so. */
function Neighbour({ href, direction, title, isPreview }: NeighbourProps) {
  const next = direction === "next";
  return (
    <Link
      href={href}
      rel={direction === "next" ? "next" : "prev"}
      className={cn("grid gap-1 rounded-xl border border-border bg-surface p-4 hover:border-primary/40 hover:bg-accent/40", next && "text-right sm:col-start-2")}
    >
      <span className={cn("inline-flex items-center gap-1.5 text-xs font-medium text-muted-foreground", next && "justify-end")}>
        {!next && <ArrowLeft className="size-3.5" aria-hidden />}
        {next ? "Next lesson" : "Previous lesson"}
        {next && <ArrowRight className="size-3.5" aria-hidden />}
      </span>
      <span className="font-medium">{title ?? (next ? "Continue" : "Go back")}</span>
      {isPreview && <span className="text-xs text-muted-foreground">Free preview</span>}
    </Link>
  );
}
