"use client";

import { ClipboardPen, Download, FileUp, History, MessageSquareText, Paperclip, Send, X } from "lucide-react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Markdown } from "@/components/catalog/markdown";
import { ProgressBar } from "@/components/studio/video/progress-bar";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { toast } from "@/components/ui/toaster";
import { useDropFile, useFileUploaded, useGradeSeen, useStudentAssignment, useSubmitAssignment } from "@/hooks/queries/assessments";
import { describeError, isApiError } from "@/lib/api/errors";
import type { StudentAssignment, SubmissionFile, SubmissionOut } from "@/lib/api/models";
import { FILE_KIND_LABELS, acceptFor, formatFileSize, formatPoints, latePolicyText } from "@/lib/assessments/format";
import { formatDateTime } from "@/lib/locale/dates";
import { uploadWithProgress } from "@/lib/http/upload-with-progress";
import { DueLine } from "./due-line";
import { PanelSkeleton } from "./quiz-panel";
import { RubricTable } from "./rubric-table";

type Upload = { key: string; name: string; progress: number; error: string | null; abort: () => void };

/** An assignment on its lesson page: its rules, the latest grade, the hand-in form (text and
 * files, each uploaded with a progress bar) and the history of submissions. */
export function AssignmentPanel({ lessonId, timeZone }: { lessonId: string; timeZone: string }) {
  const assignment = useStudentAssignment(lessonId);
  const seen = useGradeSeen(lessonId);
  const graded = assignment.data?.submissions.find((s) => s.grade?.released_at);
  const { mutate: markSeen } = seen;
  const gradedId = graded?.id;
  useEffect(() => {
    if (gradedId) markSeen();
  }, [gradedId, markSeen]);

  if (assignment.isPending) return <PanelSkeleton />;
  if (assignment.isError) return <QueryError error={assignment.error} onRetry={() => void assignment.refetch()} />;
  const data = assignment.data;
  const hasSubmitted = data.submissions.length > 0;

  return (
    <section aria-labelledby="assignment-title" className="grid gap-6 rounded-xl border border-border bg-surface p-5 sm:p-6" data-testid="assignment-panel">
      <div className="grid gap-2">
        <h2 id="assignment-title" className="flex items-center gap-2 text-lg font-semibold">
          <ClipboardPen className="size-5 text-primary" aria-hidden /> Assignment
        </h2>
        <ul className="grid gap-1 text-sm">
          {data.due_at ? (
            <li>
              <DueLine dueAt={data.due_at} timeZone={timeZone} />
            </li>
          ) : (
            <li className="text-muted-foreground">No due date.</li>
          )}
          <li className="text-muted-foreground">{latePolicyText(data.late_policy, data.late_penalty_percent)}</li>
          <li className="text-muted-foreground">
            Worth {formatPoints(data.max_points)} points. Hand in{" "}
            {data.accepts_text && data.accepts_files ? "text, files or both" : data.accepts_text ? "text" : "files"}; you can hand in again until it is graded.
          </li>
        </ul>
      </div>

      {graded?.grade && <GradeCard submission={graded} />}

      {data.rubric.length > 0 && (
        <details className="group rounded-lg border border-border">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium">How this is graded</summary>
          <div className="overflow-x-auto border-t border-border p-3">
            <RubricTable rubric={data.rubric} />
          </div>
        </details>
      )}

      {data.can_submit ? (
        <HandInForm lessonId={lessonId} assignment={data} again={hasSubmitted} />
      ) : data.blocked_by === "past_due" ? (
        <Alert tone="warning" title="Closed">
          The due date has passed and this assignment takes no late work.
        </Alert>
      ) : (
        !graded && (
          <Alert tone="info" title="Graded">
            Your instructor has graded your work; the grade shows here once it is released.
          </Alert>
        )
      )}

      {hasSubmitted && <SubmissionHistory submissions={data.submissions} />}
    </section>
  );
}

