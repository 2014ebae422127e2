"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import type { AnswerIn, AttemptQuestion, ShownOption } from "@/lib/api/models";
import { parseNumber } from "@/lib/assessments/format";
import { cn } from "@/lib/class-names";

type QuestionInputProps = {
  question: AttemptQuestion;
  answer: AnswerIn | null;
  /** A new answer; `settled` is false while the student is still typing (save later). */
  onAnswer: (answer: AnswerIn | null, settled: boolean) => void;
  /** Typing has paused or the field was left: save now. */
  onSettle: () => void;
  disabled?: boolean;
  labelledBy: string;
};

const optionClass =
  "flex cursor-pointer items-start gap-3 rounded-lg border border-border bg-surface p-3 text-sm transition-colors hover:border-primary/40 has-[:checked]:border-primary has-[:checked]:bg-accent/50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring";

/** The control a question's kind asks for, wired for keyboard and screen reader. */
export function QuestionInput({ question, answer, onAnswer, onSettle, disabled, labelledBy }: QuestionInputProps) {
  const name = useId();
  switch (question.kind) {
    case "single_choice":
    case "true_false": {
      const options: ShownOption[] =
        question.kind === "true_false"
          ? [
              { id: "true", text: "True" },
              { id: "false", text: "False" },
            ]
          : (question.options ?? []);
      const chosen = question.kind === "true_false" ? (answer?.flag == null ? null : String(answer.flag)) : (answer?.choice ?? null);
      return (
        <div role="radiogroup" aria-labelledby={labelledBy} className="grid gap-2">
          {options.map((option) => (
            <label key={option.id} className={optionClass}>
              <input
                type="radio"
                name={name}
                value={option.id}
                checked={chosen === option.id}
                disabled={disabled}
                className="mt-0.5 size-4 accent-primary"
                onChange={() => onAnswer(question.kind === "true_false" ? { flag: option.id === "true" } : { choice: option.id }, true)}
              />
              <span className="min-w-0 whitespace-pre-line">{option.text}</span>
            </label>
          ))}
        </div>
      );
    }
    case "multiple_choice": {
      const chosen = new Set(answer?.choices ?? []);
      return (
        <div role="group" aria-labelledby={labelledBy} className="grid gap-2">
          <p className="text-xs text-muted-foreground">Choose every answer that applies.</p>
          {(question.options ?? []).map((option) => (
            <label key={option.id} className={optionClass}>
              <input
                type="checkbox"
                checked={chosen.has(option.id)}
                disabled={disabled}
                className="mt-0.5 size-4 accent-primary"
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(option.id);
                  else next.delete(option.id);
                  onAnswer(next.size ? { choices: [...next] } : null, true);
                }}
              />
              <span className="min-w-0 whitespace-pre-line">{option.text}</span>
            </label>
          ))}
        </div>
      );
    }
    case "numeric":
      return <NumberAnswer answer={answer} onAnswer={onAnswer} onSettle={onSettle} disabled={disabled} labelledBy={labelledBy} />;
    case "ordering":
      return <OrderAnswer question={question} answer={answer} onAnswer={onAnswer} disabled={disabled} labelledBy={labelledBy} />;
    default: {
      const essay = question.kind === "essay";
      const text = answer?.text ?? "";
      const Field = essay ? Textarea : Input;
      const limit = essay ? (question.max_chars ?? 5000) : 500;
      return (
        <div className="grid gap-1">
          <Field
            aria-labelledby={labelledBy}
            value={text}
            disabled={disabled}
            maxLength={limit}
            rows={essay ? 8 : undefined}
            placeholder={essay ? "Write your answer…" : "Your answer"}
            onChange={(event: { target: { value: string } }) => onAnswer(event.target.value ? { text: event.target.value } : null, false)}
            onBlur={onSettle}
          />
          {essay && (
            <p className="text-right text-xs text-muted-foreground" aria-live="off">
              {text.length.toLocaleString()} / {limit.toLocaleString()} characters
            </p>
          )}
        </div>
      );
    }
  }
}

function NumberAnswer({ answer, onAnswer, onSettle, disabled, labelledBy }: Omit<QuestionInputProps, "question">) {
  const [text, setText] = useState(answer?.number == null ? "" : String(answer.number));
  const errorId = useId();
  const invalid = text.trim() !== "" && parseNumber(text) === null;
  return (
    <div className="grid max-w-xs gap-1">
      <Input
        inputMode="decimal"
        autoComplete="off"
        aria-labelledby={labelledBy}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        value={text}
        disabled={disabled}
        placeholder="A number, e.g. 3.14"
        onChange={(event) => {
          setText(event.target.value);
          const value = parseNumber(event.target.value);
          if (event.target.value.trim() === "") onAnswer(null, false);
          else if (value !== null) onAnswer({ number: value }, false);
        }}
        onBlur={onSettle}
      />
      {invalid && (
        <p id={errorId} className="text-xs font-medium text-destructive">
          Enter a number (digits, a point or comma, a minus sign).
        </p>
      )}
    </div>
  );
}

function OrderAnswer({ question, answer, onAnswer, disabled, labelledBy }: Omit<QuestionInputProps, "onSettle">) {
  const items = question.items ?? [];
  const byId = new Map(items.map((item) => [item.id, item]));
  const order = answer?.order?.length === items.length ? answer.order : items.map((item) => item.id);
  const move = (index: number, step: -1 | 1) => {
    const next = [...order];
    const [moved] = next.splice(index, 1);
    next.splice(index + step, 0, moved!);
    onAnswer({ order: next }, true);
  };
  return (
    <div className="grid gap-2">
      <p className="text-xs text-muted-foreground">
        Move the items into the right order, first at the top.
        {!answer?.order && " The order shown is not yet your answer: move an item to answer."}
      </p>
      <ol aria-labelledby={labelledBy} className="grid gap-2">
        {order.map((id, index) => {
          const item = byId.get(id);
          return (
            <li key={id} className={cn("flex items-center gap-2 rounded-lg border border-border bg-surface p-2 pl-3 text-sm")} data-testid="order-item">
              <span className="w-5 shrink-0 text-xs font-semibold text-muted-foreground" aria-hidden>
                {index + 1}.
              </span>
              <span className="min-w-0 flex-1">{item?.text}</span>
              <Button
                variant="ghost"
                size="icon"
                className="size-9"
                disabled={disabled || index === 0}
                aria-label={`Move up: ${item?.text ?? ""}`}
                onClick={() => move(index, -1)}
              >
                <ArrowUp aria-hidden />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                className="size-9"
                disabled={disabled || index === order.length - 1}
                aria-label={`Move down: ${item?.text ?? ""}`}
                onClick={() => move(index, 1)}
              >
                <ArrowDown aria-hidden />
              </Button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
