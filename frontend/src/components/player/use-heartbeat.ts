"use client";

import { useEffect } from "react";
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
    video.addEventListener("timeupdate", onTime);
    video.addEventListener("play", onPlay);
    video.addEventListener("playing", onPlaying);
    video.addEventListener("pause", onPause);
    video.addEventListener("seeked", save);
    window.addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.clearInterval(timer);
      video.removeEventListener("timeupdate", onTime);
      video.removeEventListener("play", onPlay);
      video.removeEventListener("playing", onPlaying);
      video.removeEventListener("pause", onPause);
      video.removeEventListener("seeked", save);
      window.removeEventListener("pagehide", save);
      document.removeEventListener("visibilitychange", onHidden);
      save();
    };
  }, [video, lessonId, enabled]);
}
