"use client";

import { Library, Plus, Save, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { useBanks, useSetQuizSources, useStudioQuiz, useUpdateQuiz } from "@/hooks/queries/grading";
import { describeError, isApiError } from "@/lib/api/errors";
import type { AnswerReveal, QuizSettingsUpdate, StudioQuiz } from "@/lib/api/models";
import { formatPoints } from "@/lib/assessments/format";
import { BuilderHeader } from "./builder-header";
import { type DueDraft, DueFields, dueChanges } from "./due-fields";
import { QuestionList } from "./question-list";

/** The studio's quiz builder: the quiz's questions, the banks it draws from, and its rules. */
export function QuizBuilder({ lessonId }: { lessonId: string }) {
  const quiz = useStudioQuiz(lessonId);
  if (quiz.isPending) return <BuilderSkeleton />;
  if (quiz.isError) return <QueryError error={quiz.error} onRetry={() => void quiz.refetch()} />;
  const data = quiz.data;
  return (
    <div className="grid gap-6">
      <BuilderHeader
        courseId={data.course_id}
        courseSlug={data.course_slug}
        courseTitle={data.course_title}
        lessonId={data.lesson_id}
        title={data.lesson_title}
        kind="Quiz"
        editable={data.editable}
      />
      <p className="text-sm text-muted-foreground" data-testid="quiz-summary">
        Each attempt asks {data.questions_per_attempt} question{data.questions_per_attempt === 1 ? "" : "s"} worth {formatPoints(data.points_per_attempt)} points.
        {data.attempts_so_far > 0 && ` Students have made ${data.attempts_so_far} attempt${data.attempts_so_far === 1 ? "" : "s"}: changes apply to new attempts only.`}
      </p>
      <Card aria-labelledby="questions-title">
        <CardHeader>
          <CardTitle id="questions-title">Questions</CardTitle>
          <CardDescription>Every attempt asks these, unless you draw only some of them below.</CardDescription>
        </CardHeader>
        <CardContent>
          <QuestionList bank={data.own_bank} editable={data.editable} />
        </CardContent>
      </Card>
      <SourcesCard quiz={data} />
      <SettingsCard key={`${data.lesson_id}-${data.time_zone}`} quiz={data} />
    </div>
  );
}

type SettingsDraft = DueDraft & {
  timeLimit: string;
  maxAttempts: string;
  passPercent: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showAnswers: AnswerReveal;
  keepScore: "highest" | "latest";
};

function draftOf(quiz: StudioQuiz): SettingsDraft {
  return {
    dueLocal: quiz.due_local ? quiz.due_local.slice(0, 16) : "",
    latePolicy: quiz.late_policy,
    penalty: String(quiz.late_penalty_percent),
    timeLimit: quiz.time_limit_seconds ? String(Math.round(quiz.time_limit_seconds / 60)) : "",
    maxAttempts: quiz.max_attempts ? String(quiz.max_attempts) : "",
    passPercent: String(quiz.pass_percent),
    shuffleQuestions: quiz.shuffle_questions,
    shuffleOptions: quiz.shuffle_options,
    showAnswers: quiz.show_answers,
    keepScore: quiz.keep_score,
  };
}

function SettingsCard({ quiz }: { quiz: StudioQuiz }) {
  const [draft, setDraft] = useState(() => draftOf(quiz));
  const update = useUpdateQuiz(quiz.lesson_id);
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => setDraft((now) => ({ ...now, [key]: value }));
  const fieldError = (field: string) => (isApiError(update.error) ? update.error.fieldErrors.find((e) => e.field === field)?.message : undefined);

  const save = () => {
    const minutes = Number(draft.timeLimit);
    const changes: QuizSettingsUpdate = {
      ...dueChanges(draft, quiz),
      time_limit_seconds: draft.timeLimit.trim() ? Math.round(minutes * 60) : null,
      max_attempts: draft.maxAttempts.trim() ? Math.round(Number(draft.maxAttempts)) : null,
      pass_percent: Math.round(Number(draft.passPercent)),
      shuffle_questions: draft.shuffleQuestions,
      shuffle_options: draft.shuffleOptions,
      show_answers: draft.showAnswers,
      keep_score: draft.keepScore,
    };
    update.mutate(changes, {
      onSuccess: (saved) => {
        setDraft(draftOf(saved));
        toast.success("Quiz settings saved.");
      },
    });
  };

  const disabled = !quiz.editable;
  return (
    <Card aria-labelledby="rules-title">
      <CardHeader>
        <CardTitle id="rules-title">Rules</CardTitle>
        <CardDescription>The server keeps the time and counts the attempts: students can't get around them.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          aria-label="Quiz rules"
          className="grid gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField label="Time limit (minutes)" hint="Empty: no limit." error={fieldError("time_limit_seconds")}>
              <Input inputMode="numeric" value={draft.timeLimit} disabled={disabled} onChange={(event) => set("timeLimit", event.target.value)} />
            </FormField>
            <FormField label="Attempts allowed" hint="Empty: as many as they like." error={fieldError("max_attempts")}>
              <Input inputMode="numeric" value={draft.maxAttempts} disabled={disabled} onChange={(event) => set("maxAttempts", event.target.value)} />
            </FormField>
            <FormField label="Pass mark (%)" error={fieldError("pass_percent")}>
              <Input inputMode="numeric" value={draft.passPercent} disabled={disabled} onChange={(event) => set("passPercent", event.target.value)} />
            </FormField>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="flex items-center gap-3 text-sm">
              <Switch checked={draft.shuffleQuestions} disabled={disabled} onCheckedChange={(value) => set("shuffleQuestions", value)} />
              Shuffle the questions in each attempt
            </label>
            <label className="flex items-center gap-3 text-sm">
              <Switch checked={draft.shuffleOptions} disabled={disabled} onCheckedChange={(value) => set("shuffleOptions", value)} />
              Shuffle the options of each question
            </label>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Show the right answers" error={fieldError("show_answers")}>
              <NativeSelect value={draft.showAnswers} disabled={disabled} onChange={(event) => set("showAnswers", event.target.value as AnswerReveal)}>
                <option value="after_submission">Right after each attempt</option>
                <option value="after_due">After the due date</option>
                <option value="never">Never (scores and feedback only)</option>
              </NativeSelect>
            </FormField>
            <FormField label="Score that counts">
              <NativeSelect value={draft.keepScore} disabled={disabled} onChange={(event) => set("keepScore", event.target.value as SettingsDraft["keepScore"])}>
                <option value="highest">The best attempt</option>
                <option value="latest">The latest attempt</option>
              </NativeSelect>
            </FormField>
          </div>
          <DueFields value={draft} timeZone={quiz.time_zone} disabled={disabled} onChange={(due) => setDraft((now) => ({ ...now, ...due }))} />
          {update.isError && <Alert tone="error">{describeError(update.error)}</Alert>}
          {!disabled && (
            <div className="flex justify-end">
              <Button type="submit" pending={update.isPending} data-testid="save-quiz-settings">
                <Save aria-hidden /> Save rules
              </Button>
            </div>
          )}
        </form>
      </CardContent>
    </Card>
  );
}

/** The banks the quiz asks from: its own questions first, then shared banks, each with how many
 * questions an attempt draws at random. */
function SourcesCard({ quiz }: { quiz: StudioQuiz }) {
  const banks = useBanks(quiz.course_id);
  const setSources = useSetQuizSources(quiz.lesson_id);
  const [adding, setAdding] = useState("");
  const used = new Set(quiz.sources.map((s) => s.bank_id));
  const shared = (banks.data ?? []).filter((bank) => bank.quiz_lesson_id === null && !used.has(bank.id));
  const send = (sources: { bank_id: string; draw_count: number | null }[]) => setSources.mutate(sources, { onError: (error) => toast.error(describeError(error)) });
  const current = quiz.sources.map((s) => ({ bank_id: s.bank_id, draw_count: s.draw_count }));

  return (
    <Card aria-labelledby="sources-title">
      <CardHeader>
        <CardTitle id="sources-title">Random draws</CardTitle>
        <CardDescription>Ask all of a bank&apos;s questions, or a number of them drawn at random for each attempt, so no two students get quite the same quiz.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <ul className="grid gap-2">
          {quiz.sources.map((source) => (
            <li key={source.bank_id} className="flex flex-wrap items-center gap-3 rounded-lg border border-border p-3 text-sm" data-testid="quiz-source">
              <span className="min-w-0 flex-1 basis-40">
                <span className="font-medium">{source.own ? "This quiz's questions" : source.title}</span>
                <span className="block text-xs text-muted-foreground">
                  {source.question_count} question{source.question_count === 1 ? "" : "s"} · {formatPoints(source.points_per_attempt)} points per attempt
                </span>
              </span>
              <label className="flex items-center gap-2">
                <span className="text-muted-foreground">Ask</span>
                <NativeSelect
                  className="w-auto"
                  aria-label={`How many of ${source.own ? "this quiz's questions" : source.title} to ask`}
                  value={source.draw_count === null ? "all" : String(source.draw_count)}
                  disabled={!quiz.editable || setSources.isPending}
                  onChange={(event) =>
                    send(current.map((s) => (s.bank_id === source.bank_id ? { ...s, draw_count: event.target.value === "all" ? null : Number(event.target.value) } : s)))
                  }
                >
                  <option value="all">all of them</option>
                  {Array.from({ length: Math.max(0, source.question_count - 1) }, (_, i) => i + 1).map((n) => (
                    <option key={n} value={n}>
                      {n} at random
                    </option>
                  ))}
                </NativeSelect>
              </label>
              {!source.own && (
                <span className="flex items-center">
                  <Button asChild variant="link" size="sm">
                    <Link href={`/studio/courses/${encodeURIComponent(quiz.course_id)}/banks/${encodeURIComponent(source.bank_id)}`}>Edit bank</Link>
                  </Button>
                  <Button
                    variant="ghost"
                    size="icon"
                    className="size-9"
                    aria-label={`Stop drawing from ${source.title}`}
                    disabled={!quiz.editable}
                    onClick={() => send(current.filter((s) => s.bank_id !== source.bank_id))}
                  >
                    <X aria-hidden />
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ul>
        {quiz.editable && (
          <div className="flex flex-wrap items-center gap-2">
            {shared.length > 0 ? (
              <>
                <NativeSelect aria-label="A question bank to draw from" className="w-auto" value={adding} onChange={(event) => setAdding(event.target.value)}>
                  <option value="">Choose a question bank…</option>
                  {shared.map((bank) => (
                    <option key={bank.id} value={bank.id}>
                      {bank.title} ({bank.question_count})
                    </option>
                  ))}
                </NativeSelect>
                <Button
                  variant="secondary"
                  disabled={!adding}
                  onClick={() => {
                    send([...current, { bank_id: adding, draw_count: null }]);
                    setAdding("");
                  }}
                >
                  <Plus aria-hidden /> Draw from it
                </Button>
              </>
            ) : (
              <p className="text-sm text-muted-foreground">The course has no other question bank yet.</p>
            )}
            <Button asChild variant="link" size="sm">
              <Link href={`/studio/courses/${encodeURIComponent(quiz.course_id)}#grading`}>
                <Library aria-hidden /> Question banks
              </Link>
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

export function BuilderSkeleton() {
  return (
    <div className="grid gap-6" aria-busy="true">
      <Skeleton className="h-4 w-40" />
      <Skeleton className="h-9 w-2/3" />
      <Skeleton className="h-64 w-full" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
