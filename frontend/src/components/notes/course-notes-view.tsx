"use client";

import { Bookmark as BookmarkIcon, ChevronRight, Download, NotebookPen, Search, SearchX, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useCourseBookmarks, useCourseNotes, useDeleteBookmark, useDeleteNote, useRestoreNote, useUpdateNote } from "@/hooks/queries/notes";
import { describeError, isApiError } from "@/lib/api/errors";
import type { Bookmark, LessonNotes, Note } from "@/lib/api/models";
import { lessonHref, pluralize } from "@/lib/catalog/course-outline";
import { cn } from "@/lib/class-names";
import { BookmarkItem } from "./bookmarks-tab";
import { NoteItem } from "./note-item";
import { momentHref } from "./note-list";
import { LessonStamp, LinkStamp } from "./time-stamp";

const SEARCH_DELAY_MS = 300;

/**
 * Every note the student took in a course, lesson by lesson in the course's order: searched (the
 * search is in the URL, `?q=`, so it survives a reload and can be bookmarked), edited, deleted,
 * exported as a Markdown file; and their bookmarks in the course.
 */
export function CourseNotesView({ courseId }: { courseId: string }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const query = (searchParams.get("q") ?? "").trim();
  const [text, setText] = useState(searchParams.get("q") ?? "");
  const notes = useCourseNotes(courseId, query);
  const searchId = useId();
  const announcement = useAnnouncer();

  // Typing searches once it pauses; the URL keeps the search without adding history entries.
  useEffect(() => {
    if (text.trim() === query) return;
    const timer = window.setTimeout(() => {
      const params = new URLSearchParams(searchParams.toString());
      if (text.trim()) params.set("q", text.trim());
      else params.delete("q");
      const search = params.toString();
      window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, query, pathname, searchParams]);

  if (notes.isError && isApiError(notes.error) && notes.error.status === 404) {
    return (
      <div className="mx-auto grid max-w-4xl gap-6 px-4 py-10 sm:px-6">
        <EmptyState icon={NotebookPen} title="These notes aren't here">
          The course may have been removed, or the link is wrong.{" "}
          <Link href="/learning" className="font-medium text-primary underline-offset-4 hover:underline">
            Back to My learning
          </Link>
        </EmptyState>
      </div>
    );
  }

  const data = notes.data;
  const searching = notes.isFetching && data !== undefined && data.query !== query;
  const exportHref = `/api/courses/${encodeURIComponent(courseId)}/notes/export`;

  return (
    <div className="mx-auto grid max-w-4xl gap-6 px-4 py-8 sm:px-6 sm:py-10">
      <header className="grid gap-3">
        <nav aria-label="Breadcrumb">
          <ol className="flex flex-wrap items-center gap-1 text-sm text-muted-foreground">
            <li>
              <Link href="/learning" className="font-medium text-primary hover:underline">
                My learning
              </Link>
            </li>
            {data && (
              <li className="flex min-w-0 items-center gap-1">
                <ChevronRight className="size-3.5 shrink-0" aria-hidden />
                <Link href={`/courses/${encodeURIComponent(data.course_slug)}`} className="truncate font-medium text-primary hover:underline">
                  {data.course_title}
                </Link>
              </li>
            )}
          </ol>
        </nav>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="grid gap-1">
            <h1 className="font-display text-3xl font-semibold tracking-tight">My notes</h1>
            {data ? <p className="text-muted-foreground">{data.course_title}</p> : <Skeleton className="h-5 w-48" />}
          </div>
          <Button asChild variant="secondary">
            <a href={exportHref} download>
              <Download aria-hidden /> Export as Markdown
            </a>
          </Button>
        </div>
      </header>

      <div role="search" className="grid gap-2">
        <label htmlFor={searchId} className="sr-only">
          Search your notes in this course
        </label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            id={searchId}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape" && text) {
                event.preventDefault();
                setText("");
              }
            }}
            placeholder="Search your notes"
            maxLength={200}
            className="pr-10 pl-9"
          />
          {text && (
            <button
              type="button"
              onClick={() => setText("")}
              className="absolute top-1/2 right-2 flex size-7 -translate-y-1/2 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground"
            >
              <X className="size-4" aria-hidden />
              <span className="sr-only">Clear the search</span>
            </button>
          )}
        </div>
        <p className="text-sm text-muted-foreground" role="status" aria-live="polite">
          {data && !searching
            ? data.query
              ? `${pluralize(data.total, "note")} ${data.total === 1 ? "matches" : "match"} “${data.query}”`
              : pluralize(data.total, "note")
            : ""}
        </p>
      </div>

      <p className="sr-only" role="status" aria-live="polite">
        {announcement.text}
      </p>

      {notes.isPending ? (
        <div className="grid gap-3" role="status">
          <span className="sr-only">Loading your notes…</span>
          <Skeleton className="h-6 w-56" />
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
      ) : notes.isError ? (
        <QueryError error={notes.error} onRetry={() => void notes.refetch()} />
      ) : data && data.lessons.length === 0 ? (
        data.query ? (
          <EmptyState icon={SearchX} title={`No notes match “${data.query}”`}>
            <Button variant="link" onClick={() => setText("")}>
              Show all notes
            </Button>
          </EmptyState>
        ) : (
          <EmptyState icon={NotebookPen} title="No notes in this course yet">
            Press <kbd className="rounded border border-border bg-muted px-1 font-sans text-xs">N</kbd> while a video plays to pin a note to that
            moment, or add one beside any lesson.{" "}
            <Link href={`/courses/${encodeURIComponent(data.course_slug)}`} className="font-medium text-primary underline-offset-4 hover:underline">
              Go to the course
            </Link>
          </EmptyState>
        )
      ) : (
        data && (
          <div className={cn("grid gap-8 transition-opacity", searching && "opacity-60")} aria-busy={searching || undefined}>
            {data.lessons.map((lesson) => (
              <LessonNotesSection key={lesson.lesson_id} lesson={lesson} courseSlug={data.course_slug} announce={announcement.say} />
            ))}
          </div>
        )
      )}

      <CourseBookmarks courseId={courseId} announce={announcement.say} />
    </div>
  );
}