function GradeCard({ submission }: { submission: SubmissionOut }) {
  const grade = submission.grade!;
  return (
    <div className="grid gap-3 rounded-xl border border-success/30 bg-success-soft p-4" data-testid="assignment-grade">
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-sm text-muted-foreground">Your grade</span>
        <span className="font-display text-2xl font-semibold">
          {formatPoints(grade.points)} / {formatPoints(grade.max_points)}
        </span>
        {grade.penalty_percent > 0 && (
          <span className="text-sm text-muted-foreground">
            ({formatPoints(grade.raw_points)} before the {grade.penalty_percent}% late penalty)
          </span>
        )}
      </p>
      {grade.rubric.length > 0 && (
        <ul className="grid gap-1 text-sm" aria-label="By criterion">
          {grade.rubric.map((score) => (
            <li key={score.criterion_id} className="flex flex-wrap justify-between gap-2 border-b border-success/20 pb-1 last:border-0">
              <span>
                <span className="font-medium">{score.criterion}</span>: {score.level ?? "—"}
              </span>
              <span className="tabular-nums">
                {formatPoints(score.points ?? 0)} / {formatPoints(score.max_points)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {grade.comment && (
        <div className="flex gap-2 text-sm">
          <MessageSquareText className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <Markdown>{grade.comment}</Markdown>
        </div>
      )}
    </div>
  );
}

function HandInForm({ lessonId, assignment, again }: { lessonId: string; assignment: StudentAssignment; again: boolean }) {
  const [text, setText] = useState("");
  const [uploads, setUploads] = useState<Upload[]>([]);
  const fileUploaded = useFileUploaded(lessonId);
  const drop = useDropFile(lessonId);
  const submit = useSubmitAssignment(lessonId);
  const input = useRef<HTMLInputElement>(null);
  const textId = useId();
  const [announcement, setAnnouncement] = useState("");
  const pending = assignment.pending_files;
  const room = assignment.max_files - pending.length - uploads.filter((u) => !u.error).length;

  const addFiles = (files: FileList | File[]) => {
    const picked = [...files];
    if (picked.length > room) toast.error(`Hand in at most ${assignment.max_files} files.`);
    for (const file of picked.slice(0, Math.max(0, room))) {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2, 8)}`;
      if (file.size > assignment.file_max_bytes) {
        setUploads((now) => [...now, { key, name: file.name, progress: 0, error: `Over ${formatFileSize(assignment.file_max_bytes)}: too large to hand in.`, abort: () => {} }]);
        continue;
      }
      const url = `/api/submission-files?lesson_id=${encodeURIComponent(lessonId)}&name=${encodeURIComponent(file.name)}`;
      const upload = uploadWithProgress<SubmissionFile>("POST", url, file, (fraction) =>
        setUploads((now) => now.map((u) => (u.key === key ? { ...u, progress: Math.round(fraction * 100) } : u))),
        "application/octet-stream",
      );
      setUploads((now) => [...now, { key, name: file.name, progress: 0, error: null, abort: upload.abort }]);
      upload.done.then(
        (stored) => {
          fileUploaded(stored);
          setUploads((now) => now.filter((u) => u.key !== key));
          setAnnouncement(`${file.name} uploaded.`);
        },
        (error: unknown) => {
          if (error instanceof DOMException && error.name === "AbortError") {
            setUploads((now) => now.filter((u) => u.key !== key));
            return;
          }
          setUploads((now) => now.map((u) => (u.key === key ? { ...u, error: describeError(error) } : u)));
        },
      );
    }
  };

  const busy = uploads.some((u) => !u.error);
  const nothing = !text.trim() && pending.length === 0;
  const handIn = () =>
    submit.mutate(
      { text, file_ids: pending.map((f) => f.id) },
      {
        onSuccess: (made) => {
          setText("");
          setUploads([]);
          setAnnouncement(`Submission ${made.number} handed in.`);
          toast.success(made.late ? "Handed in (after the due date)." : "Handed in.");
        },
      },
    );

  return (
    <form
      aria-label={again ? "Hand in again" : "Hand in"}
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        handIn();
      }}
    >
      <h3 className="font-semibold">{again ? "Hand in again" : "Your work"}</h3>
      {assignment.accepts_text && (
        <div className="grid gap-1.5">
          <Label htmlFor={textId}>Text (Markdown works)</Label>
          <Textarea id={textId} rows={6} value={text} maxLength={50_000} onChange={(event) => setText(event.target.value)} placeholder="Write your answer, or a note to go with your files." />
        </div>
      )}
      {assignment.accepts_files && (
        <div className="grid gap-2">
          <div
            className="grid justify-items-center gap-2 rounded-lg border border-dashed border-border bg-muted/40 p-5 text-center text-sm"
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              addFiles(event.dataTransfer.files);
            }}
          >
            <FileUp className="size-6 text-muted-foreground" aria-hidden />
            <p>
              Drop files here or{" "}
              <Button type="button" variant="link" className="h-auto" onClick={() => input.current?.click()} disabled={room <= 0}>
                choose files
              </Button>
            </p>
            <p className="text-xs text-muted-foreground">
              {assignment.file_kinds.map((kind) => FILE_KIND_LABELS[kind]?.split(" (")[0] ?? kind).join(", ")} · up to {assignment.max_files} files of{" "}
              {formatFileSize(assignment.file_max_bytes)} each
            </p>
            <input
              ref={input}
              type="file"
              multiple
              className="sr-only"
              accept={acceptFor(assignment.file_kinds)}
              aria-label="Files to hand in"
              onChange={(event) => {
                if (event.target.files) addFiles(event.target.files);
                event.target.value = "";
              }}
            />
          </div>
          {(pending.length > 0 || uploads.length > 0) && (
            <ul className="grid gap-2" aria-label="Files to hand in">
              {pending.map((file) => (
                <li key={file.id} className="flex items-center gap-2 rounded-md border border-border px-3 py-2 text-sm" data-testid="pending-file">
                  <Paperclip className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                  <span className="min-w-0 flex-1 truncate">{file.name}</span>
                  <span className="text-xs text-muted-foreground">{formatFileSize(file.size_bytes)}</span>
                  <Button type="button" variant="ghost" size="icon" className="size-8" aria-label={`Remove ${file.name}`} onClick={() => drop.mutate(file)}>
                    <X aria-hidden />
                  </Button>
                </li>
              ))}
              {uploads.map((upload) => (
                <li key={upload.key} className="grid gap-1.5 rounded-md border border-border px-3 py-2 text-sm">
                  <div className="flex items-center gap-2">
                    <span className="min-w-0 flex-1 truncate">{upload.name}</span>
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      className="size-8"
                      aria-label={upload.error ? `Dismiss ${upload.name}` : `Cancel uploading ${upload.name}`}
                      onClick={() => {
                        upload.abort();
                        setUploads((now) => now.filter((u) => u.key !== upload.key));
                      }}
                    >
                      <X aria-hidden />
                    </Button>
                  </div>
                  {upload.error ? (
                    <p role="alert" className="text-xs font-medium text-destructive">
                      {upload.error}
                    </p>
                  ) : (
                    <ProgressBar label={`Uploading ${upload.name}`} value={upload.progress} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {submit.isError && (
        <Alert tone="error" title="Not handed in">
          {describeError(submit.error)}
          {isApiError(submit.error) && submit.error.code === "past_due" ? "" : " What you wrote and uploaded is still here."}
        </Alert>
      )}
      <div className="flex flex-wrap items-center justify-end gap-3">
        {busy && <span className="text-sm text-muted-foreground">Waiting for the uploads to finish…</span>}
        <Button type="submit" pending={submit.isPending} disabled={busy || nothing} data-testid="hand-in-assignment">
          <Send aria-hidden /> {again ? "Hand in again" : "Hand in"}
        </Button>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </form>
  );
}

function SubmissionHistory({ submissions }: { submissions: SubmissionOut[] }) {
  return (
    <div className="grid gap-2">
      <h3 className="flex items-center gap-2 text-sm font-semibold">
        <History className="size-4" aria-hidden /> Your submissions
      </h3>
      <ol className="grid gap-2">
        {submissions.map((submission, index) => (
          <li key={submission.id}>
            <details className="rounded-lg border border-border" open={index === 0} data-testid="submission">
              <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-4 py-2 text-sm">
                <span className="font-medium">Submission {submission.number}</span>
                <span className="text-muted-foreground">handed in {formatDateTime(submission.submitted_at)}</span>
                {submission.late && <Badge tone="warning">Late</Badge>}
                {index === 0 && <Badge tone="accent">Latest</Badge>}
              </summary>
              <SubmissionBody submission={submission} />
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function SubmissionBody({ submission, children }: { submission: SubmissionOut; children?: ReactNode }) {
  return (
    <div className="grid gap-3 border-t border-border px-4 py-3 text-sm">
      {submission.text ? <Markdown>{submission.text}</Markdown> : <p className="text-muted-foreground">No text.</p>}
      {submission.files.length > 0 && (
        <ul className="grid gap-1.5">
          {submission.files.map((file) => (
            <li key={file.id}>
              <a href={file.url} className="inline-flex items-center gap-2 font-medium text-primary underline-offset-4 hover:underline" download={file.name}>
                <Download className="size-4" aria-hidden /> {file.name}
                <span className="text-xs font-normal text-muted-foreground">({formatFileSize(file.size_bytes)})</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
