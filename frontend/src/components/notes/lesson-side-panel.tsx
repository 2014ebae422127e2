"use client";

import { type ReactNode, useState } from "react";
import { type AnnotationRequest, useAnnotationRequests } from "@/components/player/player-bridge";
import { formatClock } from "@/components/player/time";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { toast } from "@/components/ui/toaster";
import { useAddBookmark, useLessonBookmarks, useLessonNotes } from "@/hooks/queries/notes";
import { describeError } from "@/lib/api/errors";
import { cn } from "@/lib/class-names";
import { BookmarksTab } from "./bookmarks-tab";
import { type NoteRequest, NotesTab } from "./notes-tab";

type Tab = "contents" | "notes" | "bookmarks";

type LessonSidePanelProps = {
  /** A signed-in viewer takes notes; anyone else sees the contents alone. */
  takesNotes: boolean;
  lessonId: string;
  isVideo: boolean;
  /** The course's id, for the link to all its notes (unknown for a draft seen by its team). */
  courseId: string | null;
  /** The course's lessons (the "Contents" tab); none for a course without a public outline. */
  children?: ReactNode;
};

const tabContentClass = "mt-0 min-h-0 data-[state=inactive]:hidden";

/**
 * Beside the player: the course's contents, the student's notes and bookmarks, as tabs. "n" and
 * "b" in the player open the matching tab (a new note, a bookmark at that second); what they did
 * is announced to screen readers here.
 */
export function LessonSidePanel({ takesNotes, children, ...props }: LessonSidePanelProps) {
  if (!takesNotes) return <>{children}</>;
  return <NotesAndContents {...props} contents={children} />;
}

function NotesAndContents({ lessonId, isVideo, courseId, contents }: Omit<LessonSidePanelProps, "takesNotes" | "children"> & { contents: ReactNode }) {
  const [tab, setTab] = useState<Tab>(contents ? "contents" : "notes");
  const [noteRequest, setNoteRequest] = useState<NoteRequest | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const notes = useLessonNotes(lessonId);
  const bookmarks = useLessonBookmarks(lessonId);
  const addBookmark = useAddBookmark(lessonId);
  const courseNotesHref = courseId ? `/learning/notes/${encodeURIComponent(courseId)}` : null;

  // The same words twice in a row are still read out: a no-break space tells them apart.
  const announce = (text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));

  const bookmarkAt = (position: number | null, label = "") => {
    const place = position === null ? "this lesson" : formatClock(position);
    addBookmark.mutate(
      { position_seconds: position, label },
      {
        onSuccess: () => announce(`Bookmarked ${place}.`),
        onError: (error) => {
          announce(`The bookmark wasn't added: ${describeError(error)}`);
          toast.error(`The bookmark wasn't added: ${describeError(error)}`);
        },
      },
    );
  };

  useAnnotationRequests((request: AnnotationRequest) => {
    if (request.kind === "note") {
      setTab("notes");
      setNoteRequest({ at: request.at, wasPlaying: request.wasPlaying, fromPlayer: true, signal: Date.now() });
    } else {
      setTab("bookmarks");
      bookmarkAt(request.at);
    }
  });

  const count = (n: number | undefined) =>
    n ? (
      <span className="rounded-full bg-muted px-1.5 text-xs tabular-nums group-data-[state=active]:bg-accent">{n}</span>
    ) : null;

  return (
    <Tabs value={tab} onValueChange={(value) => setTab(value as Tab)} className="flex min-h-0 flex-col gap-3 lg:max-h-full">
      <TabsList aria-label="Beside the lesson" className={cn("grid w-full shrink-0", contents ? "grid-cols-3" : "grid-cols-2")}>
        {contents && (
          <TabsTrigger value="contents" className="px-2">
            Contents
          </TabsTrigger>
        )}
        <TabsTrigger value="notes" className="group px-2">
          Notes {count(notes.data?.length)}
        </TabsTrigger>
        <TabsTrigger value="bookmarks" className="group px-2">
          Bookmarks {count(bookmarks.data?.length)}
        </TabsTrigger>
      </TabsList>
      {/* Every tab stays mounted: a half-written note survives a look at the contents. */}
      {contents && (
        <TabsContent value="contents" forceMount className={cn(tabContentClass, "flex-col data-[state=active]:flex")}>
          {contents}
        </TabsContent>
      )}
      <TabsContent value="notes" forceMount className={cn(tabContentClass, "overflow-y-auto overscroll-contain lg:pr-1")}>
        <NotesTab key={lessonId} lessonId={lessonId} isVideo={isVideo} courseNotesHref={courseNotesHref} request={noteRequest} announce={announce} />
      </TabsContent>
      <TabsContent value="bookmarks" forceMount className={cn(tabContentClass, "overflow-y-auto overscroll-contain lg:pr-1")}>
        <BookmarksTab key={lessonId} lessonId={lessonId} isVideo={isVideo} courseNotesHref={courseNotesHref} onAdd={bookmarkAt} announce={announce} />
      </TabsContent>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </Tabs>
  );
}
