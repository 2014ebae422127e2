"use client";

import { ClipboardPen, ListChecks, Trash2 } from "lucide-react";
import Link from "next/link";
import { useCallback, useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { useDeleteLesson, useUpdateLesson } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { StudioLesson } from "@/lib/api/models";
import { formatDuration } from "@/lib/format/course";
import { useCurriculum } from "./curriculum-context";
import { MarkdownField } from "./markdown-field";
import { SaveIndicator } from "./save-indicator";
import { useAutosave } from "./use-autosave";
import { useUploadManager } from "./video/upload-manager";
import { VideoPanel } from "./video/video-panel";

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
        <GradedLessonEditor lesson={lesson} courseId={curriculum.courseId} editable={editable} />
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
                : lesson.kind === "article"
                  ? "The lesson and everything written in it are deleted. This can't be undone."
                  : `The ${lesson.kind}, its questions or rubric, and every student's ${lesson.kind === "quiz" ? "attempts" : "submissions"} and grades are deleted. This can't be undone.`
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

/** A quiz's introduction or an assignment's instructions (autosaved), and the way to its builder. */
function GradedLessonEditor({ lesson, courseId, editable }: { lesson: StudioLesson; courseId: string; editable: boolean }) {
  const quiz = lesson.kind === "quiz";
  const href = `/studio/courses/${encodeURIComponent(courseId)}/${quiz ? "quizzes" : "assignments"}/${encodeURIComponent(lesson.id)}`;
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border bg-muted/40 p-3">
        <p className="text-sm text-muted-foreground">
          {quiz
            ? "Questions, time limit, attempts, pass mark, due date and when answers are shown."
            : "Due date, late policy, what students hand in, and the rubric you grade by."}
        </p>
        <Button asChild size="sm">
          <Link href={href}>
            {quiz ? <ListChecks aria-hidden /> : <ClipboardPen aria-hidden />} {quiz ? "Build the quiz" : "Set up the assignment"}
          </Link>
        </Button>
      </div>
      <ArticleBody
        lesson={lesson}
        editable={editable}
        label={quiz ? "Introduction shown before the quiz" : "Instructions"}
        placeholder={quiz ? "What the quiz covers and how to prepare." : "What to do, what to hand in and how it is graded. Markdown works."}
      />
    </div>
  );
}

/** A lesson's Markdown, autosaved like the course details; for an article the server works out
 * the reading time. */
function ArticleBody({
  lesson,
  editable,
  label = "Article text",
  placeholder = "Write the lesson in Markdown.\n\n## A heading\n\nParagraphs, **bold**, lists, links and code blocks all work.",
}: {
  lesson: StudioLesson;
  editable: boolean;
  label?: string;
  placeholder?: string;
}) {
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
        label={label}
        value={body}
        disabled={!editable}
        rows={lesson.kind === "article" ? 14 : 8}
        error={tooLong ? `Keep the text under ${BODY_MAX.toLocaleString()} characters (now ${body.length.toLocaleString()}).` : autosave.serverErrors.body}
        placeholder={placeholder}
        onChange={setBody}
        onBlur={autosave.flush}
      />
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
        <span>
          {lesson.kind !== "article"
            ? "Students read this on the lesson page."
            : lesson.duration_seconds > 0
              ? `About ${formatDuration(lesson.duration_seconds)} to read, worked out from the saved text.`
              : "The reading time is worked out once there is text."}
        </span>
        <SaveIndicator status={autosave.status} failure={autosave.failure} onRetry={autosave.retryNow} className="text-xs" testId="lesson-save-status" />
      </div>
    </div>
  );
}
