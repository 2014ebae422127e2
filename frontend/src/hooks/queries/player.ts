"use client";

import { useQuery } from "@tanstack/react-query";
import { parseThumbnailsVtt, type ThumbnailCue } from "@/components/player/thumbnails";
import { api } from "@/lib/api/client";
import type { PlaybackGrant } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

/** How long a grant is good for before the player should hold a fresh one. */
function refreshMs(grant: PlaybackGrant | undefined): number {
  return grant ? Math.max(15, grant.refresh_after_seconds) * 1000 : 0;
}

/**
 * A lesson's playback grant (its signed stream URLs, captions and resume position). It is asked
 * for again after `refresh_after_seconds`, also in a background tab (a video may be playing
 * there), and on returning to the tab once that time has passed (timers sleep with the laptop):
 * the player applies the newest grant to every later request without restarting the video.
 */
export function usePlaybackGrant(lessonId: string) {
  return useQuery({
    queryKey: queryKeys.player.grant(lessonId),
    queryFn: ({ signal }) =>
      unwrap(api.POST("/api/lessons/{lesson_id}/playback", { params: { path: { lesson_id: lessonId } }, signal })),
    staleTime: (query) => refreshMs(query.state.data),
    refetchInterval: (query) => refreshMs(query.state.data) || false,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
    // Grants are short-lived: one left in the cache after the player goes would only mislead the next.
    gcTime: 0,
  });
}

/**
 * The seek previews of a video, parsed from its WebVTT index; none when it has no index or the
 * index can't be had (previews are a nicety: the seek bar works without them).
 */
export function useSeekThumbnails(videoId: string, indexUrl: string | null) {
  return useQuery({
    queryKey: queryKeys.player.thumbnails(videoId),
    queryFn: async ({ signal }): Promise<ThumbnailCue[]> => {
      if (!indexUrl) return [];
      const response = await fetch(indexUrl, { credentials: "same-origin", signal });
      if (!response.ok) return [];
      return parseThumbnailsVtt(await response.text(), indexUrl);
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
