// What a heartbeat reports about watching: the seconds actually played since the server last
// acknowledged one, and the media element's played ranges. Pure, so the rules can be tested
// without a browser; use-heartbeat.ts feeds it the video's events.

/** The server refuses more ranges than this (422). */
export const MAX_RANGES = 200;

/**
 * The most media time one timeupdate may add. Browsers fire timeupdate every 15-250 ms while
 * playing; a bigger step is a jump (a seek the element did not flag, a stall that ended with
 * a skip), and a jump is not watching.
 */
export const MAX_TICK_SECONDS = 2;

/** Slack over the wall clock for a tick: timers and timeupdate drift by a few frames. */
const WALL_SLACK_SECONDS = 0.3;

export type Range = [number, number];

/** Media seconds counted to 3 decimals: sums of many small ticks stay exact enough, bodies small. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

type Tick = {
  /** The video's currentTime. */
  time: number;
  /** A monotonic clock in milliseconds (performance.now()). */
  now: number;
  /** Playing: not paused, not ended. */
  playing: boolean;
  seeking: boolean;
  /** playbackRate: at 2x a second of the clock plays two seconds of the video. */
  rate: number;
};

/**
 * Counts media seconds actually played from successive timeupdate readings, and hands them out
 * to heartbeats so that none is lost or counted twice: seconds taken for a request that fails go
 * back to be sent again; seconds taken by a request still in flight are not sent by the next.
 */
export class PlayedSeconds {
  private last: { time: number; now: number } | null = null;
  /** Counted and not yet acknowledged by the server, including what is in flight. */
  private unacknowledged = 0;
  /** Of those, carried by requests not answered yet. */
  private inFlight = 0;

  /**
   * Reads the video once more: a small forward step from a reading taken while playing counts
   * (also up to the reading that finds it paused: the element sets `paused` before its last
   * timeupdate), anything else doesn't.
   */
  tick({ time, now, playing, seeking, rate }: Tick): void {
    const previous = this.last;
    this.last = playing && !seeking && Number.isFinite(time) ? { time, now } : null;
    if (!previous || seeking || !Number.isFinite(time)) return;
    const step = time - previous.time;
    const wall = Math.max(0, now - previous.now) / 1000;
    const speed = Number.isFinite(rate) && rate > 0 ? rate : 1;
    // Bounded by what the clock allows at this speed, and absolutely: more is a jump.
    const bound = Math.min(MAX_TICK_SECONDS * Math.max(1, speed), wall * speed + WALL_SLACK_SECONDS);
    if (step > 0 && step <= bound) this.unacknowledged += step;
  }

  /** Forget the last reading: the next one starts a new stretch (after a seek, a pause, a new source). */
  interrupt(): void {
    this.last = null;
  }

  /** What the next heartbeat should carry: counted seconds that no request has taken yet. */
  get pending(): number {
    return round3(Math.max(0, this.unacknowledged - this.inFlight));
  }

  /**
   * Takes the pending seconds for one request; call the returned function with whether the
   * server acknowledged it (2xx). Until then, later requests don't carry them.
   */
  take(): { seconds: number; settle: (acknowledged: boolean) => void } {
    const seconds = this.pending;
    this.inFlight += seconds;
    let settled = false;
    return {
      seconds,
      settle: (acknowledged) => {
        if (settled) return;
        settled = true;
        this.inFlight = Math.max(0, this.inFlight - seconds);
        if (acknowledged) this.unacknowledged = Math.max(0, this.unacknowledged - seconds);
      },
    };
  }
}

/** The shape of HTMLMediaElement.played / buffered. */
type TimeRangesLike = { length: number; start(index: number): number; end(index: number): number };

/** A TimeRanges object as sorted, merged [start, end] pairs, no more than `limit` of them. */
export function playedRanges(ranges: TimeRangesLike, limit: number = MAX_RANGES): Range[] {
  const pairs: Range[] = [];
  for (let index = 0; index < ranges.length; index++) pairs.push([ranges.start(index), ranges.end(index)]);
  return normalizeRanges(pairs, limit);
}

/**
 * Sorted, non-overlapping ranges with finite, non-negative ends, no more than `limit`: when
 * there are more, the ones separated by the smallest gaps are joined (the server credits no
 * more than the seconds it was told were played, so a joined gap of a second is harmless,
 * while dropping a range would lose watching).
 */
export function normalizeRanges(pairs: Range[], limit: number = MAX_RANGES): Range[] {
  const clean = pairs
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end))
    // Rounded outwards to the millisecond (before merging, so rounding can't make two overlap):
    // the body stays small and no watched moment is cut off.
    .map(([start, end]): Range => [Math.floor(Math.max(0, start) * 1000) / 1000, Math.ceil(end * 1000) / 1000])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const [start, end] of clean) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const wanted = Math.max(1, limit);
  if (merged.length > wanted) {
    // Join across the (merged.length - wanted) smallest gaps; ties go to the earlier gap.
    const gaps = merged
      .slice(1)
      .map((range, index) => ({ index, size: range[0] - merged[index]![1] }))
      .sort((a, b) => a.size - b.size || a.index - b.index)
      .slice(0, merged.length - wanted);
    const joinAfter = new Set(gaps.map((gap) => gap.index));
    const joined: Range[] = [];
    merged.forEach((range, index) => {
      const last = joined[joined.length - 1];
      if (last && joinAfter.has(index - 1)) last[1] = range[1];
      else joined.push([range[0], range[1]]);
    });
    merged.splice(0, merged.length, ...joined);
  }
  return merged;
}
