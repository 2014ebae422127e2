"use client";

import { createContext, useContext } from "react";
import type { SectionOrder } from "./curriculum-order";

/** A control to put the keyboard on once the curriculum shows `order` (a move has landed). */
export type FocusTarget = { id: string; control: "up" | "down" | "menu" | "add-lesson"; order: string | null };

export type Curriculum = {
  courseId: string;
  editable: boolean;
  order: SectionOrder[];
  /** `JSON.stringify(order)`, to compare with a focus target's. */
  orderKey: string;
  dragging: "section" | "lesson" | null;
  sectionTitle: (id: string) => string;
  lessonTitle: (id: string) => string;
  /** Sends a new order (optimistically), announces it and keeps the keyboard on `focus`. */
  move: (next: SectionOrder[] | null, focus: Omit<FocusTarget, "order">) => void;
  focusTarget: FocusTarget | null;
  setFocusTarget: (target: FocusTarget | null) => void;
  announce: (message: string) => void;
};

export const CurriculumContext = createContext<Curriculum | null>(null);

export function useCurriculum(): Curriculum {
  const value = useContext(CurriculumContext);
  if (!value) throw new Error("useCurriculum needs a CurriculumContext provider");
  return value;
}

/** The target control, once the move it follows is on screen; null otherwise. */
export function focusFor(curriculum: Curriculum, id: string): FocusTarget["control"] | null {
  const target = curriculum.focusTarget;
  if (!target || target.id !== id) return null;
  if (target.order !== null && target.order !== curriculum.orderKey) return null;
  return target.control;
}
