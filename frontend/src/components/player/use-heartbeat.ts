"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { queryKeys } from "@/hooks/queries/keys";
import { listen } from "./listen";
import { PlayedSeconds, playedRanges } from "./played";
import { sendHeartbeat } from "./position";

const EVERY_MS = 15_000;
/** A scrub is many seeks: one heartbeat once the viewer has let go. */
const AFTER_SEEK_MS = 750;
/** The server writes buffered heartbeats within about a second; progress is read again after that. */
const REFRESH_AFTER_MS = 1_500;

/**
 * Reports the viewer's watching of a lesson's video to the server: where they are, the media
 * element's played ranges and the seconds actually played since the last acknowledged heartbeat.
 * Sent on the first `playing`, every 15 s while playing, on pause and at the end, after a seek,
 * when the tab is hidden or the page goes (keepalive), and when the player does. Nothing is sent
 * before the viewer first plays. A while after a heartbeat that may have finished something
 * (pause, end, leaving), the course's progress is read again so the page's marks catch up.
 */
export function useHeartbeat(video: HTMLVideoElement | null, lessonId: string, enabled: boolean) {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!video || !enabled) return;
    const counter = new PlayedSeconds();
    let started = false;
    let position = 0;
    let interval: number | undefined;
    let afterSeek: number | undefined;
    let soon: number | undefined;
    let soonRefreshes = false;
    // What the server last acknowledged: nothing new to say means nothing is sent.
    let acknowledged: { position: number } | null = null;

    const refreshLater = () => {
      // Not cleared with the player: progress shown elsewhere (the next lesson's page) catches up too.
      window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: queryKeys.progress.all }), REFRESH_AFTER_MS);
    };

    const read = () => {
      // A video whose source is being taken down reads 0: the last time it played is the place.
      if (video.readyState > 0) position = video.currentTime;
      counter.tick({
        time: video.currentTime,
        now: performance.now(),
        playing: !video.paused && !video.ended,
        seeking: video.seeking,
        rate: video.playbackRate,
      });
    };

    const send = (refresh: boolean) => {
      if (!started) return;
      read();
      const at = Math.round(position * 10) / 10;
      if (counter.pending === 0 && acknowledged !== null && Math.abs(acknowledged.position - at) < 0.5) {
        if (refresh) refreshLater();
        return;
      }
      const { seconds, settle } = counter.take();
      const body = { position_seconds: at, played: playedRanges(video.played), seconds };
      void sendHeartbeat(lessonId, body).then((ok) => {
        settle(ok);
        if (!ok) return;
        acknowledged = { position: at };
        if (refresh) refreshLater();
      });
    };

    // Pause and end come together (pause, then ended): one heartbeat for both.
    const sendSoon = (refresh: boolean) => {
      soonRefreshes ||= refresh;
      if (soon !== undefined) return;
      soon = window.setTimeout(() => {
        soon = undefined;
        const withRefresh = soonRefreshes;
        soonRefreshes = false;
        send(withRefresh);
      }, 0);
    };

    const stopInterval = () => {
      window.clearInterval(interval);
      interval = undefined;
    };

    const onPlaying = () => {
      read();
      if (!started) {
        started = true;
        send(false);
      }
      if (interval === undefined) interval = window.setInterval(() => send(false), EVERY_MS);
    };
    const onStopped = () => {
      stopInterval();
      sendSoon(true);
    };
    const onSeeking = () => {
      counter.interrupt();
      if (video.readyState > 0) position = video.currentTime;
    };
    const onSeeked = () => {
      window.clearTimeout(afterSeek);
      afterSeek = window.setTimeout(() => send(false), AFTER_SEEK_MS);
    };
    const onEmptied = () => {
      // A new source (a retry): the old readings say nothing about it.
      counter.interrupt();
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") send(true);
    };

    const fromVideo = listen(video, {
      timeupdate: read,
      playing: onPlaying,
      pause: onStopped,
      ended: onStopped,
      seeking: onSeeking,
      seeked: onSeeked,
      emptied: onEmptied,
    });
    const fromPage = listen(window, { pagehide: () => send(false) });
    const fromDocument = listen(document, { visibilitychange: onHidden });
    return () => {
      stopInterval();
      window.clearTimeout(afterSeek);
      window.clearTimeout(soon);
      fromVideo();
      fromPage();
      fromDocument();
      send(true);
    };
  }, [video, lessonId, enabled, queryClient]);
}
