"use client";

import { useQueryClient } from "@tanstack/react-query";
import * as tus from "tus-js-client";
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { toast } from "@/components/ui/toaster";
import { queryKeys } from "@/hooks/queries/keys";
import { recordSample, secondsLeft, windowSpeed, type Sample } from "./upload-math";
import { isBusy, isFinal, toStart, type UploadPhase } from "./upload-queue";
import { failureStatus, isNetworkFailure, isTransient, uploadFailureMessage, uploadFingerprint, type TusFailure } from "./video-files";

export type { UploadPhase } from "./upload-queue";

/** One file on its way to a lesson, as the upload rows draw it. */
export type UploadItem = {
  id: string;
  lessonId: string;
  lessonTitle: string;
  fileName: string;
  size: number;
  /** Bytes sent so far (tus's own count, including the chunk in flight). */
  sent: number;
  phase: UploadPhase;
  /** Bytes per second over the last few seconds; null until measured. */
  speed: number | null;
  secondsLeft: number | null;
  error: string | null;
  /** Continued an upload of the same file started earlier, e.g. before a reload. */
  resumed: boolean;
  /** The server's id for the video, once the upload exists there. */
  videoId: string | null;
};

export type UploadSnapshot = { items: readonly UploadItem[]; trayOpen: boolean };

export const UPLOAD_ENDPOINT = "/api/uploads";
const CHUNK_SIZE = 16 * 1024 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000];
/** Once tus's own retries are spent on a dead connection, try again this often (and when the browser is back online). */
const KEEP_TRYING_MS = 30_000;
const REDRAW_MS = 200;

/** What only the engine holds for an upload: the file, the tus upload and the speed samples. */
type Live = {
  file: File;
  upload: tus.Upload | null;
  /** Resolves once an earlier upload of the same file (if any) has been looked up. */
  ready: Promise<void> | null;
  samples: Sample[];
  retryTimer: ReturnType<typeof setTimeout> | null;
};

const EMPTY: UploadSnapshot = { items: [], trayOpen: false };

/**
 * Every upload of the session, outside React so uploads carry on while the studio's pages
 * change. tus does the protocol (chunks, offsets, retries, resuming); this keeps the list, the
 * two upload slots, the speed, and the page-leave warning.
 */
class UploadEngine {
  private snapshot: UploadSnapshot = EMPTY;
  private readonly live = new Map<string, Live>();
  private readonly listeners = new Set<() => void>();
  private serverChanged: (lessonId: string) => void = () => {};
  private redrawTimer: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private guarding = false;
  private nextId = 1;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Told whenever the server's record of a lesson's video changed because of an upload. */
  onServerChange(callback: (lessonId: string) => void) {
    this.serverChanged = callback;
    return () => {
      if (this.serverChanged === callback) this.serverChanged = () => {};
    };
  }

  // --- what the UI asks for ------------------------------------------------------------

  /** Uploads `file` as the video of a lesson; a still-unfinished upload for that lesson is replaced. */
  add(input: { lessonId: string; lessonTitle: string; file: File }): string {
    const same = this.snapshot.items.find((item) => item.lessonId === input.lessonId && !isFinal(item.phase) && sameFile(this.live.get(item.id)?.file, input.file));
    if (same) {
      // The file this lesson is already uploading: carry on with that upload rather than start over.
      this.resume(same.id);
      return same.id;
    }
    for (const item of this.snapshot.items) {
      if (item.lessonId === input.lessonId && !isFinal(item.phase)) {
        this.stopLocally(item.id);
        this.live.delete(item.id);
        this.patch(item.id, { phase: "canceled", error: `Replaced by ${input.file.name}.`, speed: null, secondsLeft: null });
      }
    }
    const id = `upload-${this.nextId++}`;
    this.live.set(id, { file: input.file, upload: null, ready: null, samples: [], retryTimer: null });
    const item: UploadItem = {
      id,
      lessonId: input.lessonId,
      lessonTitle: input.lessonTitle,
      fileName: input.file.name,
      size: input.file.size,
      sent: 0,
      phase: "queued",
      speed: null,
      secondsLeft: null,
      error: null,
      resumed: false,
      videoId: null,
    };
    this.setSnapshot({ ...this.snapshot, items: [...this.snapshot.items, item] });
    this.pump();
    return id;
  }

