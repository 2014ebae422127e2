"use client";

import { ArrowDown, ArrowUp, ImagePlus, Plus, Trash2, X } from "lucide-react";
import { useId, useRef, useState } from "react";
import { MarkdownField } from "@/components/studio/markdown-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { useAddQuestion, useQuestionImage, useUpdateQuestion } from "@/hooks/queries/grading";
import { describeError } from "@/lib/api/errors";
import type { QuestionKind, QuestionOut } from "@/lib/api/models";
import { QUESTION_KIND_LABELS } from "@/lib/assessments/format";
import { type QuestionDraft, draftFromQuestion, draftProblems, newDraft, questionFromDraft, withKind } from "@/lib/assessments/question-draft";

type QuestionEditorProps = {
  bankId: string;
  /** The question being edited; a new one of `kind` when absent. */
  question?: QuestionOut;
  kind?: QuestionKind;
  onDone: () => void;
};

/** Writing one question: its prompt (Markdown) and picture, points, the answer key of its kind,
 * per-option feedback and the explanation shown with the answers. */
export function QuestionEditor({ bankId, question, kind = "single_choice", onDone }: QuestionEditorProps) {
  const [draft, setDraft] = useState<QuestionDraft>(() => (question ? draftFromQuestion(question) : newDraft(kind)));
  const [shown, setShown] = useState<string[]>([]);
  const add = useAddQuestion(bankId);
  const update = useUpdateQuestion(bankId);
  const saving = add.isPending || update.isPending;
  const failure = add.error ?? update.error;
  const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) => setDraft((now) => ({ ...now, [key]: value }));

  const save = () => {
    const problems = draftProblems(draft);
    setShown(problems);
    if (problems.length) return;
    const body = questionFromDraft(draft);
    const done = {
      onSuccess: () => {
        toast.success(question ? "Question saved." : "Question added.");
        onDone();
      },
    };
    if (question) update.mutate({ id: question.id, question: body }, done);
    else add.mutate(body, done);
  };

  return (
    <form
      aria-label={question ? "Edit question" : `New ${QUESTION_KIND_LABELS[draft.kind].toLowerCase()} question`}
      className="grid gap-4 rounded-xl border border-primary/40 bg-surface p-4 shadow-sm sm:p-5"
      data-testid="question-editor"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <FormField label="Kind of question">
          <NativeSelect value={draft.kind} onChange={(event) => setDraft((now) => withKind(now, event.target.value as QuestionKind))}>
            {Object.entries(QUESTION_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Points">
          <Input inputMode="decimal" value={draft.points} onChange={(event) => set("points", event.target.value)} />
        </FormField>
      </div>
      <MarkdownField label="Question" rows={3} value={draft.prompt} onChange={(prompt) => set("prompt", prompt)} placeholder="Ask something. Markdown works." />
      {question && <QuestionPicture bankId={bankId} question={question} />}
      <KindFields draft={draft} set={set} setDraft={setDraft} />
      {draft.kind !== "essay" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Feedback for a right answer">
            <Textarea rows={2} value={draft.feedbackCorrect} onChange={(event) => set("feedbackCorrect", event.target.value)} />
          </FormField>
          <FormField label="Feedback for a wrong answer">
            <Textarea rows={2} value={draft.feedbackIncorrect} onChange={(event) => set("feedbackIncorrect", event.target.value)} />
          </FormField>
        </div>
      )}
      <FormField label="Explanation" hint="Shown with the right answers, when the quiz shows them.">
        <Textarea rows={2} value={draft.explanation} onChange={(event) => set("explanation", event.target.value)} />
      </FormField>
      {shown.length > 0 && (
        <Alert tone="error" title="Before saving">
          <ul className="list-disc pl-5">
            {shown.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      )}
      {failure && <Alert tone="error">{describeError(failure)}</Alert>}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" pending={saving} data-testid="save-question">
          {question ? "Save question" : "Add question"}
        </Button>
      </div>
    </form>
  );
}

type FieldsProps = {
  draft: QuestionDraft;
  set: <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) => void;
  setDraft: (change: (now: QuestionDraft) => QuestionDraft) => void;
};

