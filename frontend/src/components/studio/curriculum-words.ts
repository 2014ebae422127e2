import type { SectionOrder } from "./curriculum-order";

type Titles = { section: (id: string) => string; lesson: (id: string) => string };

/** "position 2 of 3 in “Basics”", for announcing where a lesson is now. */
export function lessonPlaceWords(order: readonly SectionOrder[], lessonId: string, titles: Titles): string {
  const section = order.find((entry) => entry.lesson_ids.includes(lessonId));
  if (!section) return "";
  const index = section.lesson_ids.indexOf(lessonId);
  return `position ${index + 1} of ${section.lesson_ids.length} in section “${titles.section(section.id)}”`;
}

export function sectionPlaceWords(order: readonly SectionOrder[], sectionId: string): string {
  const index = order.findIndex((entry) => entry.id === sectionId);
  return index < 0 ? "" : `position ${index + 1} of ${order.length}`;
}

/** What a move did, said once the list shows it: "Moved lesson “Y” to position 1 of 2 in section “X”." */
export function movedWords(order: readonly SectionOrder[], id: string, titles: Titles): string {
  if (order.some((entry) => entry.id === id)) return `Moved section “${titles.section(id)}” to ${sectionPlaceWords(order, id)}.`;
  return `Moved lesson “${titles.lesson(id)}” to ${lessonPlaceWords(order, id, titles)}.`;
}
