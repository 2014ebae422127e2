"use client";

import { Plus, Save, Trash2, X } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { useStudioAssignment, useUpdateAssignment } from "@/hooks/queries/grading";
import { describeError, isApiError } from "@/lib/api/errors";
import type { AssignmentUpdate, RubricCriterion, StudioAssignment } from "@/lib/api/models";
import { FILE_KIND_LABELS, formatFileSize, formatPoints, parseNumber } from "@/lib/assessments/format";
import { BuilderHeader } from "./builder-header";
import { type DueDraft, DueFields, dueChanges } from "./due-fields";
import { BuilderSkeleton } from "./quiz-builder";

type LevelDraft = { id: string | null; title: string; description: string; points: string };
type CriterionDraft = { id: string | null; title: string; description: string; levels: LevelDraft[] };
type Draft = DueDraft & {
  points: string;
  acceptsText: boolean;
  acceptsFiles: boolean;
  fileKinds: string[];
  maxFiles: string;
  rubric: CriterionDraft[];
};

function draftOf(assignment: StudioAssignment): Draft {
  return {
    dueLocal: assignment.due_local ? assignment.due_local.slice(0, 16) : "",
    latePolicy: assignment.late_policy,
    penalty: String(assignment.late_penalty_percent),
    points: String(assignment.points),
    acceptsText: assignment.accepts_text,
    acceptsFiles: assignment.accepts_files,
    fileKinds: assignment.file_kinds,
    maxFiles: String(assignment.max_files),
    rubric: assignment.rubric.map((c) => ({
      id: c.id ?? null,
      title: c.title,
      description: c.description ?? "",
      levels: c.levels.map((l) => ({ id: l.id ?? null, title: l.title, description: l.description ?? "", points: String(l.points) })),
    })),
  };
}

const newCriterion = (): CriterionDraft => ({
  id: null,
  title: "",
  description: "",
  levels: [
    { id: null, title: "Missing", description: "", points: "0" },
    { id: null, title: "Good", description: "", points: "5" },
    { id: null, title: "Excellent", description: "", points: "10" },
  ],
});

function rubricOut(rubric: CriterionDraft[]): RubricCriterion[] {
  return rubric.map((c) => ({
    ...(c.id ? { id: c.id } : {}),
    title: c.title.trim(),
    description: c.description,
    levels: c.levels.map((l) => ({ ...(l.id ? { id: l.id } : {}), title: l.title.trim(), description: l.description, points: parseNumber(l.points) ?? 0 })),
  }));
}

function rubricTotal(rubric: CriterionDraft[]): number {
  return rubric.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => parseNumber(l.points) ?? 0)), 0);
}

/** The studio's assignment builder: due date and late policy, what students hand in, and the
 * rubric grades are given by. (The instructions are the lesson's text, in the curriculum.) */
export function AssignmentBuilder({ lessonId }: { lessonId: string }) {
  const assignment = useStudioAssignment(lessonId);
  if (assignment.isPending) return <BuilderSkeleton />;
  if (assignment.isError) return <QueryError error={assignment.error} onRetry={() => void assignment.refetch()} />;
  const data = assignment.data;
  return (
    <div className="grid gap-6">
      <BuilderHeader
        courseId={data.course_id}
        courseSlug={data.course_slug}
        courseTitle={data.course_title}
        lessonId={data.lesson_id}
        title={data.lesson_title}
        kind="Assignment"
        editable={data.editable}
      />
      {data.submissions_so_far > 0 && (
        <p className="text-sm text-muted-foreground">
          {data.submissions_so_far} submission{data.submissions_so_far === 1 ? "" : "s"} so far. Grading is on the course&apos;s Grading tab.
        </p>
      )}
      <AssignmentForm key={data.lesson_id} assignment={data} />
    </div>
  );
}

