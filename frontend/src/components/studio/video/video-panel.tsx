"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Film, Loader2, RefreshCw, Upload, UploadCloud, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { queryKeys } from "@/hooks/queries/keys";
import { isInFlight, useCancelVideo, useLessonVideo, useRetryVideo } from "@/hooks/queries/video";
import { describeError } from "@/lib/api/errors";
import type { LessonVideo, StudioLesson, VideoOut } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { CaptionsPanel } from "./captions-panel";
import { ProgressBar } from "./progress-bar";
import { useLessonUpload, useUploadManager, type UploadItem } from "./upload-manager";
import { formatBytes, percentOf } from "./upload-math";
import { isFinal } from "./upload-queue";
import { UploadRow } from "./upload-row";
import { useFileDrop } from "./use-file-drop";
import { formatClock, isVideoFile, renditionList } from "./video-files";

type VideoPanelProps = { lesson: StudioLesson; courseId: string; editable: boolean };

/**
 * A video lesson's video in the studio: what students see now, any newer upload on its way
 * (uploading, waiting, transcoding, failed), a drop zone when there is none, and the captions.
 */
export function VideoPanel({ lesson, courseId, editable }: VideoPanelProps) {
  const video = useLessonVideo(lesson.id);
  const local = useLessonUpload(lesson.id);
  const manager = useUploadManager();
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();
  useReadyNotice(lesson, courseId, video.data);

  const start = (files: File[]) => {
    if (input.current) input.current.value = "";
    const file = files[0];
    if (!file) return;
    if (!isVideoFile(file)) {
      toast.error(`“${file.name}” isn't a video file. Choose an MP4, MOV, WebM or another video.`);
      return;
    }
    if (files.length > 1) toast.info("A lesson has one video, so only the first file is uploaded. Drop several on a section to make a lesson of each.");
    manager.add({ lessonId: lesson.id, lessonTitle: lesson.title, file });
  };
  const pick = () => input.current?.click();
  const drop = useFileDrop(editable, start);

  return (
    <section
      aria-labelledby={headingId}
      data-testid="video-panel"
      {...drop.handlers}
      className={cn("relative grid gap-4 rounded-lg border border-border p-3 transition-colors sm:p-4", drop.over && "border-primary bg-accent/40")}
    >
      <h4 id={headingId} className="text-sm font-semibold">
        Video
      </h4>
      {video.isPending ? (
        <div role="status" className="grid gap-2">
          <span className="sr-only">Loading the video…</span>
          <Skeleton className="aspect-video w-full max-w-xs" />
          <Skeleton className="h-4 w-48" />
        </div>
      ) : video.isError ? (
        <QueryError error={video.error} onRetry={() => void video.refetch()} />
      ) : (
        <>
          <VideoState data={video.data} local={local} lessonId={lesson.id} editable={editable} onPick={pick} />
          <CaptionsPanel lessonId={lesson.id} captions={video.data.captions} editable={editable} />
        </>
      )}
      {editable && (
        <input
          ref={input}
          type="file"
          accept="video/*"
          className="sr-only"
          tabIndex={-1}
          aria-label="Video file"
          onChange={(event) => start(Array.from(event.target.files ?? []))}
        />
      )}
      {drop.over && (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-lg bg-surface/85 font-medium" aria-hidden>
          Drop to upload this lesson&apos;s video
        </div>
      )}
    </section>
  );
}

/** Tells the instructor when a new video became the one students see, and refreshes the course (its length changed). */
function useReadyNotice(lesson: StudioLesson, courseId: string, data: LessonVideo | undefined) {
  const queryClient = useQueryClient();
  const currentId = data ? (data.current?.id ?? null) : undefined;
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (currentId === undefined) return;
    if (seen.current !== undefined && currentId !== null && currentId !== seen.current) {
      toast.success(`The video of “${lesson.title}” is ready to watch.`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.studio.course(courseId) });
    }
    seen.current = currentId;
  }, [currentId, lesson.title, courseId, queryClient]);
}

type VideoStateProps = { data: LessonVideo; local: UploadItem | undefined; lessonId: string; editable: boolean; onPick: () => void };

