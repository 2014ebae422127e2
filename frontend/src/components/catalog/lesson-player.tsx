"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { VideoPlayer } from "@/components/player/video-player";

type LessonPlayerProps = {
  lessonId: string;
  title: string;
  signedIn: boolean;
  courseHref: string;
  /** The lesson after this one, when the viewer may open it. */
  next: { id: string; href: string; title: string } | null;
};

// Set just before going on to the next lesson, so that lesson's player starts by itself.
const AUTOPLAY_KEY = "lectern.autoplay-lesson";

/** The lesson's video; when it ends, the next lesson is offered with a short countdown. */
export function LessonPlayer({ lessonId, title, signedIn, courseHref, next }: LessonPlayerProps) {
  const router = useRouter();
  const [upNext, setUpNext] = useState(false);
  const [autoPlay, setAutoPlay] = useState(false);

  useEffect(() => {
    try {
      if (window.sessionStorage.getItem(AUTOPLAY_KEY) !== lessonId) return;
      window.sessionStorage.removeItem(AUTOPLAY_KEY);
      setAutoPlay(true);
    } catch {
      // No session storage: the viewer presses play.
    }
  }, [lessonId]);

  const goNext = () => {
    if (!next) return;
    try {
      window.sessionStorage.setItem(AUTOPLAY_KEY, next.id);
    } catch {
      // As above.
    }
    router.push(next.href);
  };

  return (
    <VideoPlayer
      lessonId={lessonId}
      title={title}
      signedIn={signedIn}
      courseHref={courseHref}
      autoPlay={autoPlay}
      onEnded={() => {
        if (!next) return;
        router.prefetch(next.href);
        setUpNext(true);
      }}
    >
      {upNext && next && <UpNext title={next.title} onCancel={() => setUpNext(false)} onPlay={goNext} />}
    </VideoPlayer>
  );
}

const COUNTDOWN_SECONDS = 5;

/** "Up next: <title>", playing in 5 seconds unless cancelled. */
function UpNext({ title, onCancel, onPlay }: { title: string; onCancel: () => void; onPlay: () => void }) {
  const [left, setLeft] = useState(COUNTDOWN_SECONDS);
  const id = useId();
  const playRef = useRef<HTMLButtonElement>(null);
  const onPlayRef = useRef(onPlay);
  useEffect(() => {
    onPlayRef.current = onPlay;
  });

  // Keyboard users whose focus was on the player land on "Play now"; nobody else's focus moves.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || playRef.current?.closest("[data-testid='video-player']")?.contains(active)) {
      playRef.current?.focus();
    }
  }, []);

  useEffect(() => {
    if (left <= 0) {
      onPlayRef.current();
      return;
    }
    const timer = window.setTimeout(() => setLeft((seconds) => seconds - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);

  return (
    <div
      role="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-note`}
      className="absolute inset-0 z-30 grid place-items-center bg-black/85 p-4 text-center text-white">
      <div className="grid max-w-md justify-items-center gap-3">
        <p id={`${id}-title`} className="text-balance @sm:text-lg">
          <span className="text-white/75">Up next:</span> <strong className="font-semibold">{title}</strong>
        </p>
        <p className="text-sm text-white/75 tabular-nums" aria-hidden>
          Playing in {left} s
        </p>
        <p id={`${id}-note`} className="sr-only">
          Plays in {COUNTDOWN_SECONDS} seconds unless you cancel.
        </p>
        <div className="flex flex-wrap justify-center gap-2">
          <button
            type="button"
            onClick={onCancel}
            className="inline-flex h-9 items-center rounded-md border border-white/40 px-4 text-sm font-medium hover:bg-white/10 focus-visible:outline-white"
          >
            Cancel
          </button>
          <button
            ref={playRef}
            type="button"
            onClick={onPlay}
            className="inline-flex h-9 items-center rounded-md bg-white px-4 text-sm font-medium text-black hover:bg-white/90 focus-visible:outline-white"
          >
            Play now
          </button>
        </div>
      </div>
    </div>
  );
}
