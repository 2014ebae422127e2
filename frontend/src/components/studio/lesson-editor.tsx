"use client";

import { Trash2 } from "lucide-react";
import { useCallback, useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { useDeleteLesson, useUpdateLesson } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { LessonKind, StudioLesson } from "@/lib/api/models";
import { formatDuration } from "@/lib/format/course";
import { useCurriculum } from "./curriculum-context";
import { MarkdownField } from "./markdown-field";
import { SaveIndicator } from "./save-indicator";
import { useAutosave } from "./use-autosave";
import { useUploadManager } from "./video/upload-manager";
import { VideoPanel } from "./video/video-panel";

const LATER: Record<Exclude<LessonKind, "article" | "video">, { title: string; text: string }> = {
  quiz: {
    title: "Quiz questions arrive with the assessments feature",
    text: "For now you can name this lesson, place it in the curriculum and mark it as a free preview. Its questions are written once quizzes are available.",
  },
  assignment: {
    title: "Assignments arrive with the assessments feature",
    text: "For now you can name this lesson and place it in the curriculum. Its instructions and submissions come once assignments are available.",
  },
};

type LessonEditorProps = { id: string; lesson: StudioLesson; onClose: () => void };

/** The open lesson: its title, its content (an article's text is autosaved, a video uploaded), and deleting it. */
export function LessonEditor({ id, lesson, onClose }: LessonEditorProps) {
  const curriculum = useCurriculum();
  const remove = useDeleteLesson(curriculum.courseId);
  const uploads = useUploadManager();
  const editable = curriculum.editable;

  const deleteLesson = () =>
    remove.mutate(lesson.id, {
      onSuccess: () => {
        uploads.forgetLessons([lesson.id]);
        toast.success(`Lesson “${lesson.title}” deleted.`);
        curriculum.announce(`Lesson “${lesson.title}” deleted.`);
      },
      onError: (error) => toast.error(describeError(error)),
    });

  return (
    <div id={id} role="region" aria-label={`Lesson: ${lesson.title}`} className="grid gap-4 border-t border-border p-3 sm:p-4">
      <LessonTitleField lesson={lesson} editable={editable} />
      {lesson.kind === "article" ? (
        <ArticleBody lesson={lesson} editable={editable} />
      ) : lesson.kind === "video" ? (
        <VideoPanel lesson={lesson} courseId={curriculum.courseId} editable={editable} />
      ) : (
        <Alert tone="info" title={LATER[lesson.kind].title}>
          {LATER[lesson.kind].text}
        </Alert>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close
        </Button>
        {editable && (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" className="text-destructive hover:bg-destructive-soft" pending={remove.isPending}>
                <Trash2 aria-hidden /> Delete lesson
              </Button>
            }
            title={`Delete “${lesson.title}”?`}
            description={
              lesson.kind === "video"
                ? "The lesson, its video and its captions are deleted, and an upload still running for it stops. This can't be undone."
                : "The lesson and everything written in it are deleted. This can't be undone."
            }
            confirmLabel="Delete lesson"
            onConfirm={deleteLesson}
          />
        )}
      </div>
    </div>
  );
}

function LessonTitleField({ lesson, editable }: { lesson: StudioLesson; editable: boolean }) {
  const curriculum = useCurriculum();
  const update = useUpdateLesson(curriculum.courseId);
  const [title, setTitle] = useState(lesson.title);
  const [error, setError] = useState<string | null>(null);
  const fieldId = `lesson-title-${lesson.id}`;

  const save = () => {
    const next = title.trim();
    if (next === lesson.title) return setError(null);
    if (!next) return setError("A lesson needs a title.");
    update.mutate(
      { lessonId: lesson.id, changes: { title: next } },
      {
        onSuccess: () => {
          setError(null);
          curriculum.announce(`Lesson renamed to “${next}”.`);
        },
        onError: (failure) => setError(describeError(failure)),
      },
    );
  };

  return (
    <div className="grid gap-1.5">
      <Label htmlFor={fieldId}>Lesson title</Label>
      <Input
        id={fieldId}
        value={title}
        maxLength={120}
        disabled={!editable}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        onChange={(event) => setTitle(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            save();
          } else if (event.key === "Escape") {
            setTitle(lesson.title);
            setError(null);
          }
        }}
      />
      {error ? (
        <p id={`${fieldId}-error`} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : (
        <p className="text-xs text-muted-foreground">{update.isPending ? "Saving…" : "Saved when you press Enter or leave the field."}</p>
      )}
    </div>
  );
}

const BODY_MAX = 100_000;

/** An article's Markdown, autosaved like the course details; the server works out the reading time. */
function ArticleBody({ lesson, editable }: { lesson: StudioLesson; editable: boolean }) {
  const curriculum = useCurriculum();
  const { mutateAsync } = useUpdateLesson(curriculum.courseId);
  const [body, setBody] = useState(lesson.body);
  const [saved, setSaved] = useState(lesson.body);
  if (saved !== lesson.body) {
    // Another window changed the text: follow it unless this one has edits of its own.
    setSaved(lesson.body);
    if (body === saved) setBody(lesson.body);
  }
  const tooLong = body.length > BODY_MAX;
  const changes = body !== lesson.body && !tooLong ? { body } : {};
  const save = useCallback((sent: { body?: string }) => mutateAsync({ lessonId: lesson.id, changes: sent }), [mutateAsync, lesson.id]);
  const autosave = useAutosave({ changes, save, hasProblems: tooLong, enabled: editable });

  return (
    <div className="grid gap-2">
      <MarkdownField
        label="Article text"
        value={body}
        disabled={!editable}
        rows={14}
        error={tooLong ? `Keep the article under ${BODY_MAX.toLocaleString()} characters (now ${body.length.toLocaleString()}).` : autosave.serverErrors.body}
        placeholder={"Write the lesson in Markdown.\n\n## A heading\n\nParagraphs, **bold**, lists, links and code blocks all work."}
        onChange={setBody}
        onBlur={autosave.flush}
      />
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
        <span>{lesson.duration_seconds > 0 ? `About ${formatDuration(lesson.duration_seconds)} to read, worked out from the saved text.` : "The reading time is worked out once there is text."}</span>
        <SaveIndicator status={autosave.status} failure={autosave.failure} onRetry={autosave.retryNow} className="text-xs" testId="lesson-save-status" />
      </div>
    </div>
  );
}