function KindFields({ draft, set, setDraft }: FieldsProps) {
  const group = useId();
  switch (draft.kind) {
    case "single_choice":
    case "multiple_choice": {
      const single = draft.kind === "single_choice";
      const change = (index: number, patch: Partial<QuestionDraft["options"][number]>) =>
        setDraft((now) => ({
          ...now,
          options: now.options.map((o, i) => (i === index ? { ...o, ...patch } : single && patch.correct ? { ...o, correct: false } : o)),
        }));
      return (
        <fieldset className="grid gap-3">
          <legend className="mb-1 text-sm font-medium">Options {single ? "(choose the one right answer)" : "(tick every right answer)"}</legend>
          {draft.options.map((option, index) => (
            <div key={index} className="grid gap-2 rounded-lg border border-border p-3" data-testid="option-row">
              <div className="flex items-center gap-2">
                {single ? (
                  <input
                    type="radio"
                    name={group}
                    checked={option.correct}
                    aria-label={`Option ${index + 1} is the right answer`}
                    className="size-4 accent-primary"
                    onChange={() => change(index, { correct: true })}
                  />
                ) : (
                  <Checkbox checked={option.correct} aria-label={`Option ${index + 1} is right`} onCheckedChange={(checked) => change(index, { correct: checked === true })} />
                )}
                <Input aria-label={`Option ${index + 1}`} value={option.text} placeholder={`Option ${index + 1}`} onChange={(event) => change(index, { text: event.target.value })} />
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="size-9 shrink-0"
                  aria-label={`Remove option ${index + 1}`}
                  disabled={draft.options.length <= 2}
                  onClick={() => setDraft((now) => ({ ...now, options: now.options.filter((_, i) => i !== index) }))}
                >
                  <X aria-hidden />
                </Button>
              </div>
              <Input
                aria-label={`Feedback for option ${index + 1}`}
                value={option.feedback}
                placeholder="Feedback when chosen (optional)"
                className="h-9 text-xs"
                onChange={(event) => change(index, { feedback: event.target.value })}
              />
            </div>
          ))}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Button
              type="button"
              variant="secondary"
              size="sm"
              disabled={draft.options.length >= 20}
              onClick={() => setDraft((now) => ({ ...now, options: [...now.options, { id: null, text: "", correct: false, feedback: "" }] }))}
            >
              <Plus aria-hidden /> Add an option
            </Button>
            {!single && (
              <label className="flex items-center gap-2 text-sm">
                <Checkbox checked={draft.partialCredit} onCheckedChange={(checked) => set("partialCredit", checked === true)} />
                Partial credit (each right choice earns a share, each wrong one takes one away)
              </label>
            )}
          </div>
        </fieldset>
      );
    }
    case "true_false":
      return (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">The statement is</legend>
          <div className="flex gap-4">
            {[true, false].map((value) => (
              <label key={String(value)} className="flex items-center gap-2 text-sm">
                <input type="radio" name={group} className="size-4 accent-primary" checked={draft.answerFlag === value} onChange={() => set("answerFlag", value)} />
                {value ? "True" : "False"}
              </label>
            ))}
          </div>
        </fieldset>
      );
    case "short_text":
      return (
        <div className="grid gap-4">
          <FormField label="Accepted answers, one per line">
            <Textarea rows={3} value={draft.accepted} onChange={(event) => set("accepted", event.target.value)} placeholder={"Paris\nParis, France"} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Spaces">
              <NativeSelect value={draft.whitespace} onChange={(event) => set("whitespace", event.target.value as QuestionDraft["whitespace"])}>
                <option value="collapse">Ignore extra spaces</option>
                <option value="trim">Ignore spaces at the ends only</option>
                <option value="ignore">Ignore all spaces</option>
              </NativeSelect>
            </FormField>
            <label className="flex items-center gap-2 self-end pb-2 text-sm">
              <Checkbox checked={draft.caseSensitive} onCheckedChange={(checked) => set("caseSensitive", checked === true)} />
              Capitals must match
            </label>
          </div>
          <FormField label="Or a pattern (a regular expression the whole answer must match)" hint="For example colou?r accepts color and colour.">
            <Input value={draft.pattern} className="font-mono" onChange={(event) => set("pattern", event.target.value)} />
          </FormField>
        </div>
      );
    case "numeric":
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Right answer">
            <Input inputMode="decimal" value={draft.number} onChange={(event) => set("number", event.target.value)} />
          </FormField>
          <FormField label="Tolerance (±)" hint="0 for exactly this number.">
            <Input inputMode="decimal" value={draft.tolerance} onChange={(event) => set("tolerance", event.target.value)} />
          </FormField>
        </div>
      );
    case "ordering":
      return <OrderingFields draft={draft} set={set} setDraft={setDraft} />;
    default:
      return (
        <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
          <FormField label="Notes for graders" hint="What a good answer covers. Never shown to students.">
            <Textarea rows={3} value={draft.guidance} onChange={(event) => set("guidance", event.target.value)} />
          </FormField>
          <FormField label="Longest answer (characters)">
            <Input inputMode="numeric" value={draft.maxChars} onChange={(event) => set("maxChars", event.target.value)} />
          </FormField>
        </div>
      );
  }
}

