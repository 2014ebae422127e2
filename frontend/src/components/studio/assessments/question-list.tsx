"use client";

import { ArrowDown, ArrowUp, ImageIcon, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useDeleteQuestion, useReorderQuestions } from "@/hooks/queries/grading";
import { describeError } from "@/lib/api/errors";
import type { BankOut, QuestionKind } from "@/lib/api/models";
import { QUESTION_KIND_LABELS, formatPoints } from "@/lib/assessments/format";
import { plainExcerpt } from "@/lib/catalog/plain-excerpt";
import { QuestionEditor } from "./question-editor";

/** A bank's questions (a quiz's own, or a shared bank's): read, add, edit, reorder, delete. */
export function QuestionList({ bank, editable }: { bank: BankOut; editable: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState<QuestionKind | null>(null);
  const [kind, setKind] = useState<QuestionKind>("single_choice");
  const reorder = useReorderQuestions(bank.id);
  const remove = useDeleteQuestion(bank.id);
  const ids = bank.questions.map((q) => q.id);

  const move = (index: number, step: -1 | 1) => {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    next.splice(index + step, 0, moved!);
    reorder.mutate(next, { onError: (error) => toast.error(describeError(error)) });
  };

  return (
    <div className="grid gap-3">
      {bank.questions.length === 0 && !adding ? (
        <EmptyState icon={Plus} title="No questions yet">
          Add the first one below: single or multiple choice, true or false, a short answer, a number, an order, or a written answer you grade.
        </EmptyState>
      ) : (
        <ol className="grid gap-2" aria-label="Questions">
          {bank.questions.map((question, index) =>
            editing === question.id ? (
              <li key={question.id}>
                <QuestionEditor bankId={bank.id} question={question} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li key={question.id} className="flex flex-wrap items-center gap-2 rounded-lg border border-border bg-surface p-3" data-testid="question-row">
                <span className="w-6 text-sm font-semibold text-muted-foreground">{index + 1}.</span>
                <div className="grid min-w-0 flex-1 basis-48 gap-1">
                  <p className="line-clamp-2 text-sm font-medium">{plainExcerpt(question.prompt, 160)}</p>
                  <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <Badge>{QUESTION_KIND_LABELS[question.kind]}</Badge>
                    {formatPoints(question.points)} pt{question.points === 1 ? "" : "s"}
                    {question.image_url && <ImageIcon className="size-3.5" aria-label="Has a picture" />}
                  </p>
                </div>
                {editable && (
                  <div className="flex items-center gap-0.5">
                    <Button variant="ghost" size="icon" className="size-9" aria-label={`Move question ${index + 1} up`} disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)}>
                      <ArrowUp aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      className="size-9"
                      aria-label={`Move question ${index + 1} down`}
                      disabled={index === ids.length - 1 || reorder.isPending}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDown aria-hidden />
                    </Button>
                    <Button variant="ghost" size="icon" className="size-9" aria-label={`Edit question ${index + 1}`} onClick={() => setEditing(question.id)}>
                      <Pencil aria-hidden />
                    </Button>
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="icon" className="size-9 text-destructive" aria-label={`Delete question ${index + 1}`}>
                          <Trash2 aria-hidden />
                        </Button>
                      }
                      title="Delete this question?"
                      description="Attempts already made keep it as it was; new attempts won't ask it."
                      confirmLabel="Delete question"
                      onConfirm={() => remove.mutate(question.id, { onError: (error) => toast.error(describeError(error)) })}
                    />
                  </div>
                )}
              </li>
            ),
          )}
        </ol>
      )}
      {adding ? (
        <QuestionEditor bankId={bank.id} kind={adding} onDone={() => setAdding(null)} />
      ) : (
        editable && (
          <div className="flex flex-wrap items-center gap-2">
            <NativeSelect aria-label="Kind of question to add" className="w-auto" value={kind} onChange={(event) => setKind(event.target.value as QuestionKind)}>
              {Object.entries(QUESTION_KIND_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </NativeSelect>
            <Button variant="secondary" onClick={() => setAdding(kind)} data-testid="add-question">
              <Plus aria-hidden /> Add question
            </Button>
          </div>
        )
      )}
    </div>
  );
}
