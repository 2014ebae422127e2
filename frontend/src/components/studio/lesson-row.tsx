"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDown, ArrowUp, ChevronDown, ClipboardPen, FileText, FolderInput, ListChecks, MoreHorizontal, PlayCircle } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { useSetLessonPreview } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { LessonKind, StudioLesson } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { formatDuration, LESSON_KIND_LABELS } from "@/lib/format/course";
import { focusFor, useCurriculum } from "./curriculum-context";
import { moveLesson, stepLesson } from "./curriculum-order";
import { DragHandle } from "./drag-handle";
import { LessonEditor } from "./lesson-editor";

const KIND_ICONS: Record<LessonKind, typeof FileText> = { video: PlayCircle, article: FileText, quiz: ListChecks, assignment: ClipboardPen };

type LessonRowProps = { lesson: StudioLesson; sectionId: string; index: number; count: number };

/** One lesson: drag handle, title (opens its editor), free-preview switch, moves and the section menu. */
export function LessonRow({ lesson, sectionId, index, count }: LessonRowProps) {
  const curriculum = useCurriculum();
  const { editable, order, dragging } = curriculum;
  const [open, setOpen] = useState(false);
  const preview = useSetLessonPreview(curriculum.courseId);
  const titleId = useId();
  const panelId = useId();
  const sortable = useSortable({
    id: lesson.id,
    data: { type: "lesson" },
    disabled: { draggable: !editable, droppable: dragging === "section" },
  });

  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLButtonElement>(null);
  const wanted = focusFor(curriculum, lesson.id);
  useEffect(() => {
    if (!wanted || wanted === "add-lesson") return;
    const preferred = wanted === "up" ? up.current : wanted === "down" ? down.current : menu.current;
    const fallback = wanted === "up" ? down.current : up.current;
    (preferred && !preferred.disabled ? preferred : (fallback ?? menu.current))?.focus();
    curriculum.setFocusTarget(null);
  }, [wanted, curriculum]);

  const sectionIndex = order.findIndex((section) => section.id === sectionId);
  const atTop = sectionIndex === 0 && index === 0;
  const atBottom = sectionIndex === order.length - 1 && index === count - 1;
  const otherSections = order.filter((section) => section.id !== sectionId);
  const Icon = KIND_ICONS[lesson.kind];

  const togglePreview = (isPreview: boolean) =>
    preview.mutate(
      { lessonId: lesson.id, isPreview },
      {
        onSuccess: () => curriculum.announce(isPreview ? `“${lesson.title}” is now a free preview.` : `“${lesson.title}” is no longer a free preview.`),
        onError: (error) => toast.error(`The free preview wasn't changed: ${describeError(error)}`),
      },
    );

  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      data-testid="lesson-row"
      data-lesson-title={lesson.title}
      className={cn("rounded-lg border border-border bg-surface shadow-xs", sortable.isDragging && "opacity-40", open && "ring-1 ring-ring/40")}
    >
      <div className="flex flex-wrap items-center gap-x-1.5 gap-y-1 p-1.5 sm:gap-x-2 sm:p-2">
        {editable && <DragHandle label={`Reorder lesson ${lesson.title}`} sortable={sortable} />}
        <button
          type="button"
          id={titleId}
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={lesson.title}
          aria-describedby={`${titleId}-meta`}
          onClick={() => setOpen((now) => !now)}
          className="flex min-w-0 flex-1 basis-40 items-center gap-2 rounded-md px-1.5 py-1.5 text-left hover:bg-muted"
        >
          <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-medium">{lesson.title}</span>
            <span id={`${titleId}-meta`} className="block text-xs text-muted-foreground">
              {LESSON_KIND_LABELS[lesson.kind]}
              {lesson.duration_seconds > 0 && <> · {formatDuration(lesson.duration_seconds)}</>}
            </span>
          </span>
          <ChevronDown className={cn("size-4 shrink-0 text-muted-foreground transition-transform", open && "rotate-180")} aria-hidden />
        </button>
        <div className="ml-auto flex items-center gap-0.5">
          <label className="mr-1 flex items-center gap-2 rounded-md px-1.5 py-1 text-xs font-medium text-muted-foreground has-[button:disabled]:opacity-60">
            <Switch checked={lesson.is_preview} disabled={!editable || preview.isPending} onCheckedChange={togglePreview} className="scale-90" />
            <span>
              Free preview<span className="sr-only">: {lesson.title}</span>
            </span>
          </label>
          {editable && (
            <>
              <Button
                ref={up}
                variant="ghost"
                size="icon"
                className="size-9"
                aria-label={`Move up: ${lesson.title}`}
                disabled={atTop}
                onClick={() => curriculum.move(stepLesson(order, lesson.id, -1), { id: lesson.id, control: "up" })}
              >
                <ArrowUp aria-hidden />
              </Button>
              <Button
                ref={down}
                variant="ghost"
                size="icon"
                className="size-9"
                aria-label={`Move down: ${lesson.title}`}
                disabled={atBottom}
                onClick={() => curriculum.move(stepLesson(order, lesson.id, 1), { id: lesson.id, control: "down" })}
              >
                <ArrowDown aria-hidden />
              </Button>
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button ref={menu} variant="ghost" size="icon" className="size-9" aria-label={`More for lesson: ${lesson.title}`}>
                    <MoreHorizontal aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  <DropdownMenuItem onSelect={() => setOpen(true)}>Edit lesson</DropdownMenuItem>
                  {otherSections.length > 0 && (
                    <>
                      <DropdownMenuLabel className="text-xs font-medium text-muted-foreground">Move to section…</DropdownMenuLabel>
                      {otherSections.map((section) => (
                        <DropdownMenuItem
                          key={section.id}
                          onSelect={() => curriculum.move(moveLesson(order, lesson.id, section.id, section.lesson_ids.length), { id: lesson.id, control: "menu" })}
                        >
                          <FolderInput aria-hidden /> {curriculum.sectionTitle(section.id)}
                        </DropdownMenuItem>
                      ))}
                    </>
                  )}
                </DropdownMenuContent>
              </DropdownMenu>
            </>
          )}
        </div>
      </div>
      {open && <LessonEditor id={panelId} lesson={lesson} onClose={() => setOpen(false)} />}
    </li>
  );
}
