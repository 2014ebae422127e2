"use client";

import { keepPreviousData, type QueryClient, type QueryKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { draftId, patchCourseNote, patchInPlace, patchItem, withItem, withoutCourseNote, withoutItem } from "@/components/notes/note-list";
import { api } from "@/lib/api/client";
import type { Bookmark, CourseNotes, Note } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

// Every edit shows at once (optimistic) and is undone if the API refuses it: the lists are put
// back as they were, and the caller hears of the error.

type Snapshot = [QueryKey, unknown][];

async function snapshot(queryClient: QueryClient, ...prefixes: QueryKey[]): Promise<Snapshot> {
  await Promise.all(prefixes.map((queryKey) => queryClient.cancelQueries({ queryKey })));
  return prefixes.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }));
}

function restore(queryClient: QueryClient, saved: Snapshot | undefined) {
  for (const [key, data] of saved ?? []) queryClient.setQueryData(key, data);
}

const nowIso = () => new Date().toISOString();

// --- notes -------------------------------------------------------------------------------

/** The signed-in student's notes on a lesson. */
export function useLessonNotes(lessonId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.notes.lesson(lessonId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/lessons/{lesson_id}/notes", { params: { path: { lesson_id: lessonId } }, signal })),
    enabled,
  });
}

/** The student's notes in a course, optionally only those containing `q`. */
export function useCourseNotes(courseId: string, q: string) {
  return useQuery({
    queryKey: queryKeys.notes.course(courseId, q),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/courses/{course_id}/notes", { params: { path: { course_id: courseId }, query: q ? { q } : {} }, signal })),
    // While a new search runs, the last results stay (dimmed by the page) instead of a blank.
    placeholderData: keepPreviousData,
  });
}

type NewNote = { body: string; position_seconds: number | null };

export function useCreateNote(lessonId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.notes.lesson(lessonId);
  return useMutation({
    mutationFn: (note: NewNote) => unwrap(api.POST("/api/lessons/{lesson_id}/notes", { params: { path: { lesson_id: lessonId } }, body: note })),
    onMutate: async (note) => {
      const saved = await snapshot(queryClient, key);
      const draft: Note = {
        id: draftId(),
        lesson_id: lessonId,
        lesson_title: "",
        course_id: "",
        course_slug: "",
        course_title: "",
        created_at: nowIso(),
        updated_at: nowIso(),
        ...note,
      };
      const loaded = queryClient.getQueryData<Note[]>(key) !== undefined;
      queryClient.setQueryData<Note[]>(key, (list) => withItem(list ?? [], draft));
      return { saved, draftId: draft.id, loaded };
    },
    onError: (_error, _note, context) => restore(queryClient, context?.saved),
    onSuccess: (created, _note, context) => {
      queryClient.setQueryData<Note[]>(key, (list) => withItem(list ?? [], created, context?.draftId));
    },
    onSettled: (_note, _error, _input, context) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.notes.courses }),
        // Written before the list had loaded: the list is only the new note so far.
        context?.loaded === false && queryClient.invalidateQueries({ queryKey: key }),
      ]),
  });
}

type NoteChanges = { id: string; changes: { body?: string; position_seconds?: number | null } };

export function useUpdateNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: NoteChanges) => unwrap(api.PATCH("/api/notes/{note_id}", { params: { path: { note_id: id } }, body: changes })),
    onMutate: async ({ id, changes }) => {
      const saved = await snapshot(queryClient, queryKeys.notes.all);
      applyToNotes(queryClient, id, { ...changes, updated_at: nowIso() });
      return { saved };
    },
    onError: (_error, _input, context) => restore(queryClient, context?.saved),
    onSuccess: (updated) => applyToNotes(queryClient, updated.id, updated),
    // A search's matches may have changed with the text.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notes.courses }),
  });
}

function applyToNotes(queryClient: QueryClient, id: string, changes: Partial<Note>) {
  queryClient.setQueriesData<Note[]>({ queryKey: queryKeys.notes.lessons }, (list) => list && patchItem(list, id, changes));
  queryClient.setQueriesData<CourseNotes>({ queryKey: queryKeys.notes.courses }, (data) => data && patchCourseNote(data, id, changes));
}

