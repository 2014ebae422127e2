"use client";

import { AlertTriangle, Check, CloudOff, Loader2, Send, Timer } from "lucide-react";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Markdown } from "@/components/catalog/markdown";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useSubmitAttempt } from "@/hooks/queries/assessments";
import { describeError } from "@/lib/api/errors";
import type { AttemptOut, AttemptQuestion } from "@/lib/api/models";
import { formatCountdown, formatPoints, isAnswered } from "@/lib/assessments/format";
import { cn } from "@/lib/class-names";
import { QuestionInput } from "./question-input";
import { type SaveState, useAnswerAutosave } from "./use-answer-autosave";

type QuizAttemptProps = {
  lessonId: string;
  attempt: AttemptOut;
  /** The attempt was handed in (by the student or the clock): show its result. */
  onHandedIn: (attemptId: string) => void;
};

/** Seconds left by the server's clock: the page's clock is corrected by what the server said. */
function useRemaining(deadline: string | null, serverNow: string): number | null {
  const offset = useRef(Date.parse(serverNow) - Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [deadline]);
  if (!deadline) return null;
  return (Date.parse(deadline) - (now + offset.current)) / 1000;
}

/** Taking an attempt: every question on one page, saved as the student answers, a countdown
 * when there is a time limit, and the hand-in (automatic when the time is up). */
export function QuizAttempt({ lessonId, attempt, onHandedIn }: QuizAttemptProps) {
  const submit = useSubmitAttempt(lessonId, attempt.id);
  const [timeUp, setTimeUp] = useState(false);
  const handingIn = useRef(false);
  const onClosed = useCallback(() => setTimeUp(true), []);
  const autosave = useAnswerAutosave(attempt.id, attempt.questions, onClosed);
  const remaining = useRemaining(attempt.deadline_at, attempt.server_now);
  const { takeUnsaved } = autosave;
  const { mutate } = submit;

  const handIn = useCallback(() => {
    if (handingIn.current) return;
    handingIn.current = true;
    mutate(takeUnsaved(), {
      onSuccess: (done) => onHandedIn(done.id),
      onError: () => {
        handingIn.current = false;
      },
    });
  }, [mutate, takeUnsaved, onHandedIn]);

  // Time's up (by the server's clock, or the server said so): hand in what there is.
  const expired = remaining !== null && remaining <= 0;
  useEffect(() => {
    if (expired || timeUp) handIn();
  }, [expired, timeUp, handIn]);

  const unanswered = attempt.questions.filter((question) => !isAnswered(autosave.answers[question.id])).length;
  const warning = remaining !== null && remaining <= 60 && remaining > 0;

  return (
    <section aria-labelledby="attempt-title" className="grid gap-5" data-testid="quiz-attempt">
      <div className="sticky top-16 z-20 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-border bg-background/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:px-4">
        <div className="grid gap-0.5">
          <h2 id="attempt-title" className="font-semibold">
            Attempt {attempt.number}
          </h2>
          <SaveSummary states={autosave.states} />
        </div>
        {remaining !== null && (
          <p
            className={cn("inline-flex items-center gap-1.5 rounded-full px-3 py-1 font-mono text-sm font-semibold tabular-nums", warning ? "bg-warning-soft text-warning" : "bg-muted")}
            data-testid="quiz-timer"
          >
            <Timer className="size-4" aria-hidden />
            <span className="sr-only">Time left: </span>
            {formatCountdown(remaining)}
          </p>
        )}
      </div>
      <p className="sr-only" aria-live="assertive">
        {warning && remaining !== null && remaining > 58 ? "One minute left." : ""}
        {expired ? "Time is up. Your saved answers are being handed in." : ""}
      </p>

      <QuestionNavigator questions={attempt.questions} answered={(id) => isAnswered(autosave.answers[id])} />

      <ol className="grid gap-4">
        {attempt.questions.map((question, index) => (
          <li key={question.id}>
            <QuestionCard
              question={question}
              index={index}
              total={attempt.questions.length}
              state={autosave.states[question.id] ?? "saved"}
              disabled={submit.isPending || expired}
            >
              <QuestionInput
                question={question}
                answer={autosave.answers[question.id] ?? null}
                onAnswer={(answer, settled) => autosave.setAnswer(question.id, answer, settled)}
                onSettle={() => autosave.settle(question.id)}
                disabled={submit.isPending || expired}
                labelledBy={`question-${question.id}-prompt`}
              />
            </QuestionCard>
          </li>
        ))}
      </ol>

      {submit.isError && (
        <Alert tone="error" title="The quiz wasn't handed in">
          {describeError(submit.error)} Your answers are kept: try again.
        </Alert>
      )}
      {(expired || timeUp) && !submit.isError && (
        <Alert tone="warning" title="Time is up">
          Your answers saved in time are being handed in.
        </Alert>
      )}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="text-sm text-muted-foreground">
          {unanswered === 0 ? "Every question has an answer." : `${unanswered} of ${attempt.questions.length} without an answer.`}
        </p>
        {unanswered > 0 ? (
          <ConfirmDialog
            trigger={
              <Button pending={submit.isPending} data-testid="hand-in">
                <Send aria-hidden /> Hand in
              </Button>
            }
            title="Hand in with questions unanswered?"
            description={`${unanswered} question${unanswered === 1 ? " has" : "s have"} no answer and will count as wrong. You can't change answers after handing in.`}
            confirmLabel="Hand in anyway"
            destructive={false}
            onConfirm={handIn}
          />
        ) : (
          <Button pending={submit.isPending} onClick={handIn} data-testid="hand-in">
            <Send aria-hidden /> Hand in
          </Button>
        )}
      </div>
    </section>
  );
}

