"use client";

import type { useSortable } from "@dnd-kit/sortable";
import { GripVertical } from "lucide-react";

type Sortable = Pick<ReturnType<typeof useSortable>, "attributes" | "listeners" | "setActivatorNodeRef" | "isDragging">;

/** The grip a row is dragged by, with the mouse, a finger, or the keyboard (space, arrows, space). */
export function DragHandle({ label, sortable }: { label: string; sortable: Sortable }) {
  return (
    <button
      type="button"
      ref={sortable.setActivatorNodeRef}
      {...sortable.attributes}
      {...sortable.listeners}
      aria-label={label}
      className="flex size-9 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground active:cursor-grabbing aria-pressed:bg-accent aria-pressed:text-accent-foreground"
    >
      <GripVertical className="size-4" aria-hidden />
    </button>
  );
}
