"use client";

import { Clock, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { formatClock } from "@/components/player/time";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { cn } from "@/lib/class-names";

export const NOTE_MAX_CHARS = 10_000;

type NoteComposerProps = {
  /** What the box starts with (a note being edited, or a draft the API refused). */
  initialBody?: string;
  /** The moment the note is about; null for the whole lesson. */
  position: number | null;
  /** A video lesson's note may be moved to the whole lesson (and back). */
  canChooseMoment?: boolean;
  submitLabel: string;
  /** Names the text box for screen readers: "New note at 1:23", "Edit note". */
  label: string;
  error?: string | null;
  /** Changes when the box should take the keyboard again (another "n" while it is open). */
  focusSignal?: number;
  onSave: (body: string, position: number | null) => void;
  onCancel: () => void;
  className?: string;
};

/**
 * A note being written: Markdown in a text box that takes the keyboard at once; Ctrl+Enter (⌘+Enter)
 * saves, Escape cancels.
 */
export function NoteComposer({
  initialBody = "",
  position,
  canChooseMoment = false,
  submitLabel,
  label,
  error,
  focusSignal = 0,
  onSave,
  onCancel,
  className,
}: NoteComposerProps) {
  const [body, setBody] = useState(initialBody);
  const [atMoment, setAtMoment] = useState(position !== null);
  // A new moment asked for (another "n") puts the note there again.
  const [shownPosition, setShownPosition] = useState(position);
  if (shownPosition !== position) {
    setShownPosition(position);
    setAtMoment(position !== null);
  }
  const textRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const empty = body.trim().length === 0;
  const tooLong = body.length > NOTE_MAX_CHARS;
  const chosenPosition = atMoment ? position : null;

  useEffect(() => {
    const text = textRef.current;
    if (!text) return;
    text.focus();
    text.setSelectionRange(text.value.length, text.value.length);
  }, [focusSignal]);

  const save = () => {
    if (empty || tooLong) return;
    onSave(body, chosenPosition);
  };

  return (
    <form
      className={cn("grid gap-2 rounded-lg border border-border bg-surface p-3 shadow-xs", className)}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        {position !== null && atMoment ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-accent px-2 py-0.5 font-medium text-accent-foreground tabular-nums">
            <Clock className="size-3" aria-hidden /> {formatClock(position)}
          </span>
        ) : (
          <span className="rounded-full bg-muted px-2 py-0.5 font-medium">Whole lesson</span>
        )}
        {canChooseMoment && position !== null && (
          <button type="button" className="font-medium text-primary underline-offset-4 hover:underline" onClick={() => setAtMoment((on) => !on)}>
            {atMoment ? "Note the whole lesson instead" : `Note ${formatClock(position)} instead`}
          </button>
        )}
      </div>
      <label htmlFor={`${id}-body`} className="sr-only">
        {label}
      </label>
      <Textarea
        ref={textRef}
        id={`${id}-body`}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save();
          } else if (event.key === "Escape") {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
        rows={4}
        placeholder="What do you want to remember?"
        aria-invalid={tooLong || Boolean(error) || undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className="min-h-28 resize-y"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-destructive" role="alert">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {tooLong ? (
            <span className="font-medium text-destructive">
              {(body.length - NOTE_MAX_CHARS).toLocaleString("en")} characters too long
            </span>
          ) : (
            <>
              Markdown works: **bold**, lists, links. <kbd className="font-sans">Ctrl</kbd>+<kbd className="font-sans">Enter</kbd> saves,{" "}
              <kbd className="font-sans">Esc</kbd> cancels.
            </>
          )}
        </p>
        <div className="flex gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
            <X aria-hidden /> Cancel
          </Button>
          <Button type="submit" size="sm" disabled={empty || tooLong}>
            {submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
