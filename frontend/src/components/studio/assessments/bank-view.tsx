"use client";

import { ArrowLeft, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { toast } from "@/components/ui/toaster";
import { useBank, useDeleteBank, useRenameBank } from "@/hooks/queries/grading";
import { describeError } from "@/lib/api/errors";
import { BuilderSkeleton } from "./quiz-builder";
import { QuestionList } from "./question-list";

/** A shared question bank of a course: its name, its questions, the quizzes drawing from it. */
export function BankView({ courseId, bankId }: { courseId: string; bankId: string }) {
  const bank = useBank(bankId);
  const rename = useRenameBank(courseId, bankId);
  const remove = useDeleteBank(courseId);
  const router = useRouter();
  const [title, setTitle] = useState<string | null>(null);
  if (bank.isPending) return <BuilderSkeleton />;
  if (bank.isError) return <QueryError error={bank.error} onRetry={() => void bank.refetch()} />;
  const data = bank.data;
  const own = data.quiz_lesson_id !== null;
  const shownTitle = title ?? data.title;
  const saveTitle = () => {
    const next = shownTitle.trim();
    if (!next || next === data.title) return setTitle(null);
    rename.mutate(next, { onSuccess: () => setTitle(null), onError: (error) => toast.error(describeError(error)) });
  };
  return (
    <div className="grid gap-6">
      <Link href={`/studio/courses/${encodeURIComponent(courseId)}#grading`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> Grading and question banks
      </Link>
      <header className="grid gap-2">
        <p className="text-sm font-medium text-muted-foreground">{own ? "A quiz's own questions" : "Question bank"}</p>
        {own ? (
          <h1 className="font-display text-2xl font-semibold tracking-tight sm:text-3xl">{data.title}</h1>
        ) : (
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="sr-only">{data.title}</h1>
            <Input
              aria-label="Bank name"
              value={shownTitle}
              maxLength={120}
              className="h-11 max-w-xl font-display text-xl font-semibold"
              onChange={(event) => setTitle(event.target.value)}
              onBlur={saveTitle}
              onKeyDown={(event) => {
                if (event.key === "Enter") saveTitle();
                if (event.key === "Escape") setTitle(null);
              }}
            />
            <ConfirmDialog
              trigger={
                <Button variant="ghost" className="text-destructive">
                  <Trash2 aria-hidden /> Delete bank
                </Button>
              }
              title={`Delete “${data.title}”?`}
              description="Its questions go with it and quizzes stop drawing from it. Attempts already made keep their questions."
              confirmLabel="Delete bank"
              onConfirm={() =>
                remove.mutate(bankId, {
                  onSuccess: () => {
                    toast.success("Bank deleted.");
                    router.push(`/studio/courses/${encodeURIComponent(courseId)}#grading`);
                  },
                  onError: (error) => toast.error(describeError(error)),
                })
              }
            />
          </div>
        )}
        <p className="text-sm text-muted-foreground">
          {data.question_count} question{data.question_count === 1 ? "" : "s"}
          {data.used_by.length > 0 ? ` · drawn from by ${data.used_by.map((lesson) => lesson.title).join(", ")}` : " · no quiz draws from it yet"}
        </p>
      </header>
      <Card>
        <CardContent className="pt-5 sm:pt-6">
          <QuestionList bank={data} editable />
        </CardContent>
      </Card>
    </div>
  );
}
