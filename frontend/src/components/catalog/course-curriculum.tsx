"use client";

import { ChevronDown } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { SectionOutline } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { lessonHref, pluralize } from "@/lib/catalog/course-outline";
import { formatDuration, LESSON_KIND_LABELS } from "@/lib/format/course";
import { LessonKindIcon } from "./lesson-kind-icon";

type CurriculumProps = {
  slug: string;
  sections: SectionOutline[];
  totalSeconds: number;
  /** In a preview, lessons are listed but not linked. */
  linkPreviews: boolean;
};

/** The course's sections as an accordion (WAI-ARIA pattern: a heading with a button per section). */
export function CourseCurriculum({ slug, sections, totalSeconds, linkPreviews }: CurriculumProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(sections.slice(0, 1).map((section) => section.id)));
  const allOpen = sections.length > 0 && sections.every((section) => open.has(section.id));
  const baseId = useId();
  const lessonCount = sections.reduce((count, section) => count + section.lessons.length, 0);

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  if (sections.length === 0) {
    return <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted-foreground">No lessons have been added yet.</p>;
  }

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <p className="text-sm text-muted-foreground">
          {pluralize(sections.length, "section")} · {pluralize(lessonCount, "lesson")}
          {totalSeconds > 0 && ` · ${formatDuration(totalSeconds)} in total`}
        </p>
        <button
          type="button"
          className="-mx-2 rounded-md px-2 py-1 text-sm font-medium text-primary hover:bg-accent"
          onClick={() => setOpen(allOpen ? new Set() : new Set(sections.map((section) => section.id)))}
        >
          {allOpen ? "Collapse all sections" : "Expand all sections"}
        </button>
      </div>
      <ul className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface">
        {sections.map((section, index) => {
          const expanded = open.has(section.id);
          const buttonId = `${baseId}-section-${index}`;
          const panelId = `${baseId}-lessons-${index}`;
          return (
            <li key={section.id}>
              <h3>
                <button
                  type="button"
                  id={buttonId}
                  aria-expanded={expanded}
                  aria-controls={panelId}
                  onClick={() => toggle(section.id)}
                  className="flex w-full items-center gap-3 bg-muted/40 px-4 py-3.5 text-left hover:bg-muted focus-visible:-outline-offset-2"
                >
                  <ChevronDown className={cn("size-4 shrink-0 text-muted-foreground transition-transform", expanded && "rotate-180")} aria-hidden />
                  <span className="min-w-0 flex-1 font-semibold">{section.title}</span>
                  <span className="shrink-0 text-xs text-muted-foreground sm:text-sm">
                    {pluralize(section.lessons.length, "lesson")}
                    {section.duration_seconds > 0 && <span className="hidden sm:inline"> · {formatDuration(section.duration_seconds)}</span>}
                  </span>
                </button>
              </h3>
              <div id={panelId} role="region" aria-labelledby={buttonId} hidden={!expanded}>
                {section.lessons.length === 0 ? (
                  <p className="px-4 py-3 text-sm text-muted-foreground">No lessons in this section yet.</p>
                ) : (
                  <ol className="grid py-1">
                    {section.lessons.map((lesson) => (
                      <li key={lesson.id} className="flex items-center gap-3 px-4 py-2.5 text-sm">
                        <LessonKindIcon kind={lesson.kind} className="size-4 shrink-0 text-muted-foreground" />
                        <span className="sr-only">{LESSON_KIND_LABELS[lesson.kind]}:</span>
                        <span className="min-w-0 flex-1">
                          {lesson.is_preview && linkPreviews ? (
                            <Link href={lessonHref(slug, lesson.id)} className="font-medium text-primary underline-offset-4 hover:underline">
                              {lesson.title}
                            </Link>
                          ) : (
                            lesson.title
                          )}
                        </span>
                        {lesson.is_preview && <Badge tone="accent">Free preview</Badge>}
                        <span className="w-12 shrink-0 text-right text-xs text-muted-foreground tabular-nums">
                          {lesson.duration_seconds > 0 && formatDuration(lesson.duration_seconds)}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
