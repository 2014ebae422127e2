"use client";

import { X } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_TAGS, normalTag } from "./course-draft";

type TagInputProps = { value: string[]; onChange: (tags: string[]) => void; onBlur?: () => void; disabled?: boolean; error?: string | undefined };

/** Tags as chips: type one and press Enter (or a comma); each chip has its own remove button. */
export function TagInput({ value, onChange, onBlur, disabled, error }: TagInputProps) {
  const id = useId();
  const [text, setText] = useState("");
  const [notice, setNotice] = useState("");
  const full = value.length >= MAX_TAGS;

  const add = () => {
    const tag = normalTag(text);
    setText("");
    if (!tag) return;
    if (tag.length > 40) return setNotice("Keep each tag to 40 characters.");
    if (value.includes(tag)) return setNotice(`“${tag}” is already a tag.`);
    if (full) return setNotice(`Up to ${MAX_TAGS} tags.`);
    onChange([...value, tag]);
    setNotice(`Added tag ${tag}.`);
  };

  const remove = (tag: string) => {
    onChange(value.filter((held) => held !== tag));
    setNotice(`Removed tag ${tag}.`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    }
  };

  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Tags</Label>
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
          {value.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-accent py-0.5 pr-1 pl-2.5 text-sm text-accent-foreground">
              {tag}
              {!disabled && (
                <button
                  type="button"
                  onClick={() => remove(tag)}
                  className="rounded-full p-0.5 hover:bg-surface/70"
                  aria-label={`Remove tag ${tag}`}
                >
                  <X className="size-3.5" aria-hidden />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Input
        id={id}
        value={text}
        disabled={disabled || full}
        maxLength={40}
        placeholder={full ? `All ${MAX_TAGS} tags used` : "e.g. baking, fermentation"}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // What was typed but not yet added still counts.
          if (text.trim()) add();
          onBlur?.();
        }}
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        Words people might search for. Press Enter or a comma to add; up to {MAX_TAGS}.
      </p>
      {error && <p className="text-xs font-medium text-destructive">{error}</p>}
      <p className="sr-only" aria-live="polite">
        {notice}
      </p>
    </div>
  );
}