  pause(id: string) {
    const item = this.find(id);
    if (!item || !isBusy(item.phase)) return;
    this.stopLocally(id);
    this.patch(id, { phase: "paused", speed: null, secondsLeft: null });
    this.pump();
  }

  resume(id: string) {
    const item = this.find(id);
    if (!item || (item.phase !== "paused" && item.phase !== "failed") || !this.live.has(id)) return;
    this.patch(id, { phase: "queued", error: null });
    this.pump();
  }

  /** Stops the upload and deletes it on the server (tus termination). */
  cancel(id: string) {
    const item = this.find(id);
    if (!item || isFinal(item.phase)) return;
    const upload = this.live.get(id)?.upload ?? null;
    this.stopLocally(id, { terminate: true });
    this.live.delete(id);
    this.patch(id, { phase: "canceled", speed: null, secondsLeft: null, error: null });
    this.pump();
    if (!upload?.url) {
      // Not created on the server yet: stopping here is all there is to it.
      void upload?.abort(false);
      return;
    }
    upload.abort(true).then(
      () => this.serverChanged(item.lessonId),
      () => {
        toast.error(`The upload of ${item.fileName} stopped here, but Lectern couldn't be told to discard it. Cancel it again from the lesson once you're back online.`);
        this.serverChanged(item.lessonId);
      },
    );
  }

  /** Takes a finished, canceled or failed upload off the list. */
  dismiss(id: string) {
    const item = this.find(id);
    if (!item || isBusy(item.phase)) return;
    this.stopLocally(id);
    this.live.delete(id);
    this.setSnapshot({ ...this.snapshot, items: this.snapshot.items.filter((each) => each.id !== id) });
  }

  /** The lessons were deleted: stop their uploads here (the server dropped them with the lessons). */
  forgetLessons(lessonIds: readonly string[]) {
    const gone = new Set(lessonIds);
    const kept = this.snapshot.items.filter((item) => {
      if (!gone.has(item.lessonId)) return true;
      this.stopLocally(item.id);
      this.live.delete(item.id);
      return false;
    });
    if (kept.length === this.snapshot.items.length) return;
    this.setSnapshot({ ...this.snapshot, items: kept });
    this.pump();
  }

  clearFinished() {
    const kept = this.snapshot.items.filter((item) => !isFinal(item.phase));
    this.setSnapshot({ ...this.snapshot, items: kept });
  }

  setTrayOpen(open: boolean) {
    if (open !== this.snapshot.trayOpen) this.setSnapshot({ ...this.snapshot, trayOpen: open });
  }

  // --- running uploads -----------------------------------------------------------------

  /** Starts waiting uploads while a slot is free. */
  private pump() {
    for (const id of toStart(this.snapshot.items)) void this.begin(id);
  }

  private async begin(id: string) {
    const live = this.live.get(id);
    const item = this.find(id);
    if (!live || !item) return;
    this.patch(id, { phase: "uploading", error: null, speed: null, secondsLeft: null });
    live.samples = [];
    if (!live.upload) {
      const upload = this.createUpload(id, item.lessonId, live.file);
      live.upload = upload;
      live.ready = this.findPrevious(id, upload);
    }
    await live.ready;
    // Paused, canceled or replaced while the earlier upload was looked up.
    if (this.find(id)?.phase !== "uploading" || this.live.get(id) !== live) return;
    live.upload?.start();
  }

