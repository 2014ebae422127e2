"use client";

import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useQueryClient } from "@tanstack/react-query";
import { GripVertical, Layers } from "lucide-react";
import { useCallback, useMemo, useRef, useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toaster";
import { queryKeys } from "@/hooks/queries/keys";
import { useReorderCurriculum } from "@/hooks/queries/studio";
import { describeError, isApiError } from "@/lib/api/errors";
import type { StudioCourse } from "@/lib/api/models";
import { formatDuration } from "@/lib/format/course";
import { AddSectionForm } from "./add-section-form";
import { CurriculumContext, type Curriculum, type FocusTarget } from "./curriculum-context";
import { moveLesson, moveSection, orderOf, sameOrder, sectionOfLesson, type SectionOrder } from "./curriculum-order";
import { lessonPlaceWords, movedWords, sectionPlaceWords } from "./curriculum-words";
import { SectionCard } from "./section-card";

type DragKind = "section" | "lesson";
const kindOf = (data: unknown): DragKind | "section-drop" | undefined => (data as { type?: DragKind | "section-drop" } | undefined)?.type;

/** Sections and lessons never mix: a dragged lesson only meets lessons and empty sections. */
const collisionDetection: CollisionDetection = (args) => {
  const dragged = kindOf(args.active.data.current);
  const droppableContainers = args.droppableContainers.filter((container) => {
    const kind = kindOf(container.data.current);
    return dragged === "section" ? kind === "section" : kind === "lesson" || kind === "section-drop";
  });
  if (dragged === "lesson") {
    const within = pointerWithin({ ...args, droppableContainers });
    if (within.length > 0) return within;
  }
  return closestCenter({ ...args, droppableContainers });
};

const screenReaderInstructions = {
  draggable:
    "To move this item, press space or enter to pick it up, then the up and down arrow keys to move it (lessons move between sections too). Press space or enter again to drop it, or escape to cancel. The Move up and Move down buttons do the same one step at a time.",
};

/** The course's sections and lessons: add, rename, delete, and rearrange by drag and drop or keyboard. */
export function CurriculumTab({ course, editable }: { course: StudioCourse; editable: boolean }) {
  const queryClient = useQueryClient();
  const { mutate: reorder } = useReorderCurriculum(course.id);
  const serverOrder = useMemo(() => orderOf(course.sections), [course.sections]);
  const [dragOrder, setDragOrder] = useState<SectionOrder[] | null>(null);
  const [active, setActive] = useState<{ id: string; kind: DragKind } | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const order = dragOrder ?? serverOrder;
  const orderKey = JSON.stringify(order);
  const latestOrder = useRef(order);
  const justPickedUp = useRef(false);
  latestOrder.current = order;

  // A dropped order stays on screen until the server's copy (already updated optimistically) shows it.
  const serverKey = JSON.stringify(serverOrder);
  const [seenServerKey, setSeenServerKey] = useState(serverKey);
  if (seenServerKey !== serverKey) {
    setSeenServerKey(serverKey);
    if (!active) setDragOrder(null);
  }

  const titles = useMemo(() => {
    const sections = new Map(course.sections.map((section) => [section.id, section.title]));
    const lessons = new Map(course.sections.flatMap((section) => section.lessons.map((lesson) => [lesson.id, lesson.title] as const)));
    return { section: (id: string) => sections.get(id) ?? "untitled", lesson: (id: string) => lessons.get(id) ?? "untitled" };
  }, [course.sections]);

  const send = useCallback(
    (next: SectionOrder[]) => {
      reorder(
        { sections: next },
        {
          onError: (error) => {
            setDragOrder(null);
            setFocusTarget(null);
            if (isApiError(error, "curriculum_changed")) {
              void queryClient.invalidateQueries({ queryKey: queryKeys.studio.course(course.id) });
              toast.error("The curriculum was changed in another window, so it has been reloaded. Please make that move again.");
            } else {
              toast.error(`The new order wasn't saved: ${describeError(error)}`);
            }
            setAnnouncement("The move was undone.");
          },
        },
      );
    },
    [course.id, queryClient, reorder],
  );

  const move = useCallback<Curriculum["move"]>(
    (next, focus) => {
      if (!next || sameOrder(next, latestOrder.current)) return;
      setFocusTarget({ ...focus, order: JSON.stringify(next) });
      setAnnouncement(movedWords(next, focus.id, titles));
      send(next);
    },
    [send, titles],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const onDragStart = ({ active: picked }: DragStartEvent) => {
    const kind = kindOf(picked.data.current);
    if (kind !== "section" && kind !== "lesson") return;
    setActive({ id: String(picked.id), kind });
    setDragOrder(serverOrder);
  };

  // Crossing into another section happens while dragging, so the lesson makes room where it will land.
  const onDragOver = ({ active: dragged, over, activatorEvent }: DragOverEvent) => {
    if (!over || kindOf(dragged.data.current) !== "lesson") return;
    const current = latestOrder.current;
    const lessonId = String(dragged.id);
    const from = sectionOfLesson(current, lessonId);
    const overKind = kindOf(over.data.current);
    let to: SectionOrder | undefined;
    let index = 0;
    if (overKind === "section-drop") {
      to = current.find((section) => `drop:${section.id}` === over.id);
      index = to?.lesson_ids.length ?? 0;
    } else if (overKind === "lesson") {
      to = sectionOfLesson(current, String(over.id));
      const translated = dragged.rect.current.translated;
      // By keyboard, a lesson arriving from a later section lands at the end, as "Move up" does;
      // by pointer, on whichever side of the lesson under it the pointer is.
      const fromLater = current.findIndex((section) => section.id === from?.id) > current.findIndex((section) => section.id === to?.id);
      const below = activatorEvent instanceof KeyboardEvent ? fromLater : translated ? translated.top > over.rect.top + over.rect.height / 2 : false;
      index = (to?.lesson_ids.indexOf(String(over.id)) ?? 0) + (below ? 1 : 0);
    }
    if (!from || !to || from.id === to.id) return;
    setDragOrder(moveLesson(current, lessonId, to.id, index));
  };

  const onDragEnd = ({ active: dropped, over }: DragEndEvent) => {
    const current = latestOrder.current;
    const id = String(dropped.id);
    setActive(null);
    let next = current;
    if (over && over.id !== dropped.id) {
      if (kindOf(dropped.data.current) === "section") {
        next = moveSection(current, id, current.findIndex((section) => section.id === over.id));
      } else if (kindOf(over.data.current) === "lesson") {
        const section = sectionOfLesson(current, String(over.id));
        if (section && section.lesson_ids.includes(id)) next = moveLesson(current, id, section.id, section.lesson_ids.indexOf(String(over.id)));
      }
    }
    if (!over || sameOrder(next, serverOrder)) {
      setDragOrder(null);
      return;
    }
    setDragOrder(next);
    send(next);
  };

  const onDragCancel = () => {
    setActive(null);
    setDragOrder(null);
  };

  const describe = (id: string) => (latestOrder.current.some((section) => section.id === id) ? `section “${titles.section(id)}”` : `lesson “${titles.lesson(id)}”`);
  const placeOf = (id: string, within: SectionOrder[]) =>
    within.some((section) => section.id === id) ? sectionPlaceWords(within, id) : lessonPlaceWords(within, id, titles);
  const placeOver = (activeId: string, overId: string | undefined) => {
    const current = latestOrder.current;
    if (!overId || overId === activeId) return placeOf(activeId, current);
    if (current.some((section) => section.id === activeId)) return sectionPlaceWords(current, overId);
    if (overId.startsWith("drop:")) return `the empty section “${titles.section(overId.slice(5))}”`;
    return lessonPlaceWords(current, overId, titles);
  };
  const announcements: Announcements = {
    onDragStart: ({ active: picked }) => {
      justPickedUp.current = true;
      return `Picked up ${describe(String(picked.id))}, at ${placeOf(String(picked.id), latestOrder.current)}.`;
    },
    onDragOver: ({ active: dragged, over }) => {
      // Being over its own place right after pickup would drown out "Picked up…".
      const first = justPickedUp.current;
      justPickedUp.current = false;
      if (first && over?.id === dragged.id) return undefined;
      return over ? `${describe(String(dragged.id))} is over ${placeOver(String(dragged.id), String(over.id))}.` : `${describe(String(dragged.id))} is not over a place it can go.`;
    },
    onDragEnd: ({ active: dropped, over }) =>
      over ? `Dropped ${describe(String(dropped.id))} at ${placeOver(String(dropped.id), String(over.id))}.` : `${describe(String(dropped.id))} was dropped where it can't go; nothing moved.`,
    onDragCancel: ({ active: dropped }) => `Moving ${describe(String(dropped.id))} was cancelled; it is back where it was.`,
  };

  const curriculum: Curriculum = {
    courseId: course.id,
    editable,
    order,
    orderKey,
    dragging: active?.kind ?? null,
    sectionTitle: titles.section,
    lessonTitle: titles.lesson,
    move,
    focusTarget,
    setFocusTarget,
    announce: setAnnouncement,
  };

  const lessonCount = course.sections.reduce((sum, section) => sum + section.lessons.length, 0);
  const sectionsById = new Map(course.sections.map((section) => [section.id, section]));

  return (
    <CurriculumContext.Provider value={curriculum}>
      <Card aria-labelledby="curriculum-title">
        <CardHeader>
          <CardTitle id="curriculum-title">Curriculum</CardTitle>
          <CardDescription>
            {course.sections.length === 0
              ? "Sections group lessons, like the chapters of a book."
              : `${course.sections.length} ${course.sections.length === 1 ? "section" : "sections"} · ${lessonCount} ${lessonCount === 1 ? "lesson" : "lessons"}${course.duration_seconds > 0 ? ` · ${formatDuration(course.duration_seconds)}` : ""}.`}
            {editable && course.sections.length > 0 && " Drag the handles, or use the arrow buttons, to change the order."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 px-3 sm:px-6">
          {course.sections.length === 0 ? (
            <EmptyState icon={Layers} title="No sections yet">
              {editable ? "Add the first section below, then add lessons to it." : "This course has no sections yet."}
            </EmptyState>
          ) : (
            <DndContext
              sensors={sensors}
              collisionDetection={collisionDetection}
              measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
              accessibility={{ announcements, screenReaderInstructions }}
              onDragStart={onDragStart}
              onDragOver={onDragOver}
              onDragEnd={onDragEnd}
              onDragCancel={onDragCancel}
            >
              <SortableContext items={order.map((section) => section.id)} strategy={verticalListSortingStrategy}>
                <ol className="grid gap-4" aria-label="Sections">
                  {order.map((entry, index) => {
                    const section = sectionsById.get(entry.id);
                    return section ? <SectionCard key={section.id} section={section} lessonIds={entry.lesson_ids} index={index} allSections={course.sections} /> : null;
                  })}
                </ol>
              </SortableContext>
              <DragOverlay>{active ? <DragPreview title={active.kind === "section" ? titles.section(active.id) : titles.lesson(active.id)} /> : null}</DragOverlay>
            </DndContext>
          )}
          {editable && <AddSectionForm courseId={course.id} existing={course.sections.map((section) => section.id)} />}
          <p className="sr-only" aria-live="polite" role="status">
            {announcement}
          </p>
        </CardContent>
      </Card>
    </CurriculumContext.Provider>
  );
}

function DragPreview({ title }: { title: string }) {
  return (
    <div className="flex cursor-grabbing items-center gap-2 rounded-lg border border-primary bg-surface px-3 py-2.5 text-sm font-medium shadow-lg">
      <GripVertical className="size-4 text-muted-foreground" aria-hidden />
      {title}
    </div>
  );
}
