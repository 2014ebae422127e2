"use client";

import { useEffect, useState } from "react";

export type MediaSnapshot = {
  /** Metadata is in: duration and size are known. */
  loaded: boolean;
  paused: boolean;
  ended: boolean;
  /** Playing (or about to) but waiting for data: seeking, or the buffer ran dry. */
  buffering: boolean;
  currentTime: number;
  duration: number;
  /** Buffered time ranges, [start, end] in seconds. */
  buffered: [number, number][];
  volume: number;
  muted: boolean;
  rate: number;
};

const EVENTS = [
  "loadstart",
  "loadedmetadata",
  "durationchange",
  "canplay",
  "playing",
  "waiting",
  "play",
  "pause",
  "ended",
  "seeking",
  "seeked",
  "timeupdate",
  "progress",
  "volumechange",
  "ratechange",
  "emptied",
] as const;

const HAVE_METADATA = 1;
const HAVE_FUTURE_DATA = 3;

function read(video: HTMLVideoElement): MediaSnapshot {
  const buffered: [number, number][] = [];
  for (let index = 0; index < video.buffered.length; index++) {
    buffered.push([video.buffered.start(index), video.buffered.end(index)]);
  }
  return {
    loaded: video.readyState >= HAVE_METADATA,
    paused: video.paused,
    ended: video.ended,
    buffering: (!video.paused || video.seeking) && video.readyState < HAVE_FUTURE_DATA,
    currentTime: video.currentTime,
    duration: Number.isFinite(video.duration) ? video.duration : 0,
    buffered,
    volume: video.volume,
    muted: video.muted,
    rate: video.playbackRate,
  };
}

const INITIAL: MediaSnapshot = {
  loaded: false,
  paused: true,
  ended: false,
  buffering: false,
  currentTime: 0,
  duration: 0,
  buffered: [],
  volume: 1,
  muted: false,
  rate: 1,
};

/** What the video element is doing, re-read on each of its media events. */
export function useMediaState(video: HTMLVideoElement | null): MediaSnapshot {
  const [snapshot, setSnapshot] = useState<MediaSnapshot>(INITIAL);
  useEffect(() => {
    if (!video) return;
    const update = () => setSnapshot(read(video));
    update();
    for (const name of EVENTS) video.addEventListener(name, update);
    return () => {
      for (const name of EVENTS) video.removeEventListener(name, update);
    };
  }, [video]);
  return snapshot;
}
