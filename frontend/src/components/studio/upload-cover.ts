import { ApiError } from "@/lib/api/errors";
import type { StudioCourse } from "@/lib/api/models";
import { type Upload, uploadWithProgress } from "@/lib/http/upload-with-progress";

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

export type CoverUpload = Upload<StudioCourse>;

/** PUT the picture as multipart field `file`, reporting progress. */
export function uploadCover(courseId: string, file: File, onProgress: (fraction: number) => void): CoverUpload {
  const form = new FormData();
  form.append("file", file);
  return uploadWithProgress<StudioCourse>("PUT", `/api/studio/courses/${encodeURIComponent(courseId)}/cover`, form, onProgress);
}