function VideoState({ data, local, lessonId, editable, onPick }: VideoStateProps) {
  const { current, pending } = data;
  // This tab's own upload, live; once it is done the server's record takes over.
  const uploadingHere = local && !isFinal(local.phase) ? local : null;
  // This tab sent the last byte but the server's record, a poll away, still says "uploading".
  const serverCatchingUp =
    !uploadingHere && local?.phase === "done" && current?.id !== local.videoId && (!pending || (pending.id === local.videoId && pending.status === "uploading"));
  const settled = pending && (pending.status === "failed" || pending.status === "canceled");

  return (
    <div className="grid gap-4">
      {current && <CurrentVideo video={current} replacing={!!uploadingHere || isInFlight(pending)} />}
      {uploadingHere ? (
        <UploadRow item={uploadingHere} />
      ) : serverCatchingUp ? (
        <Waiting filename={local.fileName} />
      ) : pending ? (
        <PendingVideo pending={pending} lessonId={lessonId} editable={editable} hasCurrent={!!current} onPick={onPick} />
      ) : null}
      {!current && !uploadingHere && !serverCatchingUp && !pending && (editable ? <DropZone onPick={onPick} /> : <p className="text-sm text-muted-foreground">No video yet.</p>)}
      {editable && current && !uploadingHere && !settled && (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" onClick={onPick}>
            <Upload aria-hidden /> Replace video
          </Button>
          <span className="text-xs text-muted-foreground">Students keep this one until the new video is ready.</span>
        </div>
      )}
    </div>
  );
}

function CurrentVideo({ video, replacing }: { video: VideoOut; replacing: boolean }) {
  const [posterFailed, setPosterFailed] = useState(false);
  const qualities = renditionList(video.renditions);
  return (
    <div data-testid="current-video" className="grid gap-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:items-start">
      {video.poster_url && !posterFailed ? (
        // A signed media URL that expires in minutes: nothing for next/image to optimise or cache.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={video.poster_url}
          alt={`Poster frame of ${video.filename}`}
          className="aspect-video w-full rounded-md bg-muted object-cover"
          onError={() => setPosterFailed(true)}
        />
      ) : (
        <div className="flex aspect-video w-full items-center justify-center rounded-md bg-muted text-muted-foreground">
          <Film className="size-8" aria-hidden />
        </div>
      )}
      <div className="grid min-w-0 gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="success">Ready</Badge>
          <span className="text-sm text-muted-foreground">{replacing ? "Students see this one until the new video is ready." : "This is the video students see."}</span>
        </div>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted-foreground">File</dt>
          <dd className="truncate" title={video.filename}>
            {video.filename}
          </dd>
          <dt className="text-muted-foreground">Length</dt>
          <dd className="tabular-nums">{formatClock(video.duration_seconds)}</dd>
          <dt className="text-muted-foreground">Quality</dt>
          <dd>{qualities || `${video.height}p`}</dd>
          <dt className="text-muted-foreground">Size</dt>
          <dd className="tabular-nums">{formatBytes(video.size_bytes)}</dd>
        </dl>
      </div>
    </div>
  );
}

type PendingVideoProps = { pending: VideoOut; lessonId: string; editable: boolean; hasCurrent: boolean; onPick: () => void };

