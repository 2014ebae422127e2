"use client";

import { Check, Pencil } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { describeError } from "@/lib/api/errors";

type InlineTitleProps = {
  title: string;
  /** Names the field and the rename button, e.g. "Section title". */
  label: string;
  onSave: (title: string) => Promise<unknown>;
  disabled?: boolean;
  /** How the title reads when not being edited. */
  children: ReactNode;
};

/** A title that turns into a field in place: Enter or leaving the field saves, Escape cancels. */
export function InlineTitle({ title, label, onSave, disabled, children }: InlineTitleProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) field.current?.select();
    else if (returnFocus.current) {
      returnFocus.current = false;
      button.current?.focus();
    }
  }, [editing]);

  const finish = (keepFocus: boolean) => {
    returnFocus.current = keepFocus;
    setEditing(false);
    setError(null);
  };

  const save = async (keepFocus: boolean) => {
    const next = text.trim();
    if (next === title) return finish(keepFocus);
    if (!next) return setError("A title can't be empty.");
    if (next.length > 120) return setError("Keep it to 120 characters.");
    setSaving(true);
    try {
      await onSave(next);
      finish(keepFocus);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  };

  if (!editing) {
    return (
      <div className="flex min-w-0 items-center gap-1">
        {children}
        {!disabled && (
          <Button
            ref={button}
            variant="ghost"
            size="icon"
            className="size-8 shrink-0 text-muted-foreground"
            aria-label={`Rename: ${title}`}
            onClick={() => {
              setText(title);
              setEditing(true);
            }}
          >
            <Pencil aria-hidden />
          </Button>
        )}
      </div>
    );
  }

  return (
    <div className="grid min-w-0 flex-1 gap-1">
      <div className="flex items-center gap-1">
        <Input
          ref={field}
          value={text}
          maxLength={120}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          disabled={saving}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              void save(true);
            } else if (event.key === "Escape") {
              event.preventDefault();
              finish(true);
            }
          }}
          onBlur={(event) => {
            // Clicking the save button is handled by the button itself.
            if (event.relatedTarget instanceof HTMLElement && event.relatedTarget.dataset.inlineSave !== undefined) return;
            void save(false);
          }}
          className="h-9 min-w-0"
        />
        <Button data-inline-save="" variant="ghost" size="icon" className="size-9 shrink-0" aria-label="Save title" pending={saving} onClick={() => void save(true)}>
          {!saving && <Check aria-hidden />}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
