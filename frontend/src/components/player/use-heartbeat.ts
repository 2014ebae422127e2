"use client";

import { useEffect } from "react";
import { listen } from "./listen";
import { sendPosition } from "./position";

const EVERY_MS = 15_000;

/**
 * Saves the viewer's place in the lesson: every 15 s while playing, on pause (and so at the end),
 * after a seek, when the tab is hidden or the page goes, and when the player does. Nothing is
 * sent before the viewer first presses play.
 */
export function useHeartbeat(video: HTMLVideoElement | null, lessonId: string, enabled: boolean) {
  useEffect(() => {
    if (!video || !enabled) return;
    let played = false;
    let timer: number | undefined;
    let last = 0;
    const save = () => {
      // A video whose source is being taken down reads 0: the last time it played is the place.
      if (video.readyState > 0) last = video.currentTime;
      if (played) sendPosition(lessonId, last);
    };
    const onPlay = () => {
      played = true;
    };
    const onPlaying = () => {
      window.clearInterval(timer);
      timer = window.setInterval(save, EVERY_MS);
    };
    const onPause = () => {
      window.clearInterval(timer);
      save();
    };
    const onTime = () => {
      if (video.readyState > 0) last = video.currentTime;
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") save();
    };
    const fromVideo = listen(video, { timeupdate: onTime, play: onPlay, playing: onPlaying, pause: onPause, seeked: save });
    const fromPage = listen(window, { pagehide: save });
    const fromDocument = listen(document, { visibilitychange: onHidden });
    return () => {
      window.clearInterval(timer);
      fromVideo();
      fromPage();
      fromDocument();
      save();
    };
  }, [video, lessonId, enabled]);
}
