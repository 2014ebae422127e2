import { ApiError, apiErrorFromResponse, NETWORK_ERROR } from "@/lib/api/errors";
import type { StudioCourse } from "@/lib/api/models";

export const COVER_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"];
export const COVER_MAX_BYTES = 6 * 1024 * 1024;

/** Why a picked file can't be a cover, before any upload; null when it may be. */
export function coverFileProblem(file: { type: string; size: number }): string | null {
  if (!COVER_TYPES.includes(file.type)) return "Use a JPEG, PNG, WebP or GIF picture.";
  if (file.size > COVER_MAX_BYTES) return "This picture is over 6 MB. Export it smaller (1280×720 is plenty) and try again.";
  return null;
}

/** The cover upload's refusals in words a person can act on. */
export function coverUploadMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return "This picture is too large for a cover (the limit is 6 MB). Export it smaller and try again.";
    if (error.status === 415) return "That file isn't a picture we can use. Use a JPEG, PNG, WebP or GIF.";
    return error.message;
  }
  return "The upload failed. Please try again.";
}

export type CoverUpload = { done: Promise<StudioCourse>; abort: () => void };

/**
 * PUT the picture as multipart field `file`. XMLHttpRequest rather than fetch, because only it
 * reports upload progress.
 */
export function uploadCover(courseId: string, file: File, onProgress: (fraction: number) => void): CoverUpload {
  const request = new XMLHttpRequest();
  const done = new Promise<StudioCourse>((resolve, reject) => {
    request.open("PUT", `/api/studio/courses/${encodeURIComponent(courseId)}/cover`);
    request.responseType = "text";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) return resolve(body as StudioCourse);
      const headers = new Headers();
      const retryAfter = request.getResponseHeader("Retry-After");
      if (retryAfter) headers.set("Retry-After", retryAfter);
      reject(apiErrorFromResponse(new Response(null, { status: request.status, headers }), body));
    };
    request.onerror = () => reject(new ApiError(0, NETWORK_ERROR, "Can't reach Lectern. Check your connection and try again."));
    request.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
  return { done, abort: () => request.abort() };
}