function useAnnouncer() {
  const [text, setText] = useState("");
  // The same words twice in a row are still read out: a no-break space tells them apart.
  const say = (next: string) => setText((previous) => (previous === next ? `${next}\u00a0` : next));
  return { text, say };
}

function LessonNotesSection({ lesson, courseSlug, announce }: { lesson: LessonNotes; courseSlug: string; announce: (text: string) => void }) {
  const update = useUpdateNote();
  const remove = useDeleteNote();
  const restore = useRestoreNote();
  const page = lessonHref(courseSlug, lesson.lesson_id);
  const headingId = `lesson-${lesson.lesson_id}`;

  const deleteNote = (note: Note) =>
    remove.mutate(note, {
      onSuccess: () => {
        announce("Note deleted.");
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
      onError: (error) => toast.error(`The note wasn't deleted: ${describeError(error)}`),
    });

  return (
    <section aria-labelledby={headingId} className="grid gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-border pb-2">
        <div className="min-w-0">
          <p className="text-xs font-medium text-muted-foreground">{lesson.section_title}</p>
          <h2 id={headingId} className="text-lg font-semibold">
            {lesson.lesson_title}
          </h2>
        </div>
        <Link href={page} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          Open the lesson
        </Link>
      </div>
      <ol className="grid gap-2">
        {lesson.notes.map((note) => (
          <NoteItem
            key={note.id}
            note={note}
            stamp={
              note.position_seconds === null ? (
                <LessonStamp />
              ) : (
                <LinkStamp seconds={note.position_seconds} href={momentHref(page, note.position_seconds)} lessonTitle={lesson.lesson_title} />
              )
            }
            canChooseMoment={lesson.lesson_kind === "video" && note.position_seconds !== null}
            onSave={(changes) =>
              update.mutateAsync({ id: note.id, changes }).then(
                () => {
                  announce("Note saved.");
                  return true;
                },
                () => false,
              )
            }
            onDelete={() => deleteNote(note)}
          />
        ))}
      </ol>
    </section>
  );
}

function CourseBookmarks({ courseId, announce }: { courseId: string; announce: (text: string) => void }) {
  const bookmarks = useCourseBookmarks(courseId);
  const remove = useDeleteBookmark();
  const list = bookmarks.data ?? [];

  const deleteBookmark = (bookmark: Bookmark) =>
    remove.mutate(bookmark, {
      onSuccess: () => announce("Bookmark removed."),
      onError: (error) => toast.error(`The bookmark wasn't removed: ${describeError(error)}`),
    });

  // The page is about notes: bookmarks show once there are some (or say why they can't load).
  if (bookmarks.isPending || (bookmarks.isSuccess && list.length === 0)) return null;

  return (
    <section aria-labelledby="course-bookmarks" className="grid gap-3 border-t border-border pt-6">
      <h2 id="course-bookmarks" className="flex items-center gap-2 text-lg font-semibold">
        <BookmarkIcon className="size-5 text-muted-foreground" aria-hidden /> Bookmarks
      </h2>
      {bookmarks.isError ? (
        <QueryError error={bookmarks.error} onRetry={() => void bookmarks.refetch()} />
      ) : (
        <ol className="grid gap-2">
          {list.map((bookmark, index) => {
            const firstOfLesson = list[index - 1]?.lesson_id !== bookmark.lesson_id;
            return (
              <li key={bookmark.id} className="grid gap-1">
                {firstOfLesson && <p className="mt-1 text-sm font-medium">{bookmark.lesson_title}</p>}
                <ol>
                  <BookmarkItem
                    bookmark={bookmark}
                    player={null}
                    onDelete={() => deleteBookmark(bookmark)}
                    announce={announce}
                    lessonHref={lessonHref(bookmark.course_slug, bookmark.lesson_id)}
                  />
                </ol>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
