"use client";

import { Pencil, Trash2 } from "lucide-react";
import { type ReactNode, useState } from "react";
import { formatClock } from "@/components/player/time";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { Note } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { NoteComposer } from "./note-composer";
import { isDraft } from "./note-list";
import { NoteMarkdown } from "./note-markdown";

type NoteItemProps = {
  note: Note;
  /** The note's timestamp as a control (a button that seeks, or a link to the moment). */
  stamp: ReactNode;
  /** A note on a video may move between its moment and the whole lesson. */
  canChooseMoment: boolean;
  /** Saves an edit; resolves true when saved (the editor closes), false when refused. */
  onSave: (changes: { body: string; position_seconds: number | null }) => Promise<boolean>;
  onDelete: () => void;
};

/** One note: its moment, its text (Markdown) and when it was written; edited in place. */
export function NoteItem({ note, stamp, canChooseMoment, onSave, onDelete }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = isDraft(note.id);
  const edited = Date.parse(note.updated_at) - Date.parse(note.created_at) > 1000;
  const where = note.position_seconds === null ? "on the lesson" : `at ${formatClock(note.position_seconds)}`;

  if (editing) {
    return (
      <li>
        <NoteComposer
          initialBody={note.body}
          position={note.position_seconds}
          canChooseMoment={canChooseMoment}
          submitLabel="Save"
          label="Edit note"
          error={error}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
          onSave={(body, position) => {
            setEditing(false);
            setError(null);
            void onSave({ body, position_seconds: position }).then((saved) => {
              if (!saved) {
                setEditing(true);
                setError("The change wasn't saved. Try again.");
              }
            });
          }}
        />
      </li>
    );
  }

  return (
    <li className={cn("group grid gap-1.5 rounded-lg border border-border bg-surface p-3", pending && "opacity-70")} aria-busy={pending || undefined}>
      <div className="flex items-center gap-2">
        {stamp}
        <span className="min-w-0 flex-1 truncate text-xs text-muted-foreground">
          {pending ? (
            "Saving…"
          ) : (
            <>
              <LocalTime iso={note.created_at} />
              {edited && " · edited"}
            </>
          )}
        </span>
        <div className="flex shrink-0 gap-0.5">
          <Button type="button" variant="ghost" size="sm" className="size-8 px-0" disabled={pending} onClick={() => setEditing(true)}>
            <Pencil aria-hidden />
            <span className="sr-only">Edit note {where}</span>
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="size-8 px-0 text-muted-foreground hover:text-destructive"
            disabled={pending}
            onClick={onDelete}
          >
            <Trash2 aria-hidden />
            <span className="sr-only">Delete note {where}</span>
          </Button>
        </div>
      </div>
      <NoteMarkdown>{note.body}</NoteMarkdown>
    </li>
  );
}
