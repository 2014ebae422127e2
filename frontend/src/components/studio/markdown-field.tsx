"use client";

import { useId, useState } from "react";
import { Markdown } from "@/components/catalog/markdown";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/input";
import { cn } from "@/lib/class-names";

type MarkdownFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  disabled?: boolean;
  error?: string | undefined;
  hint?: string;
  rows?: number;
  placeholder?: string;
};

/** A Markdown text with a Write/Preview switch; the preview is drawn exactly as students see it. */
export function MarkdownField({ label, value, onChange, onBlur, disabled, error, hint, rows = 10, placeholder }: MarkdownFieldProps) {
  const id = useId();
  const [mode, setMode] = useState<"write" | "preview">("write");
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="grid gap-1.5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        <div role="group" aria-label="Write or preview" className="inline-flex rounded-md bg-muted p-0.5 text-xs">
          {(["write", "preview"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={mode === option}
              onClick={() => setMode(option)}
              className={cn(
                "rounded px-2.5 py-1 font-medium text-muted-foreground transition-colors hover:text-foreground",
                mode === option && "bg-surface text-foreground shadow-xs",
              )}
            >
              {option === "write" ? "Write" : "Preview"}
            </button>
          ))}
        </div>
      </div>
      {mode === "write" ? (
        <Textarea
          id={id}
          rows={rows}
          value={value}
          disabled={disabled}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          className="font-mono text-[0.8125rem]"
        />
      ) : (
        <div id={id} tabIndex={0} aria-label={`${label} preview`} className="min-h-40 rounded-md border border-border bg-background px-4 py-3">
          {value.trim() ? <Markdown>{value}</Markdown> : <p className="text-sm text-muted-foreground">Nothing to preview yet.</p>}
        </div>
      )}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