export function useDeleteNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: Note) => unwrap(api.DELETE("/api/notes/{note_id}", { params: { path: { note_id: note.id } } })),
    onMutate: async (note) => {
      const saved = await snapshot(queryClient, queryKeys.notes.all);
      queryClient.setQueriesData<Note[]>({ queryKey: queryKeys.notes.lessons }, (list) => list && withoutItem(list, note.id));
      queryClient.setQueriesData<CourseNotes>({ queryKey: queryKeys.notes.courses }, (data) => data && withoutCourseNote(data, note.id));
      return { saved };
    },
    onError: (_error, _note, context) => restore(queryClient, context?.saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notes.courses }),
  });
}

/** Undo of a delete: the note written again, where it was (it gets a new id). */
export function useRestoreNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: Note) =>
      unwrap(
        api.POST("/api/lessons/{lesson_id}/notes", {
          params: { path: { lesson_id: note.lesson_id } },
          body: { body: note.body, position_seconds: note.position_seconds },
        }),
      ),
    onSuccess: (created) => {
      queryClient.setQueryData<Note[]>(queryKeys.notes.lesson(created.lesson_id), (list) => list && withItem(list, created));
      return queryClient.invalidateQueries({ queryKey: queryKeys.notes.courses });
    },
  });
}

// --- bookmarks ---------------------------------------------------------------------------

export function useLessonBookmarks(lessonId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.bookmarks.lesson(lessonId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/lessons/{lesson_id}/bookmarks", { params: { path: { lesson_id: lessonId } }, signal })),
    enabled,
  });
}

export function useCourseBookmarks(courseId: string) {
  return useQuery({
    queryKey: queryKeys.bookmarks.course(courseId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/courses/{course_id}/bookmarks", { params: { path: { course_id: courseId } }, signal })),
  });
}

type NewBookmark = { position_seconds: number | null; label?: string };

/** Adds a bookmark; adding one that exists (same second, or the lesson again) answers with it. */
export function useAddBookmark(lessonId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.bookmarks.lesson(lessonId);
  return useMutation({
    mutationFn: (bookmark: NewBookmark) =>
      unwrap(api.POST("/api/lessons/{lesson_id}/bookmarks", { params: { path: { lesson_id: lessonId } }, body: { label: "", ...bookmark } })),
    onMutate: async (bookmark) => {
      const saved = await snapshot(queryClient, key);
      const draft: Bookmark = {
        id: draftId(),
        lesson_id: lessonId,
        lesson_title: "",
        section_title: "",
        course_id: "",
        course_slug: "",
        label: bookmark.label ?? "",
        position_seconds: bookmark.position_seconds,
        created_at: nowIso(),
      };
      queryClient.setQueryData<Bookmark[]>(key, (list) => withItem(list ?? [], draft));
      return { saved, draftId: draft.id };
    },
    onError: (_error, _bookmark, context) => restore(queryClient, context?.saved),
    onSuccess: (bookmark, _input, context) => {
      queryClient.setQueryData<Bookmark[]>(key, (list) => withItem(list ?? [], bookmark, context?.draftId));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.bookmarks.courses }),
  });
}

export function useRelabelBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, label }: { id: string; label: string }) =>
      unwrap(api.PATCH("/api/bookmarks/{bookmark_id}", { params: { path: { bookmark_id: id } }, body: { label } })),
    onMutate: async ({ id, label }) => {
      const saved = await snapshot(queryClient, queryKeys.bookmarks.all);
      queryClient.setQueriesData<Bookmark[]>({ queryKey: queryKeys.bookmarks.all }, (list) => list && patchInPlace(list, id, { label }));
      return { saved };
    },
    onError: (_error, _input, context) => restore(queryClient, context?.saved),
    onSuccess: (updated) => {
      queryClient.setQueriesData<Bookmark[]>({ queryKey: queryKeys.bookmarks.all }, (list) => list && patchInPlace(list, updated.id, updated));
    },
  });
}

export function useDeleteBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bookmark: Bookmark) => unwrap(api.DELETE("/api/bookmarks/{bookmark_id}", { params: { path: { bookmark_id: bookmark.id } } })),
    onMutate: async (bookmark) => {
      const saved = await snapshot(queryClient, queryKeys.bookmarks.all);
      queryClient.setQueriesData<Bookmark[]>({ queryKey: queryKeys.bookmarks.all }, (list) => list && withoutItem(list, bookmark.id));
      return { saved };
    },
    onError: (_error, _bookmark, context) => restore(queryClient, context?.saved),
  });
}
