"use client";

import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { cn } from "@/lib/class-names";
import { thumbnailAt, type ThumbnailCue } from "./thumbnails";
import { clamp, formatClock, seekValueText } from "./time";

type SeekBarProps = {
  currentTime: number;
  duration: number;
  buffered: readonly [number, number][];
  /** Seek previews, when the video has them. */
  thumbnails: readonly ThumbnailCue[];
  /** A sprite's address as it may be fetched now (with the newest grant). */
  spriteUrl: (url: string) => string;
  onSeek: (time: number) => void;
  /** Dragging the handle (true) or letting go (false): the player keeps its controls up meanwhile. */
  onDraggingChange?: (dragging: boolean) => void;
};

type Pointer = { time: number; x: number; width: number };

/** Roughly how wide the time label is when there is no picture to show. */
const TIME_ONLY_WIDTH = 56;

/**
 * The timeline: a WAI-ARIA slider (arrow keys 5 s, Page Up/Down a tenth, Home/End), with what is
 * buffered, and a preview of the frame and time under the pointer while hovering or dragging.
 * A drag seeks once, on letting go, so a long drag does not fetch every segment on its way.
 */
export function SeekBar({ currentTime, duration, buffered, thumbnails, spriteUrl, onSeek, onDraggingChange }: SeekBarProps) {
  const trackRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [pointer, setPointer] = useState<Pointer | null>(null);
  const [scrubTime, setScrubTime] = useState<number | null>(null);
  const known = duration > 0;
  const shown = clamp(scrubTime ?? currentTime, 0, duration || 0);
  const percent = (time: number) => (known ? `${clamp((time / duration) * 100, 0, 100)}%` : "0%");

  const pointerAt = (clientX: number): Pointer | null => {
    const rect = trackRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || !known) return null;
    const x = clamp(clientX - rect.left, 0, rect.width);
    return { time: (x / rect.width) * duration, x, width: rect.width };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !known) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    dragging.current = true;
    onDraggingChange?.(true);
    const at = pointerAt(event.clientX);
    setPointer(at);
    setScrubTime(at?.time ?? null);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const at = pointerAt(event.clientX);
    setPointer(at);
    if (dragging.current) setScrubTime(at?.time ?? null);
  };

  const finish = (event: PointerEvent<HTMLDivElement>, commit: boolean) => {
    if (!dragging.current) return;
    dragging.current = false;
    onDraggingChange?.(false);
    const at = pointerAt(event.clientX);
    if (commit && at) onSeek(at.time);
    setScrubTime(null);
    if (event.pointerType !== "mouse") setPointer(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !known) return;
    const tenth = Math.max(10, duration / 10);
    const target = (() => {
      switch (event.key) {
        case "ArrowLeft":
        case "ArrowDown":
          return currentTime - 5;
        case "ArrowRight":
        case "ArrowUp":
          return currentTime + 5;
        case "PageDown":
          return currentTime - tenth;
        case "PageUp":
          return currentTime + tenth;
        case "Home":
          return 0;
        case "End":
          return duration;
        default:
          return null;
      }
    })();
    if (target === null) return;
    // The slider owns these keys: the player's shortcuts must not act on them a second time.
    event.preventDefault();
    event.stopPropagation();
    onSeek(clamp(target, 0, duration));
  };

  const previewTime = pointer?.time ?? null;
  const cue = previewTime !== null ? thumbnailAt(thumbnails, previewTime) : null;
  const previewWidth = cue ? cue.width : TIME_ONLY_WIDTH;
  const previewLeft = pointer ? clamp(pointer.x, previewWidth / 2, Math.max(previewWidth / 2, pointer.width - previewWidth / 2)) : 0;

  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label="Seek"
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(shown)}
      aria-valuetext={seekValueText(shown, duration)}
      aria-disabled={!known || undefined}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(event) => finish(event, true)}
      onPointerCancel={(event) => finish(event, false)}
      onPointerLeave={() => {
        if (!dragging.current) setPointer(null);
      }}
      className="group/seek relative flex h-6 cursor-pointer touch-none items-center rounded-sm outline-offset-0 select-none focus-visible:outline-white"
    >
      <div ref={trackRef} className="relative h-1 w-full overflow-hidden rounded-full bg-white/25 transition-[height] group-hover/seek:h-1.5 group-focus-visible/seek:h-1.5">
        {buffered.map(([start, end]) => (
          <div key={start} className="absolute inset-y-0 bg-white/35" style={{ left: percent(start), width: known ? `${clamp(((end - start) / duration) * 100, 0, 100)}%` : 0 }} />
        ))}
        {pointer && <div className="absolute inset-y-0 left-0 bg-white/25" style={{ width: `${pointer.x}px` }} />}
        <div className="absolute inset-y-0 left-0 bg-white" style={{ width: percent(shown) }} />
      </div>
      <div
        aria-hidden
        className={cn(
          "absolute top-1/2 size-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full bg-white shadow transition-transform",
          scrubTime === null ? "scale-0 group-hover/seek:scale-100 group-focus-visible/seek:scale-100" : "scale-110",
        )}
        style={{ left: percent(shown) }}
      />
      {pointer && previewTime !== null && (
        <div aria-hidden className="pointer-events-none absolute bottom-full mb-2 grid -translate-x-1/2 justify-items-center gap-1" style={{ left: previewLeft }}>
          {cue && (
            <div
              className="overflow-hidden rounded-md border border-white/70 bg-black shadow-lg"
              style={{
                width: cue.width,
                height: cue.height,
                backgroundImage: `url("${spriteUrl(cue.url)}")`,
                backgroundPosition: `-${cue.x}px -${cue.y}px`,
              }}
            />
          )}
          <span className="rounded bg-black/80 px-1.5 py-0.5 text-xs font-medium text-white tabular-nums">{formatClock(previewTime)}</span>
        </div>
      )}
    </div>
  );
}
