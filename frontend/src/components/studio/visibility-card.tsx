"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";
import { useSetVisibility, type Visibility } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { StudioCourse } from "@/lib/api/models";
import { cn } from "@/lib/class-names";

const OPTIONS: { value: Visibility; label: string; text: string }[] = [
  { value: "published", label: "Public", text: "Listed in the catalog and search; anyone can enrol." },
  { value: "unlisted", label: "Unlisted", text: "Not listed anywhere; people with the link can still find and enrol." },
  { value: "archived", label: "Archived", text: "Hidden from everyone new. Enrolled students keep their access." },
];

/** Public, unlisted or archived, for a course that passed review; the owner's call. */
export function VisibilityCard({ course }: { course: StudioCourse }) {
  const setVisibility = useSetVisibility(course.id);
  const [choice, setChoice] = useState<Visibility>(course.status as Visibility);
  const changed = choice !== course.status;

  const save = () =>
    setVisibility.mutate(choice, {
      onSuccess: () => toast.success(`The course is now ${OPTIONS.find((option) => option.value === choice)?.label.toLowerCase()}.`),
      onError: (error) => toast.error(describeError(error)),
    });

  return (
    <Card aria-labelledby="visibility-title">
      <CardHeader>
        <CardTitle id="visibility-title">Visibility</CardTitle>
        <CardDescription>
          {course.can_manage ? "Who can find the course. Changing it doesn't need another review." : "Only the course's owner or an admin can change who can find the course."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <fieldset className="grid gap-2" disabled={!course.can_manage || setVisibility.isPending}>
          <legend className="sr-only">Visibility</legend>
          {OPTIONS.map((option) => (
            <label
              key={option.value}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border border-border p-3 transition-colors has-[:checked]:border-primary has-[:checked]:bg-accent/40 has-[:disabled]:cursor-not-allowed",
              )}
            >
              <input
                type="radio"
                name="visibility"
                value={option.value}
                checked={choice === option.value}
                onChange={() => setChoice(option.value)}
                className="mt-1 size-4 accent-[var(--primary)]"
              />
              <span className="grid gap-0.5">
                <span className="font-medium">
                  {option.label}
                  {course.status === option.value && <span className="font-normal text-muted-foreground"> (current)</span>}
                </span>
                <span className="text-sm text-muted-foreground">{option.text}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {course.can_manage && (
          <div className="flex flex-wrap gap-2">
            <Button onClick={save} disabled={!changed} pending={setVisibility.isPending}>
              Change visibility
            </Button>
            {changed && (
              <Button variant="ghost" onClick={() => setChoice(course.status as Visibility)}>
                Cancel
              </Button>
            )}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
