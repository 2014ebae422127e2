"use client";

import { ArrowLeft, Pencil, Send } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Markdown } from "@/components/catalog/markdown";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, Textarea } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { toast } from "@/components/ui/toaster";
import { useAttemptReview, useGradeAnswer, useReleaseAttempt } from "@/hooks/queries/grading";
import { describeError } from "@/lib/api/errors";
import type { AnswerIn, ReviewedAnswer } from "@/lib/api/models";
import { QUESTION_KIND_LABELS, formatPoints, parseNumber } from "@/lib/assessments/format";
import { formatDateTime } from "@/lib/locale/dates";
import { GradeHistory } from "./grade-history";
import { BuilderSkeleton } from "./quiz-builder";

/** One attempt as the team sees it: every answer beside the key, the written answers to grade,
 * any automatic grade to change (with a reason), releasing, and the history. */
export function AttemptGrader({ courseId, attemptId }: { courseId: string; attemptId: string }) {
  const review = useAttemptReview(attemptId);
  const release = useReleaseAttempt(attemptId);
  if (review.isPending) return <BuilderSkeleton />;
  if (review.isError) return <QueryError error={review.error} onRetry={() => void review.refetch()} />;
  const data = review.data;
  const waiting = data.answers.filter((answer) => answer.needs_grading).length;
  return (
    <div className="grid gap-6">
      <Link href={`/studio/courses/${encodeURIComponent(courseId)}#grading`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> Grading
      </Link>
      <header className="grid gap-1">
        <p className="text-sm font-medium text-muted-foreground">{data.lesson_title}</p>
        <h1 className="font-display text-2xl font-semibold tracking-tight sm:text-3xl">
          {data.student.display_name} · attempt {data.number}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          {data.submitted_at ? `Handed in ${formatDateTime(data.submitted_at)}` : "In progress"}
          {data.timed_out && <Badge>Time ran out</Badge>}
          {data.late && <Badge tone="warning">Late{data.penalty_percent ? `: −${data.penalty_percent}%` : ""}</Badge>}
        </p>
      </header>
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-border bg-surface p-4" data-testid="attempt-summary">
        <p className="text-lg font-semibold">
          {data.score === null ? (
            `${waiting} answer${waiting === 1 ? "" : "s"} to grade`
          ) : (
            <>
              {formatPoints(data.score)} / {formatPoints(data.max_score)} · {data.passed ? "passed" : `below the ${data.pass_percent}% pass mark`}
            </>
          )}
        </p>
        {data.released_at ? (
          <Badge tone="success">Released {formatDateTime(data.released_at)}</Badge>
        ) : (
          <Button
            pending={release.isPending}
            disabled={data.status !== "graded"}
            onClick={() => release.mutate(undefined, { onSuccess: () => toast.success("Released: the student has been told."), onError: (error) => toast.error(describeError(error)) })}
            data-testid="release-attempt"
          >
            <Send aria-hidden /> Release to the student
          </Button>
        )}
      </div>
      <ol className="grid gap-4">
        {data.answers.map((answer, index) => (
          <li key={answer.question_id}>
            <AnswerReview attemptId={attemptId} answer={answer} index={index} />
          </li>
        ))}
      </ol>
      <GradeHistory events={data.events} questionNumber={(id) => data.answers.findIndex((a) => a.question_id === id) + 1 || null} />
    </div>
  );
}

function describe(answer: ReviewedAnswer, given: AnswerIn | null | undefined): string {
  if (!given) return "No answer";
  const text = (id: string) => answer.shown.find((option) => option.id === id)?.text ?? id;
  if (given.choice) return text(given.choice);
  if (given.choices) return given.choices.map(text).join(", ");
  if (given.flag != null) return given.flag ? "True" : "False";
  if (given.number != null) return String(given.number);
  if (given.order) return given.order.map((id, i) => `${i + 1}. ${text(id)}`).join("  ");
  return given.text ?? "No answer";
}

function keyText(answer: ReviewedAnswer): string | null {
  const spec = answer.spec;
  switch (answer.kind) {
    case "single_choice":
    case "multiple_choice":
      return (spec.options ?? []).filter((o) => o.correct).map((o) => o.text).join(", ");
    case "true_false":
      return spec.answer_flag ? "True" : "False";
    case "short_text":
      return [...(spec.accepted ?? []), ...(spec.pattern ? [`/${spec.pattern}/`] : [])].join(" · ");
    case "numeric":
      return `${spec.number}${spec.tolerance ? ` ± ${spec.tolerance}` : ""}`;
    case "ordering":
      return (spec.items ?? []).map((item, i) => `${i + 1}. ${item.text}`).join("  ");
    default:
      return null;
  }
}

function AnswerReview({ attemptId, answer, index }: { attemptId: string; answer: ReviewedAnswer; index: number }) {
  const [open, setOpen] = useState(answer.needs_grading);
  const manual = answer.kind === "essay";
  const key = keyText(answer);
  return (
    <article className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:p-5" data-testid="reviewed-answer">
      <header className="flex flex-wrap items-center justify-between gap-2 text-xs">
        <span className="flex items-center gap-2 text-muted-foreground">
          Question {index + 1} <Badge>{QUESTION_KIND_LABELS[answer.kind]}</Badge>
        </span>
        <span className="flex items-center gap-2 font-semibold">
          {answer.needs_grading ? (
            <Badge tone="warning">To grade</Badge>
          ) : (
            <>
              {formatPoints(answer.points ?? 0)} / {formatPoints(answer.max_points)}
              {answer.overridden && <Badge tone="accent">Changed by hand (automatic: {formatPoints(answer.auto_points ?? 0)})</Badge>}
            </>
          )}
        </span>
      </header>
      <Markdown headingLevel={4}>{answer.prompt}</Markdown>
      <dl className="grid gap-1 text-sm">
        <div className="grid gap-0.5">
          <dt className="text-xs font-medium text-muted-foreground">Answer</dt>
          <dd className="whitespace-pre-line">{describe(answer, answer.answer)}</dd>
        </div>
        {key && (
          <div className="grid gap-0.5">
            <dt className="text-xs font-medium text-muted-foreground">Right answer</dt>
            <dd className="font-medium">{key}</dd>
          </div>
        )}
        {manual && answer.spec.guidance && (
          <div className="grid gap-0.5">
            <dt className="text-xs font-medium text-muted-foreground">Notes for graders</dt>
            <dd>{answer.spec.guidance}</dd>
          </div>
        )}
        {answer.comment && (
          <div className="grid gap-0.5">
            <dt className="text-xs font-medium text-muted-foreground">Your comment</dt>
            <dd>{answer.comment}</dd>
          </div>
        )}
      </dl>
      {open ? (
        <AnswerGradeForm attemptId={attemptId} answer={answer} manual={manual} onDone={() => setOpen(false)} />
      ) : (
        <Button variant="ghost" size="sm" className="w-fit" onClick={() => setOpen(true)}>
          <Pencil aria-hidden /> {manual ? "Change the grade" : "Change the automatic grade"}
        </Button>
      )}
    </article>
  );
}

function AnswerGradeForm({ attemptId, answer, manual, onDone }: { attemptId: string; answer: ReviewedAnswer; manual: boolean; onDone: () => void }) {
  const [points, setPoints] = useState(answer.points === null ? "" : String(answer.points));
  const [comment, setComment] = useState(answer.comment);
  const [reason, setReason] = useState("");
  const grade = useGradeAnswer(attemptId);
  const value = parseNumber(points);
  const valid = value !== null && value >= 0 && value <= answer.max_points && (manual || reason.trim().length > 0);
  return (
    <form
      aria-label={`Grade question`}
      className="grid gap-3 rounded-lg bg-muted/50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (value === null) return;
        grade.mutate(
          { questionId: answer.question_id, points: value, comment, reason },
          {
            onSuccess: () => {
              toast.success(manual ? "Answer graded." : "Grade changed; the history keeps both.");
              onDone();
            },
          },
        );
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
        <FormField label={`Points (of ${formatPoints(answer.max_points)})`}>
          <Input inputMode="decimal" value={points} onChange={(event) => setPoints(event.target.value)} />
        </FormField>
        <FormField label="Comment for the student">
          <Textarea rows={2} value={comment} onChange={(event) => setComment(event.target.value)} />
        </FormField>
      </div>
      {!manual && (
        <FormField label="Why you change it (required)" hint="The student and the grade's history see the reason.">
          <Input value={reason} onChange={(event) => setReason(event.target.value)} />
        </FormField>
      )}
      {grade.isError && <Alert tone="error">{describeError(grade.error)}</Alert>}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" size="sm" pending={grade.isPending} disabled={!valid}>
          {manual ? "Save grade" : "Change grade"}
        </Button>
      </div>
    </form>
  );
}
