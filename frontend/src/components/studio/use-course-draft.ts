"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/hooks/queries/keys";
import { useUpdateCourse } from "@/hooks/queries/studio";
import { isApiError } from "@/lib/api/errors";
import type { CourseUpdate, StudioCourse } from "@/lib/api/models";
import { courseChanges, draftFromCourse, draftProblems, rebaseDraft, sendable, type CourseDraft, type FieldProblems } from "./course-draft";
import { useAutosave } from "./use-autosave";

/**
 * The Details and Pricing tabs' shared draft, autosaved. It lives above the tabs so switching tab
 * keeps what was typed; fields the person hasn't touched follow the server.
 */
export function useCourseDraft(course: StudioCourse, editable: boolean) {
  const queryClient = useQueryClient();
  const { mutateAsync: patchCourse } = useUpdateCourse(course.id);
  const [draft, setDraft] = useState<CourseDraft>(() => draftFromCourse(course));
  const [base, setBase] = useState(course);
  if (base !== course) {
    // Adjusting state while rendering, as React recommends for "state derived from a prop change".
    setBase(course);
    setDraft((current) => rebaseDraft(current, base, course));
  }

  const problems = useMemo(() => draftProblems(draft), [draft]);
  const changes = useMemo(() => sendable(courseChanges(draft, course), problems), [draft, course, problems]);

  const courseId = course.id;
  const save = useCallback(
    (body: CourseUpdate) =>
      patchCourse(body).catch((error: unknown) => {
        // Someone submitted it meanwhile: show the read-only banner rather than keep trying.
        if (isApiError(error, "course_in_review")) void queryClient.invalidateQueries({ queryKey: queryKeys.studio.course(courseId) });
        throw error;
      }),
    [courseId, queryClient, patchCourse],
  );
  const autosave = useAutosave({ changes, save, hasProblems: Object.keys(problems).length > 0, enabled: editable });

  const touched = useRef(new Set<keyof CourseDraft>());
  const setField = useCallback(<K extends keyof CourseDraft>(field: K, value: CourseDraft[K]) => {
    touched.current.add(field);
    setDraft((current) => ({ ...current, [field]: value }));
  }, []);

  // Local problems show once the person has edited the field; the API's at once.
  const errors: FieldProblems = { ...autosave.serverErrors };
  for (const [field, message] of Object.entries(problems)) {
    const draftField = field === "price_amount" ? "price" : field;
    if (touched.current.has(draftField as keyof CourseDraft) || field === "price_amount") errors[field as keyof FieldProblems] = message;
  }

  return { draft, setField, errors, ...autosave };
}

export type CourseDraftState = ReturnType<typeof useCourseDraft>;
