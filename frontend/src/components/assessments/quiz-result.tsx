import { CheckCircle2, CircleDashed, Clock, MessageSquareText, XCircle } from "lucide-react";
import { Markdown } from "@/components/catalog/markdown";
import { Badge } from "@/components/ui/badge";
import type { AnswerIn, AttemptOut, AttemptQuestion } from "@/lib/api/models";
import { formatPoints } from "@/lib/assessments/format";
import { cn } from "@/lib/class-names";

/** A handed-in attempt: the score (once released), then each question with the student's
 * answer, its points and feedback, and the right answer when the quiz shows it. */
export function QuizResult({ attempt }: { attempt: AttemptOut }) {
  const waiting = !attempt.released;
  const graded = attempt.questions.filter((question) => question.result && !question.result.pending);
  const soFar = {
    points: graded.reduce((sum, question) => sum + (question.result?.points ?? 0), 0),
    max: graded.reduce((sum, question) => sum + question.points, 0),
  };
  return (
    <section aria-labelledby="result-title" className="grid gap-5" data-testid="quiz-result">
      <div className={cn("grid gap-2 rounded-xl border p-5", waiting ? "border-border bg-muted/40" : attempt.passed ? "border-success/30 bg-success-soft" : "border-warning/40 bg-warning-soft")}>
        <h2 id="result-title" className="text-sm font-medium text-muted-foreground">
          Attempt {attempt.number} {attempt.timed_out ? "· handed in when the time ran out" : ""}
        </h2>
        {waiting ? (
          <>
            <p className="flex items-center gap-2 text-lg font-semibold">
              <Clock className="size-5" aria-hidden /> Waiting for your instructor to grade the written answers
            </p>
            <p className="text-sm" data-testid="quiz-score-so-far">
              So far: <strong>{formatPoints(soFar.points)}</strong> of {formatPoints(soFar.max)} points from the questions graded at once.
            </p>
          </>
        ) : (
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1" data-testid="quiz-score">
            <span className="font-display text-3xl font-semibold">
              {formatPoints(attempt.score ?? 0)} / {formatPoints(attempt.max_score)}
            </span>
            <span className="text-lg font-medium">{attempt.percent}%</span>
            <Badge tone={attempt.passed ? "success" : "warning"}>{attempt.passed ? "Passed" : `Not passed: ${attempt.pass_percent}% needed`}</Badge>
          </p>
        )}
        {attempt.late && <p className="text-sm">Handed in after the due date{attempt.penalty_percent ? `: ${attempt.penalty_percent}% late penalty` : ""}.</p>}
        {!attempt.answers_revealed && <p className="text-sm text-muted-foreground">The right answers are not shown for this quiz{waiting ? "" : " yet"}.</p>}
      </div>
      <ol className="grid gap-4">
        {attempt.questions.map((question, index) => (
          <li key={question.id}>
            <ResultCard question={question} index={index} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function ResultCard({ question, index }: { question: AttemptQuestion; index: number }) {
  const result = question.result;
  const pending = result?.pending ?? false;
  const correct = result?.correct;
  const Icon = pending ? CircleDashed : correct ? CheckCircle2 : XCircle;
  return (
    <article className="grid gap-3 rounded-xl border border-border bg-surface p-4 sm:p-5" data-testid="result-question">
      <header className="flex flex-wrap items-center justify-between gap-2 text-xs">
        <span className="font-medium text-muted-foreground">Question {index + 1}</span>
        <span className={cn("inline-flex items-center gap-1 font-semibold", pending ? "text-muted-foreground" : correct ? "text-success" : "text-destructive")}>
          <Icon className="size-4" aria-hidden />
          {pending
            ? "Waiting for grading"
            : `${formatPoints(result?.points ?? 0)} of ${formatPoints(question.points)} point${question.points === 1 ? "" : "s"}${correct ? "" : correct === false && (result?.points ?? 0) > 0 ? " (partly right)" : ""}`}
        </span>
      </header>
      <Markdown headingLevel={4}>{question.prompt}</Markdown>
      {question.image_url && <img src={question.image_url} alt={`Picture for question ${index + 1}`} className="max-h-72 w-auto max-w-full rounded-lg border border-border object-contain" />}
      <YourAnswer question={question} />
      {result && result.feedback.length > 0 && (
        <ul className="grid gap-1.5" aria-label="Feedback">
          {result.feedback.map((note, i) => (
            <li key={i} className="rounded-md bg-accent/60 px-3 py-2 text-sm">
              {note}
            </li>
          ))}
        </ul>
      )}
      {result?.comment && (
        <div className="flex gap-2 rounded-md border border-border px-3 py-2 text-sm">
          <MessageSquareText className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <div>
            <p className="text-xs font-medium text-muted-foreground">Your instructor</p>
            <Markdown>{result.comment}</Markdown>
          </div>
        </div>
      )}
      {result?.explanation && (
        <div className="rounded-md border-l-4 border-primary/50 bg-muted/50 px-3 py-2 text-sm">
          <p className="text-xs font-medium text-muted-foreground">Explanation</p>
          <Markdown>{result.explanation}</Markdown>
        </div>
      )}
    </article>
  );
}

function describeAnswer(question: AttemptQuestion, answer: AnswerIn | null | undefined): string | null {
  if (!answer) return null;
  const text = (id: string) => [...(question.options ?? []), ...(question.items ?? [])].find((option) => option.id === id)?.text ?? id;
  if (answer.choice) return text(answer.choice);
  if (answer.choices) return answer.choices.map(text).join(", ");
  if (answer.flag != null) return answer.flag ? "True" : "False";
  if (answer.number != null) return String(answer.number);
  if (answer.order) return answer.order.map((id, i) => `${i + 1}. ${text(id)}`).join("  ");
  return answer.text ?? null;
}

function YourAnswer({ question }: { question: AttemptQuestion }) {
  const key = question.result?.key;
  const given = describeAnswer(question, question.answer);
  const options = question.options ?? [];
  if (options.length > 0) {
    const chosen = new Set([question.answer?.choice, ...(question.answer?.choices ?? [])]);
    const right = new Set(key?.choices ?? []);
    return (
      <ul className="grid gap-1.5 text-sm">
        {options.map((option) => (
          <li
            key={option.id}
            className={cn(
              "flex items-start gap-2 rounded-md border px-3 py-2",
              key && right.has(option.id) ? "border-success/40 bg-success-soft" : chosen.has(option.id) ? "border-primary/40 bg-accent/40" : "border-border",
            )}
          >
            <span className="min-w-0 flex-1">{option.text}</span>
            {chosen.has(option.id) && <Badge>Your answer</Badge>}
            {key && right.has(option.id) && <Badge tone="success">Right answer</Badge>}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <dl className="grid gap-1 text-sm">
      <div className="flex flex-wrap gap-x-2">
        <dt className="text-muted-foreground">Your answer:</dt>
        <dd className="whitespace-pre-line">{given ?? <em>no answer</em>}</dd>
      </div>
      {key && <RightAnswer question={question} />}
    </dl>
  );
}

function RightAnswer({ question }: { question: AttemptQuestion }) {
  const key = question.result?.key;
  if (!key) return null;
  let text: string | null = null;
  if (key.flag != null) text = key.flag ? "True" : "False";
  else if (key.number != null) text = key.tolerance ? `${key.number} (± ${key.tolerance})` : String(key.number);
  else if (key.order) text = key.order.map((id, i) => `${i + 1}. ${(question.items ?? []).find((item) => item.id === id)?.text ?? id}`).join("  ");
  else if (key.accepted?.length) text = key.accepted.join(" · ");
  else if (key.pattern) text = `matching ${key.pattern}`;
  if (!text) return null;
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="text-muted-foreground">Right answer:</dt>
      <dd className="font-medium">{text}</dd>
    </div>
  );
}
