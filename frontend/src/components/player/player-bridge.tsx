"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";

/** What parts of the page outside the player may do with it: read its time, seek, play, pause. */
export type PlayerHandle = {
  /** Seconds into the video. */
  currentTime: () => number;
  /** The video's length in seconds (0 until known). */
  duration: () => number;
  paused: () => boolean;
  /** Go to `seconds` (kept within the video). */
  seek: (seconds: number) => void;
  play: () => void;
  pause: () => void;
  /** Puts the keyboard on the player (its shortcuts work from there). */
  focus: () => void;
  /** Scrolls the player into view if it is not (a phone's notes sit below it). */
  reveal: () => void;
  /** Calls `listener` whenever the time or the playing state changes; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
};

/** A viewer's "n" (a new note) or "b" (a bookmark) in the player, at second `at`. */
export type AnnotationRequest = { kind: "note" | "bookmark"; at: number; wasPlaying: boolean };

type Bridge = {
  player: PlayerHandle | null;
  /** The player announces itself (and null when it goes). */
  register: (handle: PlayerHandle) => () => void;
  /** Hands a key press to whoever takes notes on this page; false when nobody does. */
  request: (request: AnnotationRequest) => boolean;
  /** Whether something on the page takes notes (so "n" and "b" mean something). */
  takesNotes: () => boolean;
  listen: (listener: (request: AnnotationRequest) => void) => () => void;
};

const BridgeContext = createContext<Bridge | null>(null);

/**
 * Connects a lesson's player with the panels beside it (notes, bookmarks) without either owning
 * the other: the player registers a handle, the panels listen for its "n" and "b" keys. With a
 * `className` it is also the box around them (a layout needs no extra element for it).
 */
export function PlayerBridgeProvider({ children, className }: { children: ReactNode; className?: string }) {
  const [player, setPlayer] = useState<PlayerHandle | null>(null);
  const listeners = useRef(new Set<(request: AnnotationRequest) => void>());

  const register = useCallback((handle: PlayerHandle) => {
    setPlayer(handle);
    return () => setPlayer((current) => (current === handle ? null : current));
  }, []);
  const request = useCallback((annotation: AnnotationRequest) => {
    if (listeners.current.size === 0) return false;
    for (const listener of listeners.current) listener(annotation);
    return true;
  }, []);
  const takesNotes = useCallback(() => listeners.current.size > 0, []);
  const listen = useCallback((listener: (annotation: AnnotationRequest) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const bridge = useMemo(() => ({ player, register, request, takesNotes, listen }), [player, register, request, takesNotes, listen]);
  return <BridgeContext.Provider value={bridge}>{className ? <div className={className}>{children}</div> : children}</BridgeContext.Provider>;
}

/** The page's bridge, or null outside a PlayerBridgeProvider (the player then works alone). */
export function usePlayerBridge(): Bridge | null {
  return useContext(BridgeContext);
}

/** The player on this page, when there is one and it has loaded. */
export function usePlayer(): PlayerHandle | null {
  return useContext(BridgeContext)?.player ?? null;
}

const noSubscription = () => () => undefined;

/** The player's current whole second (re-rendering once a second at most), or null without one. */
export function usePlayerSecond(): number | null {
  const player = usePlayer();
  return useSyncExternalStore(
    player?.subscribe ?? noSubscription,
    () => (player ? Math.floor(player.currentTime()) : null),
    () => null,
  );
}

/** Calls `onRequest` for each "n" or "b" pressed in the player, while mounted. */
export function useAnnotationRequests(onRequest: (request: AnnotationRequest) => void) {
  const bridge = usePlayerBridge();
  const latest = useRef(onRequest);
  useEffect(() => {
    latest.current = onRequest;
  });
  useEffect(() => bridge?.listen((request) => latest.current(request)), [bridge]);
}
