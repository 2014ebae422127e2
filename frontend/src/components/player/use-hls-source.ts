"use client";

import Hls, { type ErrorData } from "hls.js";
import { useEffect, useRef, useState, type RefObject } from "react";
import { withNewestGrant } from "./grant-url";
import { qualityChoices } from "./quality";

export type Engine = "hls" | "native" | "unsupported";

export type PlaybackFailure = { message: string; retryable: boolean };

type SourceOptions = {
  video: HTMLVideoElement | null;
  /** The master playlist of the grant this source started with. */
  masterUrl: string;
  /** Any URL of the newest grant: every request swaps its grant in (see grant-url.ts). */
  newestUrl: RefObject<string>;
  /** Where to start, in seconds; null for the beginning. */
  startAt: number | null;
  /** Bumped to start over (a retry after a failure). */
  generation: number;
  /** Asks for a fresh grant before reloading after a network failure (it may have expired). */
  refreshGrant: () => Promise<unknown>;
  onFailure: (failure: PlaybackFailure) => void;
};

const NETWORK_RECOVERIES = 2;
const MEDIA_RECOVERIES = 2;
const HLS_MIME = "application/vnd.apple.mpegurl";

/**
 * Plays an HLS stream in `video`: with hls.js where Media Source Extensions exist, else with the
 * browser's own HLS (Safari on iOS), else not at all. hls.js gets a few chances to recover from
 * network and media errors before the failure is reported; the browser's own player gets a fresh
 * grant and a reload at the same spot.
 */
export function useHlsSource({ video, masterUrl, newestUrl, startAt, generation, refreshGrant, onFailure }: SourceOptions) {
  const [engine, setEngine] = useState<Engine | null>(null);
  const [levels, setLevels] = useState<{ index: number; height: number }[]>([]);
  const [playingHeight, setPlayingHeight] = useState<number | null>(null);
  const [manualLevel, setManualLevel] = useState(-1);
  const hlsRef = useRef<Hls | null>(null);
  // The latest callbacks, without restarting the stream when their identity changes.
  const callbacks = useRef({ refreshGrant, onFailure });
  useEffect(() => {
    callbacks.current = { refreshGrant, onFailure };
  });

  useEffect(() => {
    if (!video) return;
    const source = withNewestGrant(masterUrl, newestUrl.current);
    setLevels([]);
    setPlayingHeight(null);
    setManualLevel(-1);

    if (Hls.isSupported()) {
      setEngine("hls");
      const hls = new Hls({
        startPosition: startAt ?? -1,
        // The player is often small: don't fetch 1080p for a 360 px wide frame (Auto only).
        capLevelToPlayerSize: true,
        // Captions come as sidecar WebVTT <track>s; none are carried in the stream.
        enableCEA708Captions: false,
        xhrSetup: (xhr, url) => {
          xhr.open("GET", withNewestGrant(url, newestUrl.current), true);
        },
      });
      hlsRef.current = hls;
      let networkRecoveries = 0;
      let mediaRecoveries = 0;
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        setLevels(qualityChoices(hls.levels));
      });
      hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => {
        setPlayingHeight(hls.levels[data.level]?.height || null);
      });
      hls.on(Hls.Events.ERROR, (_event, data: ErrorData) => {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR && networkRecoveries < NETWORK_RECOVERIES) {
          networkRecoveries += 1;
          const manifest = data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR || data.details === Hls.ErrorDetails.MANIFEST_LOAD_TIMEOUT;
          void callbacks.current
            .refreshGrant()
            .catch(() => undefined)
            .then(() => {
              if (hlsRef.current !== hls) return;
              if (manifest) hls.loadSource(withNewestGrant(masterUrl, newestUrl.current));
              else hls.startLoad(video.currentTime);
            });
          return;
        }
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries < MEDIA_RECOVERIES) {
          mediaRecoveries += 1;
          hls.recoverMediaError();
          return;
        }
        const network = data.type === Hls.ErrorTypes.NETWORK_ERROR;
        callbacks.current.onFailure({
          message: network
            ? "The video stopped loading. Check your connection and try again."
            : "This video could not be played in this browser.",
          retryable: true,
        });
        hls.stopLoad();
      });
      hls.loadSource(source);
      hls.attachMedia(video);
      return () => {
        hlsRef.current = null;
        hls.destroy();
      };
    }

    if (video.canPlayType(HLS_MIME)) {
      setEngine("native");
      let recoveries = 0;
      const start = () => {
        if (startAt !== null && video.currentTime < 1) video.currentTime = startAt;
      };
      const fail = () => {
        const at = video.currentTime;
        const wasPlaying = !video.paused;
        if (recoveries >= NETWORK_RECOVERIES) {
          callbacks.current.onFailure({ message: "The video stopped loading. Check your connection and try again.", retryable: true });
          return;
        }
        recoveries += 1;
        // The browser fetches segments itself, with the grant it started with: a fresh grant and a
        // reload at the same spot is the one way around an expired one.
        void callbacks.current
          .refreshGrant()
          .catch(() => undefined)
          .then(() => {
            video.src = withNewestGrant(masterUrl, newestUrl.current);
            video.addEventListener(
              "loadedmetadata",
              () => {
                video.currentTime = at;
                if (wasPlaying) void video.play().catch(() => undefined);
              },
              { once: true },
            );
          });
      };
      video.addEventListener("loadedmetadata", start, { once: true });
      video.addEventListener("error", fail);
      video.src = source;
      return () => {
        video.removeEventListener("loadedmetadata", start);
        video.removeEventListener("error", fail);
        video.removeAttribute("src");
        video.load();
      };
    }

    setEngine("unsupported");
    callbacks.current.onFailure({
      message: "This browser can't play streaming video. Try a current version of Chrome, Firefox, Safari or Edge.",
      retryable: false,
    });
    // The stream starts over only for a new source or a retry; later grants reach it through newestUrl.
  }, [video, masterUrl, generation]);

  /** Picks a level by its index in hls.levels, or -1 for Auto; the switch happens at the next segment. */
  const setLevel = (index: number) => {
    const hls = hlsRef.current;
    if (!hls) return;
    hls.nextLevel = index;
    setManualLevel(index);
  };

  return { engine, levels, playingHeight, manualLevel, setLevel };
}
