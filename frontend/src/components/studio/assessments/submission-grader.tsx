"use client";

import { ArrowLeft, Send } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { SubmissionBody } from "@/components/assessments/assignment-panel";
import { MarkdownField } from "@/components/studio/markdown-field";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { toast } from "@/components/ui/toaster";
import { useGradeSubmission, useReleaseSubmission, useSubmissionReview } from "@/hooks/queries/grading";
import { describeError } from "@/lib/api/errors";
import type { SubmissionReview } from "@/lib/api/models";
import { formatPoints, parseNumber } from "@/lib/assessments/format";
import { formatDateTime } from "@/lib/locale/dates";
import { cn } from "@/lib/class-names";
import { GradeHistory } from "./grade-history";
import { BuilderSkeleton } from "./quiz-builder";

/** Grading one submission: the student's work on one side, the rubric (or points), a comment
 * and releasing on the other; the student's other submissions and the grade's history below. */
export function SubmissionGrader({ courseId, submissionId }: { courseId: string; submissionId: string }) {
  const review = useSubmissionReview(submissionId);
  if (review.isPending) return <BuilderSkeleton />;
  if (review.isError) return <QueryError error={review.error} onRetry={() => void review.refetch()} />;
  const data = review.data;
  const submission = data.submission;
  return (
    <div className="grid gap-6">
      <Link href={`/studio/courses/${encodeURIComponent(courseId)}#grading`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> Grading
      </Link>
      <header className="grid gap-1">
        <p className="text-sm font-medium text-muted-foreground">{data.lesson_title}</p>
        <h1 className="font-display text-2xl font-semibold tracking-tight sm:text-3xl">{data.student.display_name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          {data.student.email} · submission {submission.number}, handed in {formatDateTime(submission.submitted_at)}
          {submission.late && <Badge tone="warning">Late{submission.penalty_percent ? `: −${submission.penalty_percent}%` : ""}</Badge>}
          {!data.is_latest && <Badge>An earlier submission</Badge>}
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <section aria-label="The submission" className="rounded-xl border border-border bg-surface">
          <SubmissionBody submission={submission} />
        </section>
        <GradeForm key={`${submission.id}-${submission.grade?.graded_at ?? ""}`} review={data} submissionId={submissionId} />
      </div>
      {data.history.length > 1 && (
        <section aria-labelledby="history-title" className="grid gap-2">
          <h2 id="history-title" className="font-semibold">
            All submissions
          </h2>
          <ul className="grid gap-1 text-sm">
            {data.history.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/studio/courses/${encodeURIComponent(courseId)}/submissions/${entry.id}`} className={cn("font-medium text-primary hover:underline", entry.id === submission.id && "text-foreground")}>
                  Submission {entry.number}
                </Link>
                <span className="text-muted-foreground">{formatDateTime(entry.submitted_at)}</span>
                {entry.late && <Badge tone="warning">Late</Badge>}
                {entry.points !== null && <span>{formatPoints(entry.points)} pts</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <GradeHistory events={data.events} />
    </div>
  );
}

function GradeForm({ review, submissionId }: { review: SubmissionReview; submissionId: string }) {
  const grade = review.submission.grade;
  const [levels, setLevels] = useState<Record<string, string>>(review.rubric_levels);
  const [points, setPoints] = useState(grade ? String(grade.raw_points) : "");
  const [comment, setComment] = useState(grade?.comment ?? "");
  const save = useGradeSubmission(submissionId);
  const release = useReleaseSubmission(submissionId);
  const group = useId();
  const rubric = review.rubric;
  const raw = rubric.length
    ? rubric.reduce((sum, criterion) => sum + (criterion.levels.find((level) => level.id === levels[criterion.id ?? ""])?.points ?? 0), 0)
    : (parseNumber(points) ?? 0);
  const penalty = review.submission.penalty_percent;
  const total = Math.round(raw * (100 - penalty)) / 100;
  const complete = rubric.length ? rubric.every((criterion) => levels[criterion.id ?? ""]) : parseNumber(points) !== null;
  const released = grade?.released_at != null;

  const send = (alsoRelease: boolean) =>
    save.mutate(
      { rubric_levels: levels, points: rubric.length ? null : parseNumber(points), comment, release: alsoRelease },
      { onSuccess: () => toast.success(alsoRelease ? "Graded and released: the student has been told." : released ? "Grade updated: the student has been told." : "Grade saved.") },
    );

  return (
    <form
      aria-label="Grade"
      className="grid gap-4 rounded-xl border border-border bg-surface p-4 sm:p-5 lg:sticky lg:top-20"
      onSubmit={(event) => {
        event.preventDefault();
        send(false);
      }}
    >
      <h2 className="font-semibold">Grade</h2>
      {rubric.length > 0 ? (
        rubric.map((criterion) => (
          <fieldset key={criterion.id} className="grid gap-1.5" data-testid="rubric-choice">
            <legend className="text-sm font-medium">{criterion.title}</legend>
            {criterion.description && <p className="text-xs text-muted-foreground">{criterion.description}</p>}
            <div className="grid gap-1.5">
              {criterion.levels.map((level) => (
                <label
                  key={level.id}
                  className="flex cursor-pointer items-center justify-between gap-2 rounded-md border border-border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent/60 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
                >
                  <span className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={`${group}-${criterion.id}`}
                      className="size-4 accent-primary"
                      checked={levels[criterion.id ?? ""] === level.id}
                      onChange={() => setLevels((now) => ({ ...now, [criterion.id ?? ""]: level.id ?? "" }))}
                    />
                    {level.title}
                  </span>
                  <span className="tabular-nums text-muted-foreground">{formatPoints(level.points)} pts</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))
      ) : (
        <FormField label={`Points (out of ${formatPoints(review.max_points)})`}>
          <Input inputMode="decimal" value={points} onChange={(event) => setPoints(event.target.value)} />
        </FormField>
      )}
      <p className="text-sm" data-testid="grade-total">
        Total: <strong>{formatPoints(total)}</strong> / {formatPoints(review.max_points)}
        {penalty > 0 && <span className="text-muted-foreground"> (after the {penalty}% late penalty)</span>}
      </p>
      <MarkdownField label="Comment for the student" rows={4} value={comment} onChange={setComment} />
      {(save.isError || release.isError) && <Alert tone="error">{describeError(save.error ?? release.error)}</Alert>}
      {released ? (
        <div className="grid gap-2">
          <p className="text-sm text-muted-foreground">Released {formatDateTime(grade?.released_at)}. Saving a change updates the student&apos;s grade and tells them.</p>
          <Button type="submit" pending={save.isPending} disabled={!complete}>
            Update grade
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" pending={save.isPending && !save.variables?.release} disabled={!complete}>
            Save for later
          </Button>
          <Button type="button" pending={save.isPending && save.variables?.release} disabled={!complete} onClick={() => send(true)} data-testid="grade-and-release">
            <Send aria-hidden /> Save and release
          </Button>
          {grade && (
            <Button type="button" variant="ghost" pending={release.isPending} onClick={() => release.mutate(undefined, { onSuccess: () => toast.success("Released: the student has been told.") })}>
              Release the saved grade
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
