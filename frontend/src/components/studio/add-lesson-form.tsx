"use client";

import { Plus } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { useAddLesson } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { LessonKind } from "@/lib/api/models";
import { LESSON_KIND_LABELS } from "@/lib/format/course";
import { focusFor, useCurriculum } from "./curriculum-context";

/** A lesson title and its kind, added at the end of the section; the field stays ready for the next. */
export function AddLessonForm({ sectionId, sectionTitle }: { sectionId: string; sectionTitle: string }) {
  const curriculum = useCurriculum();
  const add = useAddLesson(curriculum.courseId);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<LessonKind>("article");
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const ids = { title: `new-lesson-${sectionId}`, kind: `new-lesson-kind-${sectionId}`, error: `new-lesson-${sectionId}-error` };

  const wanted = focusFor(curriculum, sectionId) === "add-lesson";
  useEffect(() => {
    if (!wanted) return;
    field.current?.focus();
    curriculum.setFocusTarget(null);
  }, [wanted, curriculum]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = title.trim();
    if (!name) return setError("Name the lesson first.");
    setError(null);
    add.mutate(
      { sectionId, title: name, kind },
      {
        onSuccess: () => {
          setTitle("");
          curriculum.announce(`Added ${LESSON_KIND_LABELS[kind].toLowerCase()} lesson “${name}” to “${sectionTitle}”.`);
          field.current?.focus();
        },
        onError: (failure) => setError(describeError(failure)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-1.5 border-t border-border p-2 sm:p-3" aria-label={`Add a lesson to ${sectionTitle}`}>
      <div className="flex flex-wrap gap-2">
        <label htmlFor={ids.title} className="sr-only">
          New lesson title
        </label>
        <Input
          ref={field}
          id={ids.title}
          value={title}
          maxLength={120}
          placeholder="New lesson title"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
          onChange={(event) => setTitle(event.target.value)}
          className="h-9 min-w-0 flex-1 basis-44"
        />
        <label htmlFor={ids.kind} className="sr-only">
          Lesson type
        </label>
        <NativeSelect id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as LessonKind)} className="h-9 w-auto">
          {Object.entries(LESSON_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" size="sm" variant="secondary" className="h-9" pending={add.isPending}>
          {!add.isPending && <Plus aria-hidden />} Add lesson
        </Button>
      </div>
      {error && (
        <p id={ids.error} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      )}
    </form>
  );
}
