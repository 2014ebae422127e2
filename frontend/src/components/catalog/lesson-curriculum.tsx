"use client";

import { CheckCircle2, Lock } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useCourseProgress } from "@/hooks/queries/progress";
import type { CourseProgress, SectionOutline } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { lessonHref, pluralize } from "@/lib/catalog/course-outline";
import { formatDuration, LESSON_KIND_LABELS } from "@/lib/format/course";
import { LessonKindIcon } from "./lesson-kind-icon";

type LessonCurriculumProps = {
  slug: string;
  sections: SectionOutline[];
  currentId: string;
  /** Every lesson opens for the course's team and its students; for others, the free previews. */
  opensAll: boolean;
  /** The course's id, to show the viewer's progress in it. */
  courseId: string;
  /** The viewer is an enrolled student: lessons done and started are marked, sections counted. */
  showsProgress: boolean;
};

type LessonMark = CourseProgress["lessons"][number];

/**
 * The course's lessons beside the one being watched: the current one marked (aria-current),
 * the ones the viewer can't open locked. On a wide screen it is a sticky, scrolling column that
 * starts scrolled to the current lesson. An enrolled student also sees which lessons are done,
 * how much of a started video they watched, and each section's count of done lessons.
 */
export function LessonCurriculum({ slug, sections, currentId, opensAll, courseId, showsProgress }: LessonCurriculumProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const lessonCount = sections.reduce((count, section) => count + section.lessons.length, 0);
  const progress = useCourseProgress(courseId, showsProgress).data;
  const marks = new Map(progress?.lessons.map((mark) => [mark.lesson_id, mark]));
  const sectionCounts = new Map(progress?.sections.map((count) => [count.section_id, count]));

  useEffect(() => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>("[aria-current='page']");
    // Only the sidebar scrolls (when it is one), never the page.
    if (!list || !current || list.scrollHeight <= list.clientHeight) return;
    list.scrollTop = current.offsetTop - list.clientHeight / 3;
  }, [currentId]);

  return (
    <nav aria-labelledby="lesson-curriculum-title" className="flex min-h-0 flex-col overflow-hidden rounded-xl border border-border bg-surface lg:max-h-full">
      <div className="border-b border-border px-4 py-3">
        <h2 id="lesson-curriculum-title" className="font-semibold">
          Course content
        </h2>
        <p className="text-xs text-muted-foreground">
          {pluralize(sections.length, "section")} · {pluralize(lessonCount, "lesson")}
          {progress && ` · ${progress.completed_lessons} done`}
        </p>
      </div>
      <div ref={listRef} className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain">
        {sections.map((section, index) => {
          const count = sectionCounts.get(section.id);
          return (
            <section key={section.id} aria-labelledby={`curriculum-section-${index}`} className="border-b border-border last:border-b-0">
              <h3 id={`curriculum-section-${index}`} className="flex items-baseline gap-2 bg-muted/50 px-4 py-2 text-sm font-semibold">
                <span className="min-w-0 flex-1">{section.title}</span>
                {count && count.total_lessons > 0 && (
                  <span
                    data-testid="section-progress"
                    className={cn(
                      "shrink-0 text-xs font-medium tabular-nums",
                      count.completed_lessons === count.total_lessons ? "text-success" : "text-muted-foreground",
                    )}
                  >
                    <span aria-hidden>
                      {count.completed_lessons}/{count.total_lessons}
                    </span>
                    <span className="sr-only">
                      , {count.completed_lessons} of {count.total_lessons} done
                    </span>
                  </span>
                )}
              </h3>
              {section.lessons.length === 0 ? (
                <p className="px-4 py-2.5 text-sm text-muted-foreground">No lessons in this section yet.</p>
              ) : (
                <ol className="py-1">
                  {section.lessons.map((lesson) => {
                    const current = lesson.id === currentId;
                    const locked = !opensAll && !lesson.is_preview;
                    const body = (
                      <>
                        <LessonKindIcon kind={lesson.kind} className={cn("mt-0.5 size-4 shrink-0", current ? "text-primary" : "text-muted-foreground")} />
                        <span className="sr-only">{LESSON_KIND_LABELS[lesson.kind]}:</span>
                        <span className="min-w-0 flex-1">{lesson.title}</span>
                        {locked && (
                          <>
                            <Lock className="mt-0.5 size-3.5 shrink-0 text-muted-foreground" aria-hidden />
                            <span className="sr-only">(locked)</span>
                          </>
                        )}
                        {lesson.duration_seconds > 0 && (
                          <span className="shrink-0 text-xs text-muted-foreground tabular-nums">{formatDuration(lesson.duration_seconds)}</span>
                        )}
                        <LessonMarkIcon mark={marks.get(lesson.id)} />
                      </>
                    );
                    const rowClass = "flex items-start gap-2.5 px-4 py-2 text-sm";
                    return (
                      <li key={lesson.id}>
                        {locked ? (
                          <span className={cn(rowClass, "text-muted-foreground")}>{body}</span>
                        ) : (
                          <Link
                            href={lessonHref(slug, lesson.id)}
                            aria-current={current ? "page" : undefined}
                            className={cn(
                              rowClass,
                              "focus-visible:-outline-offset-2",
                              current ? "bg-accent font-medium text-accent-foreground shadow-[inset_3px_0_0_var(--primary)]" : "hover:bg-muted",
                            )}
                          >
                            {body}
                          </Link>
                        )}
                      </li>
                    );
                  })}
                </ol>
              )}
            </section>
          );
        })}
      </div>
    </nav>
  );
}

/**
 * Done (a check, labelled "Completed") or, for a started video, a ring filled as far as
 * the student watched ("watched 40%"). Lessons not started show nothing.
 */
function LessonMarkIcon({ mark }: { mark: LessonMark | undefined }) {
  if (mark?.completed) {
    return (
      <span role="img" aria-label="Completed" className="mt-0.5 shrink-0" data-testid="lesson-done">
        <CheckCircle2 className="size-4 text-success" aria-hidden />
      </span>
    );
  }
  const watched = Math.round(mark?.watched_percent ?? 0);
  if (watched <= 0) return null;
  return (
    <span role="img" aria-label={`watched ${watched}%`} className="mt-0.5 shrink-0" data-testid="lesson-watched">
      <WatchedRing percent={watched} />
    </span>
  );
}

const RING_RADIUS = 6;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

function WatchedRing({ percent }: { percent: number }) {
  const filled = (Math.min(100, percent) / 100) * RING_LENGTH;
  return (
    <svg viewBox="0 0 16 16" className="size-4 -rotate-90" aria-hidden>
      <circle cx="8" cy="8" r={RING_RADIUS} fill="none" strokeWidth="2.5" className="stroke-muted-foreground/25" />
      <circle
        cx="8"
        cy="8"
        r={RING_RADIUS}
        fill="none"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeDasharray={`${filled} ${RING_LENGTH}`}
        className="stroke-primary"
      />
    </svg>
  );
}
