"use client";

import { Bookmark as BookmarkIcon, BookmarkCheck, BookmarkPlus, Check, Pencil, Trash2, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { type PlayerHandle, usePlayer, usePlayerSecond } from "@/components/player/player-bridge";
import { formatClock } from "@/components/player/time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useDeleteBookmark, useLessonBookmarks, useRelabelBookmark } from "@/hooks/queries/notes";
import { describeError } from "@/lib/api/errors";
import type { Bookmark } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { bookmarkTitle, isDraft, momentHref, noteMoment } from "./note-list";
import { LessonStamp, LinkStamp, SeekStamp } from "./time-stamp";

export const LABEL_MAX_CHARS = 120;

type BookmarksTabProps = {
  lessonId: string;
  isVideo: boolean;
  courseNotesHref: string | null;
  /** Adds a bookmark at a second of the video, or (null) on the lesson. */
  onAdd: (position: number | null, label?: string) => void;
  announce: (text: string) => void;
};

/** The student's bookmarks on this lesson: a moment of the video, or the lesson itself. */
export function BookmarksTab({ lessonId, isVideo, courseNotesHref, onAdd, announce }: BookmarksTabProps) {
  const bookmarks = useLessonBookmarks(lessonId);
  const remove = useDeleteBookmark();
  const player = usePlayer();
  const second = usePlayerSecond();
  const list = bookmarks.data ?? [];
  const lessonMarked = list.some((bookmark) => bookmark.position_seconds === null);

  const deleteBookmark = (bookmark: Bookmark) => {
    remove.mutate(bookmark, {
      onSuccess: () => {
        announce("Bookmark removed.");
        toast("Bookmark removed", {
          action: { label: "Undo", onClick: () => onAdd(bookmark.position_seconds, bookmark.label) },
        });
      },
      onError: (error) => toast.error(`The bookmark wasn't removed: ${describeError(error)}`),
    });
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        {isVideo && player && (
          <Button type="button" variant="secondary" size="sm" onClick={() => onAdd(noteMoment(player.currentTime()))}>
            <BookmarkPlus aria-hidden /> Bookmark this moment ({formatClock(second ?? 0)})
          </Button>
        )}
        <Button type="button" variant="secondary" size="sm" disabled={lessonMarked} onClick={() => onAdd(null)}>
          {lessonMarked ? (
            <>
              <BookmarkCheck aria-hidden /> Lesson bookmarked
            </>
          ) : (
            <>
              <BookmarkIcon aria-hidden /> Bookmark lesson
            </>
          )}
        </Button>
      </div>

      {bookmarks.isPending ? (
        <div className="grid gap-2" role="status">
          <span className="sr-only">Loading your bookmarks…</span>
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : bookmarks.isError ? (
        <QueryError error={bookmarks.error} onRetry={() => void bookmarks.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState icon={BookmarkIcon} title="No bookmarks on this lesson">
          {isVideo ? (
            <>
              Press <kbd className="rounded border border-border bg-muted px-1 font-sans text-xs">B</kbd> while the video plays to bookmark the
              moment, or bookmark the whole lesson.
            </>
          ) : (
            "Bookmark the lesson to find it again from your course notes."
          )}
        </EmptyState>
      ) : (
        <ol className="grid gap-2" aria-label="Your bookmarks on this lesson">
          {list.map((bookmark) => (
            <BookmarkItem key={bookmark.id} bookmark={bookmark} player={player} onDelete={() => deleteBookmark(bookmark)} announce={announce} />
          ))}
        </ol>
      )}

      {courseNotesHref && (
        <Link href={courseNotesHref} className="justify-self-start text-sm font-medium text-primary underline-offset-4 hover:underline">
          All notes and bookmarks for this course
        </Link>
      )}
    </div>
  );
}

type BookmarkItemProps = {
  bookmark: Bookmark;
  /** The player on the page, for a moment to seek to; null lists the bookmark with links. */
  player: PlayerHandle | null;
  onDelete: () => void;
  announce: (text: string) => void;
  /** Away from the lesson (the course's notes page): the lesson page, where the moment links to. */
  lessonHref?: string;
};

/** One bookmark: where it points, its label (renamed in place) and a way to remove it. */
export function BookmarkItem({ bookmark, player, onDelete, announce, lessonHref }: BookmarkItemProps) {
  const relabel = useRelabelBookmark();
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(bookmark.label);
  const pending = isDraft(bookmark.id);
  const title = bookmarkTitle(bookmark, formatClock);

  const save = () => {
    setRenaming(false);
    const next = label.trim();
    if (next === bookmark.label) return;
    relabel.mutate(
      { id: bookmark.id, label: next },
      {
        onSuccess: () => announce("Bookmark renamed."),
        onError: (error) => {
          setLabel(bookmark.label);
          toast.error(`The bookmark wasn't renamed: ${describeError(error)}`);
        },
      },
    );
  };

  return (
    <li className={cn("flex items-center gap-2 rounded-lg border border-border bg-surface px-3 py-2", pending && "opacity-70")} aria-busy={pending || undefined}>
      {lessonHref ? (
        <LinkStamp seconds={bookmark.position_seconds} href={momentHref(lessonHref, bookmark.position_seconds)} lessonTitle={bookmark.lesson_title} />
      ) : bookmark.position_seconds === null ? (
        <LessonStamp />
      ) : (
        <SeekStamp seconds={bookmark.position_seconds} player={player} />
      )}
      {renaming ? (
        <form
          className="flex min-w-0 flex-1 items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <Input
            autoFocus
            value={label}
            maxLength={LABEL_MAX_CHARS}
            onChange={(event) => setLabel(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.preventDefault();
                setLabel(bookmark.label);
                setRenaming(false);
              }
            }}
            aria-label="Bookmark label"
            placeholder={bookmarkTitle({ ...bookmark, label: "" }, formatClock)}
            className="h-8"
          />
          <Button type="submit" variant="ghost" size="sm" className="size-8 px-0">
            <Check aria-hidden />
            <span className="sr-only">Save label</span>
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="size-8 px-0"
            onClick={() => {
              setLabel(bookmark.label);
              setRenaming(false);
            }}
          >
            <X aria-hidden />
            <span className="sr-only">Cancel</span>
          </Button>
        </form>
      ) : (
        <>
          <span className={cn("min-w-0 flex-1 truncate text-sm", !bookmark.label && "text-muted-foreground")}>{pending ? "Saving…" : title}</span>
          <Button type="button" variant="ghost" size="sm" className="size-8 shrink-0 px-0" disabled={pending} onClick={() => setRenaming(true)}>
            <Pencil aria-hidden />
            <span className="sr-only">Rename bookmark “{title}”</span>
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="size-8 shrink-0 px-0 text-muted-foreground hover:text-destructive"
            disabled={pending}
            onClick={onDelete}
          >
            <Trash2 aria-hidden />
            <span className="sr-only">Remove bookmark “{title}”</span>
          </Button>
        </>
      )}
    </li>
  );
}
