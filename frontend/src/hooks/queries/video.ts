"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { CaptionOut, CaptionUpdate, LessonVideo, VideoOut, VideoStatus } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

/** While something is on its way, the studio asks for news this often. */
export const VIDEO_POLL_MS = 2_000;

const IN_FLIGHT: ReadonlySet<VideoStatus> = new Set(["uploading", "queued", "processing"]);

/** Uploading, waiting for a worker, or transcoding. */
export function isInFlight(video: VideoOut | null | undefined): boolean {
  return !!video && IN_FLIGHT.has(video.status);
}

const lesson = (lessonId: string) => ({ params: { path: { lesson_id: lessonId } } });

/**
 * A video lesson's playing video, its newer upload and its captions; polled every 2 s while
 * the upload is uploading, queued or transcoding (or `pollAnyway`, e.g. while this tab uploads).
 */
export function useLessonVideo(lessonId: string, { pollAnyway = false }: { pollAnyway?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.studio.video(lessonId),
    queryFn: () => unwrap(api.GET("/api/studio/lessons/{lesson_id}/video", lesson(lessonId))),
    refetchInterval: (query) => (pollAnyway || isInFlight(query.state.data?.pending) ? VIDEO_POLL_MS : false),
  });
}

/** Changes the cached lesson video at once; returns what to put back if the API refuses. */
async function optimistic(queryClient: QueryClient, lessonId: string, change: (video: LessonVideo) => LessonVideo) {
  const key = queryKeys.studio.video(lessonId);
  await queryClient.cancelQueries({ queryKey: key, exact: true });
  const previous = queryClient.getQueryData<LessonVideo>(key);
  queryClient.setQueryData<LessonVideo>(key, (current) => current && change(current));
  return { previous };
}

function restore(queryClient: QueryClient, lessonId: string, context: { previous: LessonVideo | undefined } | undefined) {
  if (context?.previous) queryClient.setQueryData(queryKeys.studio.video(lessonId), context.previous);
}

function withPending(video: LessonVideo, id: string, change: Partial<VideoOut>): LessonVideo {
  return video.pending?.id === id ? { ...video, pending: { ...video.pending, ...change } } : video;
}

function storePending(queryClient: QueryClient, lessonId: string, updated: VideoOut) {
  queryClient.setQueryData<LessonVideo>(queryKeys.studio.video(lessonId), (current) =>
    current && current.pending?.id === updated.id ? { ...current, pending: updated } : current,
  );
}

/** Stops an upload or a transcode; shown as canceled at once. */
export function useCancelVideo(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (videoId: string) => unwrap(api.POST("/api/studio/videos/{video_id}/cancel", { params: { path: { video_id: videoId } } })),
    onMutate: (videoId) => optimistic(queryClient, lessonId, (video) => withPending(video, videoId, { status: "canceled", progress: 0 })),
    onError: (_error, _videoId, context) => restore(queryClient, lessonId, context),
    onSuccess: (updated) => storePending(queryClient, lessonId, updated),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.studio.video(lessonId) }),
  });
}

/** Transcodes a failed or canceled upload again from its stored original; queued at once. */
export function useRetryVideo(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (videoId: string) => unwrap(api.POST("/api/studio/videos/{video_id}/retry", { params: { path: { video_id: videoId } } })),
    onMutate: (videoId) =>
      optimistic(queryClient, lessonId, (video) => withPending(video, videoId, { status: "queued", progress: 0, failure_reason: null, can_retry: false })),
    onError: (_error, _videoId, context) => restore(queryClient, lessonId, context),
    onSuccess: (updated) => storePending(queryClient, lessonId, updated),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.studio.video(lessonId) }),
  });
}

// --- captions ----------------------------------------------------------------------------

export type NewCaptions = { file: File; language: string; label: string; isDefault: boolean };

/** One default at most: making `id` the default takes it from the others. */
function withDefault(captions: CaptionOut[], id: string): CaptionOut[] {
  return captions.map((caption) => ({ ...caption, is_default: caption.id === id }));
}

/** Adds a language's track, or replaces the one already there for that language. */
export function useUploadCaptions(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, language, label, isDefault }: NewCaptions) =>
      unwrap(
        api.POST("/api/studio/lessons/{lesson_id}/captions", {
          ...lesson(lessonId),
          // The generated type says `string` for a binary field; the browser sends a File.
          body: { file: file as unknown as string, language, label: label || null, is_default: isDefault },
          bodySerializer: (body) => {
            const form = new FormData();
            form.append("file", body.file as unknown as File);
            form.append("language", body.language);
            if (body.label) form.append("label", body.label);
            form.append("is_default", String(body.is_default));
            return form;
          },
        }),
      ),
    onSuccess: (added) => {
      queryClient.setQueryData<LessonVideo>(queryKeys.studio.video(lessonId), (current) => {
        if (!current) return current;
        const others = current.captions.filter((caption) => caption.id !== added.id && caption.language !== added.language);
        const captions = [...others, added];
        return { ...current, captions: added.is_default ? withDefault(captions, added.id) : captions };
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.studio.video(lessonId) });
    },
  });
}

/** Renames a track or makes it the default; shown at once and put back if the API refuses. */
export function useUpdateCaptions(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ captionId, changes }: { captionId: string; changes: CaptionUpdate }) =>
      unwrap(api.PATCH("/api/studio/captions/{caption_id}", { params: { path: { caption_id: captionId } }, body: changes })),
    onMutate: ({ captionId, changes }) =>
      optimistic(queryClient, lessonId, (video) => {
        const captions = video.captions.map((caption) => (caption.id === captionId ? { ...caption, ...changes } : caption));
        return { ...video, captions: changes.is_default ? withDefault(captions, captionId) : captions };
      }),
    onError: (_error, _change, context) => restore(queryClient, lessonId, context),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.studio.video(lessonId) }),
  });
}

/** Deletes a track; it leaves the list at once and comes back if the API refuses. */
export function useDeleteCaptions(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (captionId: string) => unwrap(api.DELETE("/api/studio/captions/{caption_id}", { params: { path: { caption_id: captionId } } })),
    onMutate: (captionId) =>
      optimistic(queryClient, lessonId, (video) => ({ ...video, captions: video.captions.filter((caption) => caption.id !== captionId) })),
    onError: (_error, _captionId, context) => restore(queryClient, lessonId, context),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.studio.video(lessonId) }),
  });
}
