// Words and checks around video files and caption files, kept pure so they are tested directly.

import { ApiError } from "@/lib/api/errors";

export const LESSON_TITLE_MAX = 120;

const VIDEO_EXTENSIONS = new Set(["mp4", "m4v", "mov", "mkv", "webm", "avi", "wmv", "mpg", "mpeg", "flv", "3gp", "ts", "mts", "m2ts", "ogv"]);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/**
 * A lesson title from a file name: the extension dropped, underscores and dashes made spaces,
 * the first letter capitalised. "01_intro-to_hooks.mp4" -> "01 intro to hooks".
 */
export function lessonTitleFromFile(name: string): string {
  const dot = name.lastIndexOf(".");
  const base = dot > 0 ? name.slice(0, dot) : name.startsWith(".") ? "" : name;
  const tidy = base.replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  if (!tidy) return "Untitled video";
  const title = tidy.charAt(0).toLocaleUpperCase() + tidy.slice(1);
  return title.slice(0, LESSON_TITLE_MAX).trim();
}

/** Whether a picked or dropped file looks like a video (some systems give .mkv no MIME type). */
export function isVideoFile(file: { name: string; type: string }): boolean {
  if (file.type.startsWith("video/")) return true;
  if (file.type && file.type !== "application/octet-stream") return false;
  return VIDEO_EXTENSIONS.has(extensionOf(file.name));
}

/** The key tus remembers an upload by: the same file for the same lesson resumes it. */
export function uploadFingerprint(lessonId: string, file: { name: string; type: string; size: number; lastModified: number }): string {
  return ["lectern-video", lessonId, file.name, file.type, file.size, file.lastModified].join(":");
}

/** What a tus error carries that matters here; tus's DetailedError has this shape. */
export type TusFailure = {
  /** Set when the error came from a request (rather than, say, a file that can't be read). */
  originalRequest?: unknown;
  originalResponse?: { getStatus(): number; getBody(): string } | null;
};

/** The HTTP status behind a tus error; 0 when no answer came. */
export function failureStatus(error: TusFailure): number {
  return error.originalResponse?.getStatus() ?? 0;
}

/** A request went out and no answer came back: the connection, not the server, is the problem. */
export function isNetworkFailure(error: TusFailure): boolean {
  return error.originalRequest != null && !error.originalResponse;
}

/** Worth trying again by itself: no answer, a server hiccup, a lost race on the offset, or a rate limit. */
export function isTransient(status: number): boolean {
  return status === 0 || status >= 500 || status === 409 || status === 423 || status === 429;
}

function apiMessage(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && "message" in parsed && typeof parsed.message === "string") return parsed.message;
  } catch {
    // Not the API's JSON (a proxy page): fall back to the status.
  }
  return null;
}

/** Why an upload stopped, in words a person can act on. */
export function uploadFailureMessage(error: TusFailure): string {
  if (!error.originalResponse) {
    return isNetworkFailure(error) ? "Can't reach Lectern. Check your connection, then resume the upload." : "The file couldn't be read or sent. Please try again.";
  }
  const status = failureStatus(error);
  const message = apiMessage(error.originalResponse.getBody());
  if (status === 401) return "You were signed out. Sign in again, then choose the same file to continue where it stopped.";
  if (message) return message;
  if (status === 410) return "This upload was canceled.";
  if (status >= 500) return "The server is having trouble right now. Resume the upload in a moment.";
  return `The upload was refused (HTTP ${status}).`;
}

/** "1080p · 720p · 480p", tallest first. */
export function renditionList(renditions: readonly { name: string; height: number }[]): string {
  return [...renditions]
    .sort((a, b) => b.height - a.height)
    .map((rendition) => rendition.name)
    .join(" · ");
}

/** "12:34" or "1:02:03". */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h ? String(m).padStart(2, "0") : String(m);
  return `${h ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

export const CAPTION_EXTENSIONS = [".vtt", ".srt"];
export const CAPTION_MAX_BYTES = 2 * 1024 * 1024;

/** Why a caption file can't be sent, before sending it; null when it may be. */
export function captionFileProblem(file: { name: string; size: number }): string | null {
  if (!CAPTION_EXTENSIONS.includes(`.${extensionOf(file.name)}`)) return "Use a WebVTT (.vtt) or SubRip (.srt) file.";
  if (file.size > CAPTION_MAX_BYTES) return "Caption files can be at most 2 MB.";
  if (file.size === 0) return "This file is empty.";
  return null;
}

/** The API's refusal of a caption file, with the line it tripped on when it says. */
export function captionErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const line = error.details?.line;
    if (error.code === "invalid_captions" && typeof line === "number" && !new RegExp(`\\bline ${line}\\b`, "i").test(error.message)) {
      return `${error.message} (line ${line})`;
    }
    return error.message;
  }
  return "The captions weren't saved. Please try again.";
}