  /** Continues where an earlier upload of the same file to the same lesson stopped. */
  private async findPrevious(id: string, upload: tus.Upload) {
    try {
      const previous = await upload.findPreviousUploads();
      const latest = [...previous].sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime))[0];
      if (latest) {
        upload.resumeFromPreviousUpload(latest);
        this.patch(id, { resumed: true });
      }
    } catch {
      // No storage to look in (private mode): the upload starts afresh.
    }
  }

  private createUpload(id: string, lessonId: string, file: File): tus.Upload {
    return new tus.Upload(file, {
      // tus resolves the Location header against the endpoint, so it must be absolute.
      endpoint: new URL(UPLOAD_ENDPOINT, window.location.origin).href,
      metadata: { lesson_id: lessonId, filename: file.name, filetype: file.type || "application/octet-stream" },
      chunkSize: CHUNK_SIZE,
      retryDelays: RETRY_DELAYS,
      removeFingerprintOnSuccess: true,
      fingerprint: (picked: File) => Promise.resolve(uploadFingerprint(lessonId, picked)),
      onUploadUrlAvailable: () => {
        this.backOnline(id);
        const videoId = this.live.get(id)?.upload?.url?.split("/").filter(Boolean).at(-1) ?? null;
        if (videoId !== this.find(id)?.videoId) this.patch(id, { videoId });
        this.serverChanged(lessonId);
      },
      onProgress: (sent, total) => this.progress(id, sent, total),
      onShouldRetry: (error) => {
        const retry = isTransient(failureStatus(error));
        // Only a dead connection is worth a word; a lost race or a busy server is retried quietly.
        if (retry && isNetworkFailure(error)) this.patch(id, { phase: "retrying", speed: null, secondsLeft: null });
        return retry;
      },
      onSuccess: () => {
        this.live.delete(id);
        this.patch(id, { phase: "done", sent: this.find(id)?.size ?? 0, speed: null, secondsLeft: null });
        this.serverChanged(lessonId);
        this.pump();
      },
      onError: (error) => this.failed(id, lessonId, error as TusFailure),
    });
  }

  private progress(id: string, sent: number, total: number) {
    const live = this.live.get(id);
    const item = this.find(id);
    if (!live || !item) return;
    const now = performance.now();
    live.samples = recordSample(live.samples, { at: now, bytes: sent });
    const speed = windowSpeed(live.samples, now);
    const phase = item.phase === "retrying" ? "uploading" : item.phase;
    this.patch(id, { sent, size: total, phase, speed, secondsLeft: secondsLeft(sent, total, speed) }, { soon: phase === item.phase });
  }

  private backOnline(id: string) {
    if (this.find(id)?.phase === "retrying") this.patch(id, { phase: "uploading" });
  }

  private failed(id: string, lessonId: string, error: TusFailure) {
    const live = this.live.get(id);
    if (!live) return;
    if (isNetworkFailure(error)) {
      // tus's retries are spent but the connection may come back: keep the place and try again.
      this.patch(id, { phase: "retrying", speed: null, secondsLeft: null });
      this.retryLater(id);
      return;
    }
    this.patch(id, { phase: "failed", error: uploadFailureMessage(error), speed: null, secondsLeft: null });
    this.serverChanged(lessonId);
    this.pump();
  }

  private retryLater(id: string) {
    const live = this.live.get(id);
    if (!live) return;
    if (live.retryTimer) clearTimeout(live.retryTimer);
    live.retryTimer = setTimeout(() => this.retryNow(id), KEEP_TRYING_MS);
  }

  private retryNow(id: string) {
    const live = this.live.get(id);
    if (!live || this.find(id)?.phase !== "retrying") return;
    if (live.retryTimer) clearTimeout(live.retryTimer);
    live.retryTimer = null;
    live.upload?.start();
  }

  private readonly onOnline = () => {
    for (const item of this.snapshot.items) if (item.phase === "retrying" && this.live.get(item.id)?.retryTimer) this.retryNow(item.id);
  };

  /** Stops sending but keeps the place (pause); with `terminate` only the timers, as the caller terminates. */
  private stopLocally(id: string, { terminate = false } = {}) {
    const live = this.live.get(id);
    if (!live) return;
    if (live.retryTimer) clearTimeout(live.retryTimer);
    live.retryTimer = null;
    if (!terminate) void live.upload?.abort(false);
  }

  // --- the list ------------------------------------------------------------------------

  private find(id: string): UploadItem | undefined {
    return this.snapshot.items.find((item) => item.id === id);
  }

  /** Changes one upload; progress alone is redrawn a few times a second rather than on every event. */
  private patch(id: string, changes: Partial<UploadItem>, { soon = false } = {}) {
    const items = this.snapshot.items.map((item) => (item.id === id ? { ...item, ...changes } : item));
    if (soon) {
      this.snapshot = { ...this.snapshot, items };
      this.redrawTimer ??= setTimeout(() => {
        this.redrawTimer = null;
        this.emit();
      }, REDRAW_MS);
      return;
    }
    this.setSnapshot({ ...this.snapshot, items });
  }

  private setSnapshot(next: UploadSnapshot) {
    this.snapshot = next;
    this.emit();
  }

  private emit() {
    this.guardPageLeave();
    if (this.snapshot.items.some((item) => item.phase === "uploading")) this.startTicker();
    else this.stopTicker();
    for (const listener of this.listeners) listener();
  }

  /** Once a second the speed is measured again, so a stalled upload is seen slowing down. */
  private startTicker() {
    this.ticker ??= setInterval(() => {
      const now = performance.now();
      const items = this.snapshot.items.map((item) => {
        const samples = this.live.get(item.id)?.samples;
        if (item.phase !== "uploading" || !samples?.length) return item;
        const speed = windowSpeed(samples, now);
        return { ...item, speed, secondsLeft: secondsLeft(item.sent, item.size, speed) };
      });
      this.setSnapshot({ ...this.snapshot, items });
    }, 1000);
  }

  private stopTicker() {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  private readonly warnBeforeLeaving = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Older browsers only ask when a return value is set.
    event.returnValue = "";
  };

  /** Asks before the tab closes or reloads while something is uploading or waiting to. */
  private guardPageLeave() {
    const busy = this.snapshot.items.some((item) => isBusy(item.phase));
    if (busy === this.guarding) return;
    this.guarding = busy;
    if (busy) {
      window.addEventListener("beforeunload", this.warnBeforeLeaving);
      window.addEventListener("online", this.onOnline);
    } else {
      window.removeEventListener("beforeunload", this.warnBeforeLeaving);
      window.removeEventListener("online", this.onOnline);
    }
  }
}