function AssignmentForm({ assignment }: { assignment: StudioAssignment }) {
  const [draft, setDraft] = useState(() => draftOf(assignment));
  const update = useUpdateAssignment(assignment.lesson_id);
  const disabled = !assignment.editable;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((now) => ({ ...now, [key]: value }));
  const setCriterion = (index: number, change: (c: CriterionDraft) => CriterionDraft) =>
    setDraft((now) => ({ ...now, rubric: now.rubric.map((c, i) => (i === index ? change(c) : c)) }));
  const fieldError = (field: string) => (isApiError(update.error) ? update.error.fieldErrors.find((e) => e.field === field)?.message : undefined);

  const save = () => {
    const changes: AssignmentUpdate = {
      ...dueChanges(draft, assignment),
      points: parseNumber(draft.points) ?? assignment.points,
      accepts_text: draft.acceptsText,
      accepts_files: draft.acceptsFiles,
      file_kinds: draft.fileKinds,
      max_files: Math.round(Number(draft.maxFiles) || assignment.max_files),
      rubric: rubricOut(draft.rubric),
    };
    update.mutate(changes, {
      onSuccess: (saved) => {
        setDraft(draftOf(saved));
        toast.success("Assignment saved.");
      },
    });
  };

  return (
    <form
      aria-label="Assignment settings"
      className="grid gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Card aria-labelledby="due-title">
        <CardHeader>
          <CardTitle id="due-title">Due date</CardTitle>
        </CardHeader>
        <CardContent>
          <DueFields value={draft} timeZone={assignment.time_zone} disabled={disabled} onChange={(due) => setDraft((now) => ({ ...now, ...due }))} />
        </CardContent>
      </Card>

      <Card aria-labelledby="handin-title">
        <CardHeader>
          <CardTitle id="handin-title">What students hand in</CardTitle>
          <CardDescription>Files are checked by their content, not only their name; each may be up to {formatFileSize(assignment.file_max_bytes)}.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="flex flex-wrap gap-6">
            <label className="flex items-center gap-3 text-sm">
              <Switch checked={draft.acceptsText} disabled={disabled} onCheckedChange={(value) => set("acceptsText", value)} /> Text
            </label>
            <label className="flex items-center gap-3 text-sm">
              <Switch checked={draft.acceptsFiles} disabled={disabled} onCheckedChange={(value) => set("acceptsFiles", value)} /> Files
            </label>
          </div>
          {draft.acceptsFiles && (
            <>
              <fieldset className="grid gap-2">
                <legend className="mb-1 text-sm font-medium">File types</legend>
                {Object.entries(FILE_KIND_LABELS).map(([kind, label]) => (
                  <label key={kind} className="flex items-center gap-2 text-sm">
                    <Checkbox
                      checked={draft.fileKinds.includes(kind)}
                      disabled={disabled}
                      onCheckedChange={(checked) => set("fileKinds", checked === true ? [...draft.fileKinds, kind] : draft.fileKinds.filter((k) => k !== kind))}
                    />
                    {label}
                  </label>
                ))}
                {fieldError("file_kinds") && <p className="text-xs font-medium text-destructive">{fieldError("file_kinds")}</p>}
              </fieldset>
              <FormField label="Most files per submission">
                <Input inputMode="numeric" className="w-28" value={draft.maxFiles} disabled={disabled} onChange={(event) => set("maxFiles", event.target.value)} />
              </FormField>
            </>
          )}
        </CardContent>
      </Card>

      <Card aria-labelledby="rubric-title">
        <CardHeader>
          <CardTitle id="rubric-title">Rubric</CardTitle>
          <CardDescription>
            {draft.rubric.length
              ? `Criteria, each graded at one of its levels: ${formatPoints(rubricTotal(draft.rubric))} points in all. Students see the rubric.`
              : "Without a rubric you give points out of the total below. Add criteria to grade by levels instead."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {draft.rubric.length === 0 && (
            <FormField label="Points" error={fieldError("points")}>
              <Input inputMode="decimal" className="w-28" value={draft.points} disabled={disabled} onChange={(event) => set("points", event.target.value)} />
            </FormField>
          )}
          {draft.rubric.map((criterion, index) => (
            <fieldset key={index} className="grid gap-3 rounded-lg border border-border p-3" data-testid="rubric-criterion">
              <legend className="px-1 text-sm font-medium">Criterion {index + 1}</legend>
              <div className="flex items-start gap-2">
                <div className="grid flex-1 gap-2 sm:grid-cols-2">
                  <Input aria-label={`Criterion ${index + 1} title`} placeholder="e.g. Argument" value={criterion.title} disabled={disabled} onChange={(event) => setCriterion(index, (c) => ({ ...c, title: event.target.value }))} />
                  <Input
                    aria-label={`Criterion ${index + 1} description`}
                    placeholder="What it looks at (optional)"
                    value={criterion.description}
                    disabled={disabled}
                    onChange={(event) => setCriterion(index, (c) => ({ ...c, description: event.target.value }))}
                  />
                </div>
                <Button type="button" variant="ghost" size="icon" className="size-10 text-destructive" aria-label={`Remove criterion ${index + 1}`} disabled={disabled} onClick={() => set("rubric", draft.rubric.filter((_, i) => i !== index))}>
                  <Trash2 aria-hidden />
                </Button>
              </div>
              <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                {criterion.levels.map((level, levelIndex) => (
                  <li key={levelIndex} className="flex items-center gap-1.5 rounded-md bg-muted/50 p-2">
                    <Input
                      aria-label={`Criterion ${index + 1}, level ${levelIndex + 1}`}
                      value={level.title}
                      disabled={disabled}
                      className="h-9"
                      onChange={(event) => setCriterion(index, (c) => ({ ...c, levels: c.levels.map((l, i) => (i === levelIndex ? { ...l, title: event.target.value } : l)) }))}
                    />
                    <Input
                      aria-label={`Points for criterion ${index + 1}, level ${levelIndex + 1}`}
                      inputMode="decimal"
                      value={level.points}
                      disabled={disabled}
                      className="h-9 w-16"
                      onChange={(event) => setCriterion(index, (c) => ({ ...c, levels: c.levels.map((l, i) => (i === levelIndex ? { ...l, points: event.target.value } : l)) }))}
                    />
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      className="size-8"
                      aria-label={`Remove level ${levelIndex + 1} of criterion ${index + 1}`}
                      disabled={disabled || criterion.levels.length <= 1}
                      onClick={() => setCriterion(index, (c) => ({ ...c, levels: c.levels.filter((_, i) => i !== levelIndex) }))}
                    >
                      <X aria-hidden />
                    </Button>
                  </li>
                ))}
              </ul>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="w-fit"
                disabled={disabled || criterion.levels.length >= 10}
                onClick={() => setCriterion(index, (c) => ({ ...c, levels: [...c.levels, { id: null, title: "", description: "", points: "0" }] }))}
              >
                <Plus aria-hidden /> Add a level
              </Button>
            </fieldset>
          ))}
          <Button type="button" variant="secondary" className="w-fit" disabled={disabled || draft.rubric.length >= 30} onClick={() => set("rubric", [...draft.rubric, newCriterion()])} data-testid="add-criterion">
            <Plus aria-hidden /> Add a criterion
          </Button>
        </CardContent>
      </Card>

      {update.isError && <Alert tone="error">{describeError(update.error)}</Alert>}
      {!disabled && (
        <div className="flex justify-end">
          <Button type="submit" pending={update.isPending} data-testid="save-assignment">
            <Save aria-hidden /> Save assignment
          </Button>
        </div>
      )}
    </form>
  );
}
