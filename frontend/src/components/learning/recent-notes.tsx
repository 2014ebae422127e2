import { NotebookPen } from "lucide-react";
import Link from "next/link";
import { formatClock } from "@/components/player/time";
import type { Note } from "@/lib/api/models";
import { plainExcerpt } from "@/lib/catalog/plain-excerpt";
import { lessonAtHref } from "./learning-format";

/** The student's latest notes, each a link to its moment in the lesson. */
export function RecentNotes({ notes }: { notes: Note[] }) {
  return (
    <section aria-labelledby="recent-notes" className="grid gap-3 rounded-xl border border-border bg-surface p-5 shadow-xs">
      <h2 id="recent-notes" className="font-semibold">
        Recent notes
      </h2>
      {notes.length === 0 ? (
        <p className="flex gap-2 text-sm text-muted-foreground">
          <NotebookPen className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            Notes you take while watching show up here. In the player, press <kbd className="rounded border border-border px-1 font-mono text-xs">N</kbd> to
            write one at the current second.
          </span>
        </p>
      ) : (
        <ul className="grid gap-3">
          {notes.map((note) => (
            <li key={note.id} className="grid gap-0.5 text-sm">
              <Link href={lessonAtHref(note.course_slug, note.lesson_id, note.position_seconds)} className="line-clamp-2 font-medium hover:underline">
                {plainExcerpt(note.body, 140) || "(empty note)"}
              </Link>
              <p className="truncate text-xs text-muted-foreground">
                {note.position_seconds !== null && <span className="font-mono">{formatClock(note.position_seconds)} · </span>}
                {note.lesson_title} · {note.course_title}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
