// Clock times for the player: what the time display, the seek bar and its screen-reader text say.

/** "0:05", "1:23", "10:05", "1:02:03"; negative or unknown times read as 0:00. */
export function formatClock(seconds: number): string {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/** The seek bar's aria-valuetext: "1:23 of 10:05". */
export function seekValueText(current: number, duration: number): string {
  return `${formatClock(current)} of ${formatClock(duration)}`;
}

/** Where to start: the saved position, unless it is so near either end that starting over is better. */
export function resumeStart(position: number, duration: number): number | null {
  if (!Number.isFinite(position) || !Number.isFinite(duration)) return null;
  return position > 5 && position < duration - 10 ? position : null;
}

/** `value` kept within [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
