// Pure logic of the notes and bookmarks lists: their order, the optimistic edits applied to the
// cached lists before the API answers, and where a timestamp leads.
import type { Bookmark, CourseNotes, Note } from "@/lib/api/models";

type Placed = { id: string; position_seconds: number | null; created_at: string };

/** The API's order: notes on the whole lesson first, then by moment, then as written. */
export function comparePlaced(a: Placed, b: Placed): number {
  if (a.position_seconds === null || b.position_seconds === null) {
    if (a.position_seconds !== b.position_seconds) return a.position_seconds === null ? -1 : 1;
  } else if (a.position_seconds !== b.position_seconds) {
    return a.position_seconds - b.position_seconds;
  }
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `list` with `item` added, or replacing the one with its id (or with `replacing`), in order. */
export function withItem<T extends Placed>(list: readonly T[], item: T, replacing: string = item.id): T[] {
  return [...list.filter((entry) => entry.id !== replacing && entry.id !== item.id), item].sort(comparePlaced);
}

export function withoutItem<T extends { id: string }>(list: readonly T[], id: string): T[] {
  return list.filter((entry) => entry.id !== id);
}

/** `list` with the changes made to one note (its order kept right if it moved). */
export function patchItem<T extends Placed>(list: readonly T[], id: string, changes: Partial<T>): T[] {
  const found = list.find((entry) => entry.id === id);
  return found ? withItem(list, { ...found, ...changes }) : [...list];
}

/** `list` with the changes made to one entry, where it was (a course-wide list keeps its order). */
export function patchInPlace<T extends { id: string }>(list: readonly T[], id: string, changes: Partial<T>): T[] {
  return list.map((entry) => (entry.id === id ? { ...entry, ...changes } : entry));
}

/** A course's notes with the changes made to one of them. */
export function patchCourseNote(data: CourseNotes, id: string, changes: Partial<Note>): CourseNotes {
  return {
    ...data,
    lessons: data.lessons.map((lesson) =>
      lesson.notes.some((note) => note.id === id) ? { ...lesson, notes: patchItem(lesson.notes, id, changes) } : lesson,
    ),
  };
}

/** A course's notes without one; a lesson left without notes leaves the list. */
export function withoutCourseNote(data: CourseNotes, id: string): CourseNotes {
  let removed = 0;
  const lessons = data.lessons
    .map((lesson) => {
      const notes = withoutItem(lesson.notes, id);
      removed += lesson.notes.length - notes.length;
      return notes.length === lesson.notes.length ? lesson : { ...lesson, notes };
    })
    .filter((lesson) => lesson.notes.length > 0);
  return { ...data, lessons, total: data.total - removed };
}

let counter = 0;

/** An id for a note shown before the API has given it one. */
export function draftId(): string {
  counter += 1;
  return `draft-${Date.now().toString(36)}-${counter}`;
}

export function isDraft(id: string): boolean {
  return id.startsWith("draft-");
}

/** The lesson page at a moment: the video starts there (`?t=`); null is the lesson itself. */
export function momentHref(lessonPage: string, seconds: number | null): string {
  return seconds === null ? lessonPage : `${lessonPage}?t=${Math.floor(seconds)}`;
}

/** How a bookmark reads: its label, else what it marks. */
export function bookmarkTitle(bookmark: Pick<Bookmark, "label" | "position_seconds">, clock: (seconds: number) => string): string {
  if (bookmark.label) return bookmark.label;
  return bookmark.position_seconds === null ? "The whole lesson" : `Moment at ${clock(bookmark.position_seconds)}`;
}

/** Where "n" puts a note on a video: its current whole second. */
export function noteMoment(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
}