function SaveSummary({ states }: { states: Record<string, SaveState> }) {
  const values = Object.values(states);
  const failed = values.includes("failed");
  const busy = values.some((state) => state === "saving" || state === "pending");
  return (
    <p className={cn("inline-flex items-center gap-1 text-xs", failed ? "text-destructive" : "text-muted-foreground")} role="status" aria-live="polite" data-testid="quiz-save-status">
      {failed ? (
        <>
          <CloudOff className="size-3.5" aria-hidden /> Not saved: retrying…
        </>
      ) : busy ? (
        <>
          <Loader2 className="size-3.5 animate-spin" aria-hidden /> Saving…
        </>
      ) : values.length ? (
        <>
          <Check className="size-3.5" aria-hidden /> All answers saved
        </>
      ) : (
        "Answers are saved as you go"
      )}
    </p>
  );
}

function QuestionNavigator({ questions, answered }: { questions: AttemptQuestion[]; answered: (id: string) => boolean }) {
  return (
    <nav aria-label="Questions" className="flex flex-wrap gap-1.5">
      {questions.map((question, index) => {
        const done = answered(question.id);
        return (
          <a
            key={question.id}
            href={`#question-${question.id}`}
            className={cn(
              "flex size-9 items-center justify-center rounded-md border text-sm font-medium",
              done ? "border-primary bg-primary text-primary-foreground" : "border-border bg-surface hover:bg-muted",
            )}
          >
            {index + 1}
            <span className="sr-only">{done ? " (answered)" : " (no answer yet)"}</span>
          </a>
        );
      })}
    </nav>
  );
}

type QuestionCardProps = {
  question: AttemptQuestion;
  index: number;
  total: number;
  state: SaveState;
  disabled: boolean;
  children: ReactNode;
};

function QuestionCard({ question, index, total, state, children }: QuestionCardProps) {
  return (
    <article id={`question-${question.id}`} className="grid scroll-mt-36 gap-4 rounded-xl border border-border bg-surface p-4 sm:p-5" data-testid="quiz-question">
      <header className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-muted-foreground">
        <span className="font-medium">
          Question {index + 1} of {total}
        </span>
        <span className="inline-flex items-center gap-2">
          {formatPoints(question.points)} point{question.points === 1 ? "" : "s"}
          {state === "failed" && (
            <span className="inline-flex items-center gap-1 text-destructive">
              <AlertTriangle className="size-3.5" aria-hidden /> not saved yet
            </span>
          )}
        </span>
      </header>
      <div id={`question-${question.id}-prompt`} className="font-medium">
        <Markdown headingLevel={4}>{question.prompt}</Markdown>
      </div>
      {question.image_url && (
        <img src={question.image_url} alt={`Picture for question ${index + 1}`} className="max-h-96 w-auto max-w-full rounded-lg border border-border object-contain" />
      )}
      {children}
    </article>
  );
}