function sameFile(a: File | undefined, b: File): boolean {
  return !!a && a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

let browserEngine: UploadEngine | null = null;

/** One engine per tab; on the server each render gets a throwaway that never uploads. */
function getEngine(): UploadEngine {
  if (typeof window === "undefined") return new UploadEngine();
  browserEngine ??= new UploadEngine();
  return browserEngine;
}

const UploadContext = createContext<UploadEngine | null>(null);

/** Mounted by the studio layout: uploads run on while the instructor moves between studio pages. */
export function UploadManagerProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [engine] = useState(getEngine);
  useEffect(
    () => engine.onServerChange((lessonId) => void queryClient.invalidateQueries({ queryKey: queryKeys.studio.video(lessonId) })),
    [engine, queryClient],
  );
  return <UploadContext.Provider value={engine}>{children}</UploadContext.Provider>;
}

function useEngine(): UploadEngine {
  const engine = useContext(UploadContext);
  if (!engine) throw new Error("Uploads need the UploadManagerProvider of the studio layout");
  return engine;
}

export type UploadManager = Pick<UploadEngine, "add" | "pause" | "resume" | "cancel" | "dismiss" | "forgetLessons" | "clearFinished" | "setTrayOpen">;

/** Starts and steers uploads. */
export function useUploadManager(): UploadManager {
  return useEngine();
}

/** Every upload of the session, redrawn as they progress. */
export function useUploads(): UploadSnapshot {
  const engine = useEngine();
  return useSyncExternalStore(engine.subscribe, engine.getSnapshot, () => EMPTY);
}

/** The latest upload this tab made for a lesson, if any. */
export function useLessonUpload(lessonId: string): UploadItem | undefined {
  return useUploads().items.findLast((item) => item.lessonId === lessonId);
}
