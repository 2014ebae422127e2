"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_LIST_ITEMS } from "./course-draft";

type EditableListProps = {
  /** Names the list and each item: "What students will learn", "Outcome". */
  label: string;
  itemLabel: string;
  description: string;
  placeholder: string;
  value: string[];
  onChange: (items: string[]) => void;
  onBlur?: () => void;
  disabled?: boolean;
  error?: string | undefined;
};

type Focus = { index: number; control: "input" | "up" | "down" | "add" };

/** A list of short lines to add, edit in place, reorder and remove, all by keyboard too. */
export function EditableList({ label, itemLabel, description, placeholder, value, onChange, onBlur, disabled, error }: EditableListProps) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [focus, setFocus] = useState<Focus | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const addInput = useRef<HTMLInputElement>(null);
  const full = value.length >= MAX_LIST_ITEMS;

  // Keeps the keyboard where the person was after a row moved or disappeared.
  useEffect(() => {
    if (!focus) return;
    if (focus.control === "add") addInput.current?.focus();
    else list.current?.querySelector<HTMLElement>(`[data-row="${focus.index}"] [data-control="${focus.control}"]:not(:disabled)`)?.focus();
    setFocus(null);
  }, [focus]);

  const add = () => {
    const item = draft.trim();
    if (!item || full) return;
    onChange([...value, item]);
    setDraft("");
    setAnnouncement(`Added: ${item}.`);
  };

  const move = (index: number, direction: -1 | 1) => {
    const target = index + direction;
    const next = [...value];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(target, 0, item);
    onChange(next);
    const edge = target === 0 || target === next.length - 1;
    setFocus({ index: target, control: edge ? (direction === -1 ? "down" : "up") : direction === -1 ? "up" : "down" });
    setAnnouncement(`Moved “${item}” to position ${target + 1} of ${next.length}.`);
  };

  const remove = (index: number) => {
    const item = value[index];
    const next = value.filter((_, at) => at !== index);
    onChange(next);
    setFocus(next.length === 0 ? { index: 0, control: "add" } : { index: Math.min(index, next.length - 1), control: "input" });
    setAnnouncement(`Removed: ${item}.`);
  };

  return (
    <div className="grid gap-3">
      <div className="grid gap-1">
        <h3 id={`${id}-label`} className="text-sm font-medium">
          {label}
        </h3>
        <p className="text-xs text-muted-foreground">{description}</p>
      </div>
      {value.length > 0 && (
        <ol ref={list} aria-labelledby={`${id}-label`} className="grid gap-2">
          {value.map((item, index) => (
            <li key={index} data-row={index} className="flex items-center gap-1.5">
              <span className="w-5 shrink-0 text-right text-xs text-muted-foreground tabular-nums" aria-hidden>
                {index + 1}.
              </span>
              <Input
                data-control="input"
                value={item}
                disabled={disabled}
                maxLength={200}
                aria-label={`${itemLabel} ${index + 1}`}
                onChange={(event) => onChange(value.map((held, at) => (at === index ? event.target.value : held)))}
                onBlur={onBlur}
                className="min-w-0 flex-1"
              />
              {!disabled && (
                <div className="flex shrink-0">
                  <Button data-control="up" variant="ghost" size="icon" className="size-9" aria-label={`Move ${itemLabel.toLowerCase()} ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                    <ArrowUp aria-hidden />
                  </Button>
                  <Button data-control="down" variant="ghost" size="icon" className="size-9" aria-label={`Move ${itemLabel.toLowerCase()} ${index + 1} down`} disabled={index === value.length - 1} onClick={() => move(index, 1)}>
                    <ArrowDown aria-hidden />
                  </Button>
                  <Button variant="ghost" size="icon" className="size-9 text-muted-foreground hover:text-destructive" aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`} onClick={() => remove(index)}>
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {!disabled && (
        <div className="flex gap-2">
          <Input
            ref={addInput}
            value={draft}
            maxLength={200}
            disabled={full}
            placeholder={full ? `All ${MAX_LIST_ITEMS} items used` : placeholder}
            aria-label={`New ${itemLabel.toLowerCase()}`}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
            className="min-w-0 flex-1"
          />
          <Button variant="secondary" onClick={add} disabled={!draft.trim() || full}>
            <Plus aria-hidden /> Add
          </Button>
        </div>
      )}
      {error && <p className="text-xs font-medium text-destructive">{error}</p>}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