function OrderingFields({ draft, set, setDraft }: FieldsProps) {
  const move = (index: number, step: -1 | 1) =>
    setDraft((now) => {
      const items = [...now.items];
      const [moved] = items.splice(index, 1);
      items.splice(index + step, 0, moved!);
      return { ...now, items };
    });
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Items, in the right order (students see them shuffled)</legend>
      <ol className="grid gap-2">
        {draft.items.map((item, index) => (
          <li key={index} className="flex items-center gap-1.5">
            <span className="w-5 text-xs font-semibold text-muted-foreground" aria-hidden>
              {index + 1}.
            </span>
            <Input
              aria-label={`Item ${index + 1}`}
              value={item.text}
              onChange={(event) => setDraft((now) => ({ ...now, items: now.items.map((it, i) => (i === index ? { ...it, text: event.target.value } : it)) }))}
            />
            <Button type="button" variant="ghost" size="icon" className="size-9" aria-label={`Move item ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
              <ArrowUp aria-hidden />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-9"
              aria-label={`Move item ${index + 1} down`}
              disabled={index === draft.items.length - 1}
              onClick={() => move(index, 1)}
            >
              <ArrowDown aria-hidden />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-9"
              aria-label={`Remove item ${index + 1}`}
              disabled={draft.items.length <= 2}
              onClick={() => setDraft((now) => ({ ...now, items: now.items.filter((_, i) => i !== index) }))}
            >
              <X aria-hidden />
            </Button>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button type="button" variant="secondary" size="sm" disabled={draft.items.length >= 20} onClick={() => setDraft((now) => ({ ...now, items: [...now.items, { id: null, text: "" }] }))}>
          <Plus aria-hidden /> Add an item
        </Button>
        <label className="flex items-center gap-2 text-sm">
          <Checkbox checked={draft.partialCredit} onCheckedChange={(checked) => set("partialCredit", checked === true)} />
          Partial credit (a share for each item in its place)
        </label>
      </div>
    </fieldset>
  );
}

/** A picture shown with the question (saved questions only): checked and stored by the server. */
function QuestionPicture({ bankId, question }: { bankId: string; question: QuestionOut }) {
  const image = useQuestionImage(bankId);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>Picture</Label>
      {question.image_url && <img src={question.image_url} alt="The question's picture" className="max-h-48 w-auto max-w-full rounded-lg border border-border object-contain" />}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" size="sm" pending={image.isPending} onClick={() => input.current?.click()}>
          <ImagePlus aria-hidden /> {question.image_url ? "Replace picture" : "Add a picture"}
        </Button>
        {question.image_url && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => image.mutate({ id: question.id, file: null }, { onError: (error) => toast.error(describeError(error)) })}
          >
            <Trash2 aria-hidden /> Remove
          </Button>
        )}
      </div>
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        className="sr-only"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) image.mutate({ id: question.id, file }, { onError: (error) => toast.error(describeError(error)) });
        }}
      />
      <p className="text-xs text-muted-foreground">JPEG, PNG, WebP or GIF up to 5 MB.</p>
    </div>
  );
}
