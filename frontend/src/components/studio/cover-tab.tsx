"use client";

import { ImageUp, Trash2, UploadCloud } from "lucide-react";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";
import { useRemoveCover, useStoreCourse } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { StudioCourse } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { COVER_TYPES, coverFileProblem, coverUploadMessage, uploadCover, type CoverUpload } from "./upload-cover";

type Uploading = { previewUrl: string; progress: number; upload: CoverUpload };

/** The cover: drop a picture or pick one, watch it upload, or remove it. */
export function CoverTab({ course, editable }: { course: StudioCourse; editable: boolean }) {
  const storeCourse = useStoreCourse();
  const remove = useRemoveCover(course.id);
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<Uploading | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  // Object URLs hold the file in memory until revoked; a running upload stops with the page.
  const previewUrl = uploading?.previewUrl;
  useEffect(
    () => () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    },
    [previewUrl],
  );
  const current = useRef(uploading);
  current.current = uploading;
  useEffect(() => () => current.current?.upload.abort(), []);

  const start = (file: File | undefined) => {
    if (!file || uploading) return;
    if (input.current) input.current.value = "";
    const reason = coverFileProblem(file);
    setProblem(reason);
    if (reason) return;
    const upload = uploadCover(course.id, file, (progress) => setUploading((now) => now && { ...now, progress }));
    setUploading({ previewUrl: URL.createObjectURL(file), progress: 0, upload });
    upload.done.then(
      (updated) => {
        storeCourse(updated);
        setUploading(null);
        toast.success("Cover updated.");
      },
      (error: unknown) => {
        setUploading(null);
        if (error instanceof DOMException && error.name === "AbortError") return;
        setProblem(coverUploadMessage(error));
      },
    );
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (editable) start(event.dataTransfer.files[0]);
  };

  const percent = uploading ? Math.round(uploading.progress * 100) : 0;

  return (
    <Card aria-labelledby="cover-title">
      <CardHeader>
        <CardTitle id="cover-title">Cover picture</CardTitle>
        <CardDescription>Shown on the course card and page. It is cropped from the centre to 16:9 at 1280×720, so keep the subject in the middle.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div
          data-testid="cover-drop-zone"
          onDragOver={(event) => {
            event.preventDefault();
            if (editable && !uploading) setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={cn(
            "relative max-w-2xl overflow-hidden rounded-lg border-2 border-dashed border-border transition-colors",
            dragging && "border-primary bg-accent/40",
          )}
        >
          {uploading ? (
            // The picked file itself: a blob URL, which next/image can't optimise.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={uploading.previewUrl} alt="The picture being uploaded" className="aspect-video w-full object-cover opacity-70" />
          ) : course.cover_url ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={course.cover_url} alt="The course's current cover" className="aspect-video w-full object-cover" />
          ) : (
            <div className="flex aspect-video flex-col items-center justify-center gap-2 p-6 text-center text-muted-foreground">
              <UploadCloud className="size-10" aria-hidden />
              <p className="font-medium text-foreground">{editable ? "Drop a picture here" : "No cover yet"}</p>
              {editable && <p className="text-sm">or use the button below. JPEG, PNG, WebP or GIF, up to 6 MB.</p>}
            </div>
          )}
          {dragging && (
            <div className="absolute inset-0 flex items-center justify-center bg-surface/80 font-medium" aria-hidden>
              Drop to upload
            </div>
          )}
        </div>

        {uploading && (
          <div className="grid gap-2">
            <div className="flex items-center justify-between text-sm">
              <span id="cover-progress-label">{percent < 100 ? "Uploading…" : "Processing the picture…"}</span>
              <span className="tabular-nums text-muted-foreground">{percent}%</span>
            </div>
            <div
              role="progressbar"
              aria-labelledby="cover-progress-label"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-2 overflow-hidden rounded-full bg-muted"
            >
              <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
            </div>
          </div>
        )}

        {problem && (
          <Alert tone="error" title="The cover wasn't changed">
            {problem}
          </Alert>
        )}

        <input
          ref={input}
          type="file"
          accept={COVER_TYPES.join(",")}
          className="sr-only"
          tabIndex={-1}
          aria-label="Cover picture file"
          onChange={(event) => start(event.target.files?.[0])}
        />
        {editable && (
          <div className="flex flex-wrap gap-2">
            {uploading ? (
              <Button variant="secondary" onClick={() => uploading.upload.abort()}>
                Cancel upload
              </Button>
            ) : (
              <>
                <Button variant="secondary" onClick={() => input.current?.click()}>
                  <ImageUp aria-hidden /> {course.cover_url ? "Replace picture" : "Choose a picture"}
                </Button>
                {course.cover_url && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" pending={remove.isPending}>
                        <Trash2 aria-hidden /> Remove
                      </Button>
                    }
                    title="Remove the cover?"
                    description="The course will show a plain placeholder until you upload another picture."
                    confirmLabel="Remove cover"
                    onConfirm={() =>
                      remove.mutate(undefined, {
                        onSuccess: () => toast.success("Cover removed."),
                        onError: (error) => setProblem(describeError(error)),
                      })
                    }
                  />
                )}
              </>
            )}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
