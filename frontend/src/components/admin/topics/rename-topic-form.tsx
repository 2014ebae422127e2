"use client";

import { Check, X } from "lucide-react";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Topic } from "@/lib/api/models";

type RenameTopicFormProps = { topic: Topic; onRename: (name: string) => void; onDone: () => void };

/** The topic's name, editable where it stands: Enter saves, Escape leaves it as it was. */
export function RenameTopicForm({ topic, onRename, onDone }: RenameTopicFormProps) {
  const [name, setName] = useState(topic.name);
  const trimmed = name.trim();
  const problem = trimmed === "" ? "A topic needs a name." : trimmed.length > 80 ? "Use at most 80 characters." : null;
  const errorId = `rename-${topic.id}-error`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    if (trimmed !== topic.name) onRename(trimmed);
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onDone();
    }
  };

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} className="flex min-w-0 flex-1 flex-wrap items-start gap-2">
      <div className="grid min-w-0 flex-1 basis-48 gap-1">
        <Input
          aria-label={`New name for ${topic.name}`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={80}
          autoFocus
          onFocus={(event) => event.target.select()}
          className="h-9"
        />
        {problem && (
          <p id={errorId} className="text-xs font-medium text-destructive">
            {problem}
          </p>
        )}
      </div>
      <div className="flex gap-1">
        <Button type="submit" size="sm" className="h-9">
          <Check aria-hidden /> Save
        </Button>
        <Button type="button" size="sm" variant="ghost" className="h-9" onClick={onDone}>
          <X aria-hidden /> Cancel
        </Button>
      </div>
    </form>
  );
}
