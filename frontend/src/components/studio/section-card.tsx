"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { useDeleteSection, useRenameSection } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { StudioSection } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { formatDuration } from "@/lib/format/course";
import { AddLessonForm } from "./add-lesson-form";
import { focusFor, useCurriculum } from "./curriculum-context";
import { moveSection } from "./curriculum-order";
import { DragHandle } from "./drag-handle";
import { InlineTitle } from "./inline-title";
import { LessonRow } from "./lesson-row";
import { SectionVideoBar, useSectionVideoUploads } from "./video/section-video-upload";
import { useUploadManager } from "./video/upload-manager";
import { useFileDrop } from "./video/use-file-drop";

type SectionCardProps = {
  section: StudioSection;
  /** The lessons in their current order, which may differ from `section.lessons` mid-drag. */
  lessonIds: string[];
  index: number;
  allSections: StudioSection[];
};

/** One section: its title and controls, its lessons (a sortable list of their own), "Upload videos" and "Add lesson". */
export function SectionCard({ section, lessonIds, index, allSections }: SectionCardProps) {
  const curriculum = useCurriculum();
  const { editable, order, dragging } = curriculum;
  const rename = useRenameSection(curriculum.courseId);
  const remove = useDeleteSection(curriculum.courseId);
  const uploads = useUploadManager();
  const videoUploads = useSectionVideoUploads(curriculum.courseId, section, curriculum.announce);
  // Video files dropped anywhere on the section become lessons (a lesson's own video panel takes its drops first).
  const fileDrop = useFileDrop(editable, (files) => void videoUploads.start(files));
  const headingId = useId();
  const sortable = useSortable({
    id: section.id,
    data: { type: "section" },
    disabled: { draggable: !editable, droppable: dragging === "lesson" },
  });
  // An empty section still takes a dragged lesson.
  const dropZone = useDroppable({
    id: `drop:${section.id}`,
    data: { type: "section-drop" },
    disabled: dragging !== "lesson" || lessonIds.length > 0,
  });

  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const wanted = focusFor(curriculum, section.id);
  useEffect(() => {
    if (wanted !== "up" && wanted !== "down") return;
    const preferred = wanted === "up" ? up.current : down.current;
    const other = wanted === "up" ? down.current : up.current;
    (preferred && !preferred.disabled ? preferred : other)?.focus();
    curriculum.setFocusTarget(null);
  }, [wanted, curriculum]);

  const lessonsById = new Map(allSections.flatMap((each) => each.lessons.map((lesson) => [lesson.id, lesson] as const)));
  const lessons = lessonIds.flatMap((id) => lessonsById.get(id) ?? []);
  const duration = lessons.reduce((sum, lesson) => sum + lesson.duration_seconds, 0);
  const isFirst = index === 0;
  const isLast = index === order.length - 1;

  const deleteSection = () =>
    remove.mutate(section.id, {
      onSuccess: () => {
        uploads.forgetLessons(section.lessons.map((lesson) => lesson.id));
        toast.success(`Section “${section.title}” deleted.`);
        curriculum.announce(`Section “${section.title}” deleted.`);
      },
      onError: (error) => toast.error(describeError(error)),
    });

  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      data-testid="curriculum-section"
      data-section-title={section.title}
      aria-labelledby={headingId}
      {...fileDrop.handlers}
      className={cn(
        "relative rounded-xl border border-border bg-background/60",
        sortable.isDragging && "opacity-40",
        fileDrop.over && "border-primary ring-2 ring-primary/30",
      )}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-border px-2 py-2 sm:px-3">
        {editable && <DragHandle label={`Reorder section ${section.title}`} sortable={sortable} />}
        <div className="min-w-0 flex-1 basis-40">
          <InlineTitle title={section.title} label="Section title" disabled={!editable} onSave={(title) => rename.mutateAsync({ sectionId: section.id, title })}>
            <h3 id={headingId} className="min-w-0 font-semibold break-words">
              <span className="block text-xs font-medium text-muted-foreground">
                Section {index + 1}
                <span className="sr-only">:</span>
              </span>
              {section.title}
            </h3>
          </InlineTitle>
          <p className="text-xs text-muted-foreground">
            {lessons.length} {lessons.length === 1 ? "lesson" : "lessons"}
            {duration > 0 && <> · {formatDuration(duration)}</>}
          </p>
        </div>
        {editable && (
          <div className="ml-auto flex items-center">
            <Button
              ref={up}
              variant="ghost"
              size="icon"
              className="size-9"
              aria-label={`Move section up: ${section.title}`}
              disabled={isFirst}
              onClick={() => curriculum.move(moveSection(order, section.id, index - 1), { id: section.id, control: "up" })}
            >
              <ArrowUp aria-hidden />
            </Button>
            <Button
              ref={down}
              variant="ghost"
              size="icon"
              className="size-9"
              aria-label={`Move section down: ${section.title}`}
              disabled={isLast}
              onClick={() => curriculum.move(moveSection(order, section.id, index + 1), { id: section.id, control: "down" })}
            >
              <ArrowDown aria-hidden />
            </Button>
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="icon" className="size-9 text-muted-foreground hover:text-destructive" aria-label={`Delete section: ${section.title}`} pending={remove.isPending}>
                  {!remove.isPending && <Trash2 aria-hidden />}
                </Button>
              }
              title={`Delete “${section.title}”?`}
              description={
                lessons.length > 0
                  ? `Its ${lessons.length} ${lessons.length === 1 ? "lesson is" : "lessons are"} deleted with it, including any text, videos and captions in them. This can't be undone.`
                  : "The section is empty. This can't be undone."
              }
              confirmLabel="Delete section"
              onConfirm={deleteSection}
            />
          </div>
        )}
      </div>

      <SortableContext items={lessonIds} strategy={verticalListSortingStrategy}>
        <ol
          ref={dropZone.setNodeRef}
          aria-label={`Lessons in ${section.title}`}
          className={cn("grid min-h-14 gap-2 p-2 sm:p-3", dropZone.isOver && "rounded-b-xl bg-accent/50")}
        >
          {lessons.map((lesson, lessonIndex) => (
            <LessonRow key={lesson.id} lesson={lesson} sectionId={section.id} index={lessonIndex} count={lessons.length} />
          ))}
          {lessons.length === 0 && (
            <li className="flex items-center justify-center rounded-lg border border-dashed border-border px-3 py-4 text-center text-sm text-muted-foreground">
              {editable ? "No lessons yet. Add one below, or drag one here." : "No lessons yet."}
            </li>
          )}
        </ol>
      </SortableContext>
      {editable && <SectionVideoBar sectionTitle={section.title} creating={videoUploads.creating} onFiles={(files) => void videoUploads.start(files)} />}
      {editable && <AddLessonForm sectionId={section.id} sectionTitle={section.title} />}
      {fileDrop.over && (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-xl bg-surface/85 px-4 text-center font-medium" aria-hidden>
          Drop to add a video lesson for each file to “{section.title}”
        </div>
      )}
    </li>
  );
}
