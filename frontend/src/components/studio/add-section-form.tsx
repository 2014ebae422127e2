"use client";

import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { describeError } from "@/lib/api/errors";
import { useAddSection } from "@/hooks/queries/studio";
import { useCurriculum } from "./curriculum-context";

/** "Add section" under the list; the new section's "New lesson title" field gets the keyboard next. */
export function AddSectionForm({ courseId, existing }: { courseId: string; existing: string[] }) {
  const add = useAddSection(courseId);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const curriculum = useCurriculum();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = title.trim();
    if (!name) return setError("Name the section first.");
    setError(null);
    add.mutate(name, {
      onSuccess: (course) => {
        setTitle("");
        const created = course.sections.find((section) => !existing.includes(section.id));
        if (!created) return;
        curriculum.setFocusTarget({ id: created.id, control: "add-lesson", order: null });
        curriculum.announce(`Added section “${name}”. Add its first lesson next.`);
      },
      onError: (failure) => setError(describeError(failure)),
    });
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-1.5 rounded-xl border border-dashed border-border p-3">
      <label htmlFor={`new-section-${courseId}`} className="text-sm font-medium">
        New section title
      </label>
      <div className="flex flex-wrap gap-2">
        <Input
          id={`new-section-${courseId}`}
          value={title}
          maxLength={120}
          placeholder="e.g. Getting started"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `new-section-${courseId}-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
          className="min-w-0 flex-1 basis-48"
        />
        <Button type="submit" pending={add.isPending}>
          {!add.isPending && <Plus aria-hidden />} Add section
        </Button>
      </div>
      {error && (
        <p id={`new-section-${courseId}-error`} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      )}
    </form>
  );
}
