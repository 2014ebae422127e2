import type { CurriculumOrder, StudioSection } from "@/lib/api/models";

/** The curriculum as the API orders it: each section's id with its lessons' ids, in order. */
export type SectionOrder = CurriculumOrder["sections"][number];

export function orderOf(sections: readonly StudioSection[]): SectionOrder[] {
  return sections.map((section) => ({ id: section.id, lesson_ids: section.lessons.map((lesson) => lesson.id) }));
}

export function sameOrder(a: readonly SectionOrder[], b: readonly SectionOrder[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The sections and lessons rearranged as `order` says; anything `order` leaves out is kept at the end. */
export function applyOrder(sections: readonly StudioSection[], order: CurriculumOrder): StudioSection[] {
  const sectionsById = new Map(sections.map((section) => [section.id, section]));
  const lessonsById = new Map(sections.flatMap((section) => section.lessons.map((lesson) => [lesson.id, lesson] as const)));
  const placed = new Set<string>();
  const arranged = order.sections.flatMap((entry) => {
    const section = sectionsById.get(entry.id);
    if (!section) return [];
    placed.add(section.id);
    const lessons = entry.lesson_ids.flatMap((id) => {
      const lesson = lessonsById.get(id);
      if (!lesson) return [];
      lessonsById.delete(id);
      return [lesson];
    });
    return [{ ...section, lessons }];
  });
  const leftOver = sections
    .filter((section) => !placed.has(section.id))
    .map((section) => ({ ...section, lessons: section.lessons.filter((lesson) => lessonsById.has(lesson.id)) }));
  // Lessons the order forgot stay in the section they were in, at its end.
  const withStrays = arranged.map((section) => {
    const strays = sectionsById.get(section.id)?.lessons.filter((lesson) => lessonsById.has(lesson.id)) ?? [];
    return strays.length ? { ...section, lessons: [...section.lessons, ...strays] } : section;
  });
  return [...withStrays, ...leftOver];
}

export function moveSection(order: readonly SectionOrder[], sectionId: string, toIndex: number): SectionOrder[] {
  const from = order.findIndex((section) => section.id === sectionId);
  if (from < 0) return [...order];
  const target = Math.max(0, Math.min(order.length - 1, toIndex));
  const next = [...order];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(target, 0, moved);
  return next;
}

export function sectionOfLesson(order: readonly SectionOrder[], lessonId: string): SectionOrder | undefined {
  return order.find((section) => section.lesson_ids.includes(lessonId));
}

/** Moves a lesson to `toIndex` of section `toSectionId` (clamped), from wherever it is. */
export function moveLesson(order: readonly SectionOrder[], lessonId: string, toSectionId: string, toIndex: number): SectionOrder[] {
  if (!sectionOfLesson(order, lessonId) || !order.some((section) => section.id === toSectionId)) return [...order];
  const without = order.map((section) => ({ ...section, lesson_ids: section.lesson_ids.filter((id) => id !== lessonId) }));
  return without.map((section) => {
    if (section.id !== toSectionId) return section;
    const ids = [...section.lesson_ids];
    ids.splice(Math.max(0, Math.min(ids.length, toIndex)), 0, lessonId);
    return { ...section, lesson_ids: ids };
  });
}

/**
 * One step up or down, as the "Move up"/"Move down" buttons do: within the section, and past its
 * edge into the neighbouring section (last place when going up, first place when going down).
 * Null when there is nowhere to go.
 */
export function stepLesson(order: readonly SectionOrder[], lessonId: string, direction: -1 | 1): SectionOrder[] | null {
  const sectionIndex = order.findIndex((section) => section.lesson_ids.includes(lessonId));
  const section = order[sectionIndex];
  if (!section) return null;
  const index = section.lesson_ids.indexOf(lessonId);
  const target = index + direction;
  if (target >= 0 && target < section.lesson_ids.length) return moveLesson(order, lessonId, section.id, target);
  const neighbour = order[sectionIndex + direction];
  if (!neighbour) return null;
  return moveLesson(order, lessonId, neighbour.id, direction === -1 ? neighbour.lesson_ids.length : 0);
}

/** Where a lesson sits, in words for announcements: "position 2 of 4 in “Basics”". */
export function lessonPlace(order: readonly SectionOrder[], lessonId: string): { index: number; count: number; sectionId: string } | null {
  const section = sectionOfLesson(order, lessonId);
  if (!section) return null;
  return { index: section.lesson_ids.indexOf(lessonId), count: section.lesson_ids.length, sectionId: section.id };
}
