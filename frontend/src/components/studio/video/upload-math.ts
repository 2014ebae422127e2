// Upload speed, time left and byte counts, as the upload rows show them. Pure, so it is tested
// without a browser; the upload manager feeds it the progress tus reports.

/** Bytes sent by a moment (ms since any fixed origin, e.g. performance.now()). */
export type Sample = { at: number; bytes: number };

/** The speed is averaged over this many milliseconds… */
export const SPEED_WINDOW_MS = 5_000;
/** …once at least this much of it has passed; before that there is no figure yet. */
const MIN_SPAN_MS = 1_000;

/**
 * Adds a progress sample and forgets those the speed no longer needs: everything older than the
 * window except the newest sample before it, which anchors the window's start. Bytes going
 * backwards (a retry resumed from the server's offset) start the measure afresh.
 */
export function recordSample(samples: readonly Sample[], sample: Sample, windowMs = SPEED_WINDOW_MS): Sample[] {
  const last = samples.at(-1);
  if (last && sample.bytes < last.bytes) return [sample];
  const next = [...samples, sample];
  const start = sample.at - windowMs;
  let anchor = 0;
  while (anchor + 1 < next.length && next[anchor + 1]!.at <= start) anchor += 1;
  return next.slice(anchor);
}

/**
 * Bytes per second over the last `windowMs` as of `now`, or null while too little has been
 * measured. Measured up to `now` rather than to the last sample, so a stalled upload slows to 0.
 */
export function windowSpeed(samples: readonly Sample[], now: number, windowMs = SPEED_WINDOW_MS): number | null {
  const last = samples.at(-1);
  if (!last) return null;
  const start = now - windowMs;
  let first = samples[0]!;
  for (const sample of samples) {
    if (sample.at > start) break;
    first = sample;
  }
  const elapsed = now - first.at;
  if (elapsed < MIN_SPAN_MS) return null;
  return Math.max(0, (last.bytes - first.bytes) / (elapsed / 1000));
}

/** Seconds until `total` at `speed` bytes per second; null when the speed says nothing. */
export function secondsLeft(sent: number, total: number, speed: number | null): number | null {
  if (speed === null || speed <= 0) return null;
  return Math.max(0, total - sent) / speed;
}

const UNITS = ["B", "KB", "MB", "GB", "TB"];

/** "512 B", "3.4 MB", "1.25 GB": binary multiples, one or two decimals while the number is small. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${Number(value.toFixed(digits))} ${UNITS[unit]}`;
}

/** "3.4 MB/s". */
export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** "45 s left", "12 min left", "1 h 5 min left". */
export function formatTimeLeft(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} s left`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min left` : `${hours} h left`;
}

/** Whole percent sent, never 100 before the last byte. */
export function percentOf(sent: number, total: number): number {
  if (total <= 0) return 0;
  const percent = Math.floor((sent / total) * 100);
  return sent >= total ? 100 : Math.min(99, Math.max(0, percent));
}
