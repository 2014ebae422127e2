"use client";

import { ArrowLeft, ListChecks, Play, RotateCcw } from "lucide-react";
import { type ReactNode, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useAttempt, useGradeSeen, useStartAttempt, useStudentQuiz } from "@/hooks/queries/assessments";
import { describeError } from "@/lib/api/errors";
import type { StudentQuiz } from "@/lib/api/models";
import { formatLimit, formatPoints, latePolicyText } from "@/lib/assessments/format";
import { DueLine } from "./due-line";
import { QuizAttempt } from "./quiz-attempt";
import { QuizResult } from "./quiz-result";

const BLOCKED: Record<NonNullable<StudentQuiz["blocked_by"]>, string> = {
  no_questions: "The instructor hasn't added questions to this quiz yet.",
  no_attempts_left: "You have used every attempt at this quiz.",
  past_due: "The due date has passed and this quiz takes no late attempts.",
};

/** A quiz on its lesson page: its rules and the student's attempts, then taking it, then the
 * results. An attempt in progress opens by itself (after a reload, on another device). */
export function QuizPanel({ lessonId, timeZone }: { lessonId: string; timeZone: string }) {
  const quiz = useStudentQuiz(lessonId);
  const start = useStartAttempt(lessonId);
  const [open, setOpen] = useState<string | null>(null);
  const seen = useGradeSeen(lessonId);
  const inProgress = quiz.data?.in_progress_id ?? null;
  const showing = open ?? inProgress;
  const attempt = useAttempt(showing);

  const hasNewGrade = quiz.data?.grade?.new ?? false;
  const { mutate: markSeen } = seen;
  useEffect(() => {
    if (hasNewGrade) markSeen();
  }, [hasNewGrade, markSeen]);

  if (quiz.isPending) return <PanelSkeleton />;
  if (quiz.isError) return <QueryError error={quiz.error} onRetry={() => void quiz.refetch()} />;
  const data = quiz.data;

  if (showing) {
    if (attempt.isPending) return <PanelSkeleton />;
    if (attempt.isError) return <QueryError error={attempt.error} onRetry={() => void attempt.refetch()} />;
    const current = attempt.data;
    if (current.status === "in_progress") return <QuizAttempt key={current.id} lessonId={lessonId} attempt={current} onHandedIn={setOpen} />;
    return (
      <div className="grid gap-4">
        <Button variant="ghost" size="sm" className="w-fit" onClick={() => setOpen(null)}>
          <ArrowLeft aria-hidden /> Back to the quiz
        </Button>
        <QuizResult attempt={current} />
      </div>
    );
  }

  const left = data.max_attempts === null ? null : Math.max(0, data.max_attempts - data.attempts_used);
  return (
    <section aria-labelledby="quiz-title" className="grid gap-5 rounded-xl border border-border bg-surface p-5 sm:p-6" data-testid="quiz-panel">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id="quiz-title" className="flex items-center gap-2 text-lg font-semibold">
          <ListChecks className="size-5 text-primary" aria-hidden /> Quiz
        </h2>
        {data.grade && (
          <p className="flex items-center gap-2" data-testid="quiz-grade">
            <span className="text-sm text-muted-foreground">Your grade</span>
            <span className="font-semibold">
              {formatPoints(data.grade.points ?? 0)} / {formatPoints(data.grade.max_points)} ({data.grade.percent}%)
            </span>
            <Badge tone={data.grade.passed ? "success" : "warning"}>{data.grade.passed ? "Passed" : "Not passed yet"}</Badge>
          </p>
        )}
      </div>
      <ul className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Fact label="Questions">
          {data.question_count} · {formatPoints(data.points)} points
        </Fact>
        <Fact label="Time limit">{data.time_limit_seconds ? formatLimit(data.time_limit_seconds) : "None"}</Fact>
        <Fact label="Attempts">{left === null ? `As many as you like (${data.attempts_used} so far)` : `${left} of ${data.max_attempts} left`}</Fact>
        <Fact label="Pass mark">{data.pass_percent}%</Fact>
        {data.due_at && (
          <li className="sm:col-span-2">
            <DueLine dueAt={data.due_at} timeZone={timeZone} />
            <span className="block text-xs text-muted-foreground">{latePolicyText(data.late_policy, data.late_penalty_percent)}</span>
          </li>
        )}
      </ul>
      {data.time_limit_seconds && data.can_start && (
        <p className="text-sm text-muted-foreground">The clock starts when you start and keeps running if you leave; answers are saved as you go.</p>
      )}
      {data.blocked_by && <Alert tone={data.blocked_by === "no_questions" ? "info" : "warning"}>{BLOCKED[data.blocked_by]}</Alert>}
      {start.isError && <Alert tone="error">{describeError(start.error)}</Alert>}
      {data.can_start && (
        <div>
          <Button
            size="lg"
            pending={start.isPending}
            data-testid="start-quiz"
            onClick={() => start.mutate(undefined, { onSuccess: (made) => setOpen(made.id) })}
          >
            {data.attempts_used > 0 ? <RotateCcw aria-hidden /> : <Play aria-hidden />}
            {data.attempts_used > 0 ? "Try again" : "Start the quiz"}
          </Button>
        </div>
      )}
      {data.attempts.length > 0 && (
        <div className="grid gap-2">
          <h3 className="text-sm font-semibold">Your attempts</h3>
          <ul className="divide-y divide-border rounded-lg border border-border">
            {data.attempts.map((summary) => (
              <li key={summary.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm" data-testid="attempt-row">
                <span>
                  Attempt {summary.number}
                  {summary.timed_out && <span className="text-muted-foreground"> · time ran out</span>}
                  {summary.late && <span className="text-muted-foreground"> · late</span>}
                </span>
                <span className="flex items-center gap-2">
                  {summary.status === "in_progress" ? (
                    <Badge tone="accent">In progress</Badge>
                  ) : summary.released ? (
                    <>
                      <span className="font-medium">
                        {formatPoints(summary.score ?? 0)} / {formatPoints(summary.max_score)}
                      </span>
                      <Badge tone={summary.passed ? "success" : "warning"}>{summary.passed ? "Passed" : "Not passed"}</Badge>
                    </>
                  ) : (
                    <Badge>Waiting for grading</Badge>
                  )}
                  <Button variant="link" size="sm" onClick={() => setOpen(summary.id)}>
                    {summary.status === "in_progress" ? "Continue" : "Review"}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li className="flex gap-2">
      <span className="w-24 shrink-0 text-muted-foreground">{label}</span>
      <span className="font-medium">{children}</span>
    </li>
  );
}

export function PanelSkeleton() {
  return (
    <div className="grid gap-3 rounded-xl border border-border p-5" aria-busy="true">
      <Skeleton className="h-5 w-32" />
      <Skeleton className="h-4 w-full max-w-md" />
      <Skeleton className="h-4 w-2/3 max-w-sm" />
      <Skeleton className="h-10 w-40" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
