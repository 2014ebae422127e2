"use client";

import { NotebookPen, Plus } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { usePlayer, usePlayerSecond } from "@/components/player/player-bridge";
import { formatClock } from "@/components/player/time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useCreateNote, useDeleteNote, useLessonNotes, useRestoreNote, useUpdateNote } from "@/hooks/queries/notes";
import { describeError } from "@/lib/api/errors";
import type { Note } from "@/lib/api/models";
import { NoteComposer } from "./note-composer";
import { NoteItem } from "./note-item";
import { noteMoment } from "./note-list";
import { LessonStamp, SeekStamp } from "./time-stamp";

/** A new note asked for by "n" in the player (or the add button): where, and what to resume. */
export type NoteRequest = { at: number | null; wasPlaying: boolean; fromPlayer: boolean; signal: number };

type ComposerState = NoteRequest & { mountKey: number; initialBody: string; error: string | null };

type NotesTabProps = {
  lessonId: string;
  /** A video lesson (its notes sit at moments), whether or not its video can play yet. */
  isVideo: boolean;
  /** The per-course notes page, when the course is known. */
  courseNotesHref: string | null;
  request: NoteRequest | null;
  announce: (text: string) => void;
};

const placeOf = (position: number | null) => (position === null ? "on the lesson" : `at ${formatClock(position)}`);

/** The student's notes on this lesson beside the player: taking, reading, jumping, editing. */
export function NotesTab({ lessonId, isVideo, courseNotesHref, request, announce }: NotesTabProps) {
  const notes = useLessonNotes(lessonId);
  const create = useCreateNote(lessonId);
  const update = useUpdateNote();
  const remove = useDeleteNote();
  const restore = useRestoreNote();
  const player = usePlayer();
  const second = usePlayerSecond();
  const addRef = useRef<HTMLButtonElement>(null);
  const [composer, setComposer] = useState<ComposerState | null>(null);

  // "n" in the player: open the box at that second, or move the open one there (keeping its text).
  const [seenSignal, setSeenSignal] = useState(request?.signal ?? 0);
  if (request && request.signal !== seenSignal) {
    setSeenSignal(request.signal);
    setComposer((open) =>
      open
        ? { ...open, ...request, wasPlaying: open.wasPlaying || request.wasPlaying }
        : { ...request, mountKey: request.signal, initialBody: "", error: null },
    );
  }

  const openComposer = () => {
    const wasPlaying = player ? !player.paused() : false;
    player?.pause();
    const at = player && isVideo ? noteMoment(player.currentTime()) : null;
    const signal = Date.now();
    setComposer({ at, wasPlaying, fromPlayer: false, signal, mountKey: signal, initialBody: "", error: null });
  };

  // Where the keyboard goes when the box closes: back to the player it came from, or the button.
  const [closedFrom, setClosedFrom] = useState<{ fromPlayer: boolean } | null>(null);
  const playerRef = useRef(player);
  useEffect(() => {
    playerRef.current = player;
  });
  useEffect(() => {
    if (!closedFrom) return;
    if (closedFrom.fromPlayer) playerRef.current?.focus();
    else addRef.current?.focus();
  }, [closedFrom]);

  const close = (state: ComposerState) => {
    setComposer(null);
    setClosedFrom({ fromPlayer: state.fromPlayer });
    if (state.wasPlaying) player?.play();
  };

  const save = (state: ComposerState, body: string, position: number | null) => {
    close(state);
    create.mutate(
      { body, position_seconds: position },
      {
        onSuccess: (note) => announce(`Note saved ${placeOf(note.position_seconds)}.`),
        onError: (error) => {
          // Back in the box, as written, with the reason.
          const signal = Date.now();
          setComposer({ ...state, at: position, signal, mountKey: signal, initialBody: body, error: `Not saved: ${describeError(error)}` });
          announce(`The note wasn't saved: ${describeError(error)}`);
        },
      },
    );
  };

  const deleteNote = (note: Note) => {
    remove.mutate(note, {
      onSuccess: () => {
        announce(`Note ${placeOf(note.position_seconds)} deleted.`);
        toast("Note deleted", {
          action: {
            label: "Undo",
            onClick: () =>
              restore.mutate(note, {
                onSuccess: () => announce("Note restored."),
                onError: (error) => toast.error(`The note couldn't be restored: ${describeError(error)}`),
              }),
          },
        });
      },
      onError: (error) => {
        announce(`The note wasn't deleted: ${describeError(error)}`);
        toast.error(`The note wasn't deleted: ${describeError(error)}`);
      },
    });
  };

  const saveEdit = (note: Note, changes: { body: string; position_seconds: number | null }) =>
    update.mutateAsync({ id: note.id, changes }).then(
      () => {
        announce("Note saved.");
        return true;
      },
      (error: unknown) => {
        announce(`The note wasn't saved: ${describeError(error)}`);
        return false;
      },
    );

  const list = notes.data ?? [];
  const canNoteMoment = isVideo && player !== null;

  return (
    <div className="grid gap-3">
      {composer ? (
        <NoteComposer
          key={composer.mountKey}
          initialBody={composer.initialBody}
          position={composer.at}
          canChooseMoment={composer.at !== null}
          focusSignal={composer.signal}
          submitLabel="Save note"
          label={composer.at === null ? "New note on the lesson" : `New note at ${formatClock(composer.at)}`}
          error={composer.error}
          onSave={(body, position) => save(composer, body, position)}
          onCancel={() => close(composer)}
        />
      ) : (
        <Button ref={addRef} type="button" variant="secondary" className="w-full justify-start" onClick={openComposer}>
          <Plus aria-hidden />
          {canNoteMoment ? `Add a note at ${formatClock(second ?? 0)}` : "Add a note"}
        </Button>
      )}

      {notes.isPending ? (
        <div className="grid gap-2" role="status">
          <span className="sr-only">Loading your notes…</span>
          <Skeleton className="h-20" />
          <Skeleton className="h-16" />
        </div>
      ) : notes.isError ? (
        <QueryError error={notes.error} onRetry={() => void notes.refetch()} />
      ) : list.length === 0 ? (
        !composer && (
          <EmptyState icon={NotebookPen} title="No notes on this lesson yet">
            {isVideo ? (
              <>
                Press <kbd className="rounded border border-border bg-muted px-1 font-sans text-xs">N</kbd> while the video plays: it pauses and
                your note is pinned to that moment. Notes are private to you.
              </>
            ) : (
              "Write down what you want to remember. Notes are private to you."
            )}
          </EmptyState>
        )
      ) : (
        <ol className="grid gap-2" aria-label="Your notes on this lesson">
          {list.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              stamp={note.position_seconds === null ? <LessonStamp /> : <SeekStamp seconds={note.position_seconds} player={player} />}
              canChooseMoment={isVideo && note.position_seconds !== null}
              onSave={(changes) => saveEdit(note, changes)}
              onDelete={() => deleteNote(note)}
            />
          ))}
        </ol>
      )}

      {courseNotesHref && (
        <Link href={courseNotesHref} className="justify-self-start text-sm font-medium text-primary underline-offset-4 hover:underline">
          All notes for this course
        </Link>
      )}
    </div>
  );
}
