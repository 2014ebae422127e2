"use client";

import { Volume1, Volume2, VolumeX } from "lucide-react";
import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { clamp } from "./time";
import { ControlButton } from "./control-button";

type VolumeControlProps = {
  volume: number;
  muted: boolean;
  onToggleMute: () => void;
  onVolume: (volume: number) => void;
};

/** Mute, and a volume slider beside it where there is room (phones have their own buttons). */
export function VolumeControl({ volume, muted, onToggleMute, onVolume }: VolumeControlProps) {
  const trackRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const level = muted ? 0 : volume;
  const Icon = level === 0 ? VolumeX : level < 0.5 ? Volume1 : Volume2;
  const percent = Math.round(level * 100);

  const setFrom = (clientX: number) => {
    const rect = trackRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    onVolume(clamp((clientX - rect.left) / rect.width, 0, 1));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const steps: Record<string, number> = { ArrowUp: 0.05, ArrowRight: 0.05, ArrowDown: -0.05, ArrowLeft: -0.05, PageUp: 0.1, PageDown: -0.1 };
    let next: number | null = null;
    if (event.key in steps) next = level + (steps[event.key] ?? 0);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = 1;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    onVolume(clamp(Math.round(next * 100) / 100, 0, 1));
  };

  return (
    <div className="group/volume flex items-center">
      <ControlButton label={muted || volume === 0 ? "Unmute" : "Mute"} onClick={onToggleMute}>
        <Icon />
      </ControlButton>
      <div
        role="slider"
        tabIndex={0}
        aria-label="Volume"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={muted ? "Muted" : `${percent}%`}
        onKeyDown={onKeyDown}
        onPointerDown={(event: PointerEvent<HTMLDivElement>) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          dragging.current = true;
          setFrom(event.clientX);
        }}
        onPointerMove={(event) => dragging.current && setFrom(event.clientX)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
        className="relative mr-1 hidden h-8 w-16 cursor-pointer touch-none items-center rounded-sm px-1 focus-visible:outline-white @md:flex"
      >
        <div ref={trackRef} className="relative h-1 w-full rounded-full bg-white/30">
          <div className="absolute inset-y-0 left-0 rounded-full bg-white" style={{ width: `${percent}%` }} />
          <div aria-hidden className="absolute top-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full bg-white shadow" style={{ left: `${percent}%` }} />
        </div>
      </div>
    </div>
  );
}