/** The server's newer upload, when this tab isn't the one sending it. */
function PendingVideo({ pending, lessonId, editable, hasCurrent, onPick }: PendingVideoProps) {
  const cancel = useCancelVideo(lessonId);
  const retry = useRetryVideo(lessonId);
  const onCancel = () => cancel.mutate(pending.id, { onError: (error) => toast.error(`The video wasn't stopped: ${describeError(error)}`) });
  const onRetry = () =>
    retry.mutate(pending.id, {
      onSuccess: () => toast.success("Queued for transcoding again."),
      onError: (error) => toast.error(`It wasn't tried again: ${describeError(error)}`),
    });
  const cancelButton = editable && (
    <Button variant="ghost" size="sm" className="justify-self-start" pending={cancel.isPending} onClick={onCancel}>
      {!cancel.isPending && <X aria-hidden />} Cancel transcoding
    </Button>
  );
  const afterwards = hasCurrent ? "Students keep the current video until this one is ready." : "The lesson plays it once it is ready.";

  switch (pending.status) {
    case "uploading":
      return <InterruptedUpload pending={pending} editable={editable} onPick={onPick} onDiscard={onCancel} discarding={cancel.isPending} />;
    case "queued":
      return (
        <div data-testid="video-status" data-status="queued" className="grid gap-2">
          <p className="flex items-center gap-2 text-sm font-medium">
            <Loader2 className="size-4 motion-safe:animate-spin" aria-hidden /> Waiting for a worker
          </p>
          <p className="text-xs text-muted-foreground">
            {pending.filename} arrived whole; transcoding starts as soon as a worker is free. {afterwards}
          </p>
          {cancelButton}
        </div>
      );
    case "processing": {
      const percent = Math.min(100, Math.max(0, Math.round(pending.progress)));
      return (
        <div data-testid="video-status" data-status="processing" className="grid gap-2">
          <div className="flex items-center justify-between gap-2 text-sm">
            <span className="font-medium">Transcoding {percent}%</span>
            <span className="min-w-0 truncate text-xs text-muted-foreground">{pending.filename}</span>
          </div>
          <ProgressBar label="Transcoding" value={percent} valueText={`${percent}%`} />
          <p className="text-xs text-muted-foreground">Made into several qualities for smooth playback on any connection. {afterwards}</p>
          {cancelButton}
        </div>
      );
    }
    case "failed":
    case "canceled": {
      const failed = pending.status === "failed";
      return (
        <div data-testid="video-status" data-status={pending.status}>
          <Alert tone={failed ? "error" : "info"} title={failed ? `${pending.filename} couldn't be made ready` : `The upload of ${pending.filename} was canceled`}>
            {failed && <p>{pending.failure_reason ?? "Transcoding failed."}</p>}
            {editable && (
              <div className="mt-3 flex flex-wrap gap-2">
                {pending.can_retry && (
                  <Button size="sm" variant="secondary" pending={retry.isPending} onClick={onRetry}>
                    {!retry.isPending && <RefreshCw aria-hidden />} Try again
                  </Button>
                )}
                <Button size="sm" variant="secondary" onClick={onPick}>
                  <Upload aria-hidden /> Upload another file
                </Button>
              </div>
            )}
          </Alert>
        </div>
      );
    }
    default:
      return null;
  }
}

type InterruptedUploadProps = { pending: VideoOut; editable: boolean; onPick: () => void; onDiscard: () => void; discarding: boolean };

/** Bytes are arriving from another tab, or stopped arriving (a closed tab): the same file continues it. */
function InterruptedUpload({ pending, editable, onPick, onDiscard, discarding }: InterruptedUploadProps) {
  const percent = percentOf(pending.received_bytes, pending.size_bytes);
  const amounts = `${formatBytes(pending.received_bytes)} of ${formatBytes(pending.size_bytes)}`;
  return (
    <div data-testid="video-status" data-status="uploading" className="grid gap-1.5">
      <div className="flex min-w-0 items-baseline justify-between gap-3">
        <p className="truncate text-sm font-medium" title={pending.filename}>
          {pending.filename}
        </p>
        <span className="shrink-0 text-sm tabular-nums text-muted-foreground">{percent}%</span>
      </div>
      <ProgressBar label={`Uploading ${pending.filename}`} value={percent} valueText={`${percent}%, ${amounts} received`} tone="muted" />
      <p className="text-xs text-muted-foreground">
        {amounts} received. If another tab or window is uploading it, it carries on there. If the upload was interrupted, choose the same file to
        continue where it stopped.
      </p>
      {editable && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={onPick}>
            <Upload aria-hidden /> Choose the file again
          </Button>
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="ghost" pending={discarding}>
                Discard upload
              </Button>
            }
            title="Discard this upload?"
            description={`What has arrived of ${pending.filename} is deleted. An upload still running in another tab stops.`}
            confirmLabel="Discard upload"
            onConfirm={onDiscard}
          />
        </div>
      )}
    </div>
  );
}

/** This tab sent the last byte; the server's record is a poll away. */
function Waiting({ filename }: { filename: string }) {
  return (
    <div data-testid="video-status" data-status="queued" className="grid gap-1">
      <p className="flex items-center gap-2 text-sm font-medium">
        <Loader2 className="size-4 motion-safe:animate-spin" aria-hidden /> Waiting for a worker
      </p>
      <p className="text-xs text-muted-foreground">{filename} is uploaded; transcoding starts as soon as a worker is free.</p>
    </div>
  );
}

function DropZone({ onPick }: { onPick: () => void }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border-2 border-dashed border-border px-4 py-8 text-center">
      <UploadCloud className="size-8 text-muted-foreground" aria-hidden />
      <p className="font-medium">Drop a video here</p>
      <p className="max-w-sm text-sm text-muted-foreground">
        or choose one from your device. Large files upload in pieces and pick up where they stopped if the connection drops.
      </p>
      <Button variant="secondary" className="mt-1" onClick={onPick}>
        <Upload aria-hidden /> Upload video
      </Button>
    </div>
  );
}
