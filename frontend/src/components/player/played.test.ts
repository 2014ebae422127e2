import { describe, expect, it } from "vitest";
import { MAX_RANGES, normalizeRanges, PlayedSeconds, playedRanges, type Range } from "./played";

/** Plays `seconds` of media from `from` in timeupdate steps of 250 ms of clock at `rate`. */
function play(counter: PlayedSeconds, clock: { now: number }, from: number, seconds: number, rate = 1): number {
  let time = from;
  counter.tick({ time, now: clock.now, playing: true, seeking: false, rate });
  const steps = Math.round(seconds / (0.25 * rate));
  for (let step = 0; step < steps; step++) {
    clock.now += 250;
    time += 0.25 * rate;
    counter.tick({ time, now: clock.now, playing: true, seeking: false, rate });
  }
  return time;
}

describe("PlayedSeconds", () => {
  it("counts media time played between timeupdates", () => {
    const counter = new PlayedSeconds();
    play(counter, { now: 0 }, 0, 10);
    expect(counter.pending).toBe(10);
  });

  it("counts media seconds, not clock seconds, at a faster speed", () => {
    const counter = new PlayedSeconds();
    play(counter, { now: 0 }, 0, 20, 2);
    expect(counter.pending).toBe(20);
  });

  it("does not count a seek, whether or not the element said it was seeking", () => {
    const counter = new PlayedSeconds();
    const clock = { now: 0 };
    let time = play(counter, clock, 0, 5);
    // An unflagged jump of 60 s between two timeupdates.
    clock.now += 250;
    time += 60;
    counter.tick({ time, now: clock.now, playing: true, seeking: false, rate: 1 });
    expect(counter.pending).toBe(5);
    // A flagged seek: the readings while seeking and the first one after it count nothing.
    counter.tick({ time: 200, now: (clock.now += 50), playing: true, seeking: true, rate: 1 });
    counter.tick({ time: 200, now: (clock.now += 200), playing: true, seeking: false, rate: 1 });
    expect(counter.pending).toBe(5);
    play(counter, clock, 200, 2);
    expect(counter.pending).toBe(7);
  });

  it("caps a step by the clock: a short jump in a few milliseconds is not watching", () => {
    const counter = new PlayedSeconds();
    counter.tick({ time: 10, now: 0, playing: true, seeking: false, rate: 1 });
    counter.tick({ time: 11.5, now: 20, playing: true, seeking: false, rate: 1 });
    expect(counter.pending).toBe(0);
  });

  it("does not count backwards steps, or time while paused", () => {
    const counter = new PlayedSeconds();
    counter.tick({ time: 10, now: 0, playing: true, seeking: false, rate: 1 });
    counter.tick({ time: 9.5, now: 250, playing: true, seeking: false, rate: 1 });
    counter.tick({ time: 9.5, now: 500, playing: false, seeking: false, rate: 1 });
    counter.tick({ time: 30, now: 60_000, playing: false, seeking: false, rate: 1 });
    expect(counter.pending).toBe(0);
  });

  it("counts the last step before a pause, and nothing while paused", () => {
    const counter = new PlayedSeconds();
    counter.tick({ time: 10, now: 0, playing: true, seeking: false, rate: 1 });
    counter.tick({ time: 10.1, now: 100, playing: false, seeking: false, rate: 1 });
    counter.tick({ time: 10.1, now: 5000, playing: false, seeking: false, rate: 1 });
    counter.tick({ time: 10.1, now: 5100, playing: true, seeking: false, rate: 1 });
    counter.tick({ time: 10.3, now: 5300, playing: true, seeking: false, rate: 1 });
    expect(counter.pending).toBeCloseTo(0.3, 6);
  });

  it("starts a new stretch after an interruption", () => {
    const counter = new PlayedSeconds();
    counter.tick({ time: 10, now: 0, playing: true, seeking: false, rate: 1 });
    counter.interrupt();
    counter.tick({ time: 10.2, now: 200, playing: true, seeking: false, rate: 1 });
    counter.tick({ time: 10.4, now: 400, playing: true, seeking: false, rate: 1 });
    expect(counter.pending).toBeCloseTo(0.2, 6);
  });

  it("keeps counting through failed sends and gives them to the next one", () => {
    const counter = new PlayedSeconds();
    const clock = { now: 0 };
    let time = play(counter, clock, 0, 15);
    const first = counter.take();
    expect(first.seconds).toBe(15);
    first.settle(false);
    time = play(counter, clock, time, 15);
    const second = counter.take();
    expect(second.seconds).toBe(30);
    second.settle(true);
    expect(counter.pending).toBe(0);
  });

  it("does not send seconds twice while a request carrying them is in flight", () => {
    const counter = new PlayedSeconds();
    const clock = { now: 0 };
    let time = play(counter, clock, 0, 10);
    const slow = counter.take();
    time = play(counter, clock, time, 4);
    const next = counter.take();
    expect(next.seconds).toBe(4);
    // The slow one failed after all: its seconds go with the one after.
    slow.settle(false);
    next.settle(true);
    expect(counter.pending).toBe(10);
    const retry = counter.take();
    retry.settle(true);
    retry.settle(false); // a second answer changes nothing
    expect(counter.pending).toBe(0);
  });

  it("keeps seconds played while a request was in flight when it succeeds", () => {
    const counter = new PlayedSeconds();
    const clock = { now: 0 };
    const time = play(counter, clock, 0, 10);
    const request = counter.take();
    play(counter, clock, time, 3);
    request.settle(true);
    expect(counter.pending).toBe(3);
  });
});

function timeRanges(pairs: Range[]) {
  return { length: pairs.length, start: (i: number) => pairs[i]![0], end: (i: number) => pairs[i]![1] };
}

describe("playedRanges", () => {
  it("reads a TimeRanges object into pairs", () => {
    expect(
      playedRanges(
        timeRanges([
          [0, 12.5],
          [40, 41],
        ]),
      ),
    ).toEqual([
      [0, 12.5],
      [40, 41],
    ]);
  });

  it("is empty before anything has played", () => {
    expect(playedRanges(timeRanges([]))).toEqual([]);
  });
});

describe("normalizeRanges", () => {
  it("sorts, merges overlapping and touching ranges, drops empty and broken ones", () => {
    expect(
      normalizeRanges([
        [30, 40],
        [0, 10],
        [5, 12],
        [12, 15],
        [20, 20],
        [Number.NaN, 3],
        [50, Number.POSITIVE_INFINITY],
        [-2, 1],
      ]),
    ).toEqual([
      [0, 15],
      [30, 40],
    ]);
  });

  it("rounds outwards to the millisecond", () => {
    expect(normalizeRanges([[1.23456, 2.34561]])).toEqual([[1.234, 2.346]]);
  });

  it("joins the ranges with the smallest gaps until at most the limit are left", () => {
    const ranges: Range[] = [
      [0, 1],
      [1.5, 2], // gap 0.5
      [10, 11], // gap 8
      [11.1, 12], // gap 0.1
      [20, 21], // gap 8
    ];
    expect(normalizeRanges(ranges, 3)).toEqual([
      [0, 2],
      [10, 12],
      [20, 21],
    ]);
  });

  it("never sends more than the server accepts", () => {
    const many: Range[] = Array.from({ length: 1000 }, (_, i) => [i * 10, i * 10 + 1 + (i % 7) / 10]);
    const out = normalizeRanges(many);
    expect(out).toHaveLength(MAX_RANGES);
    expect(out[0]![0]).toBe(0);
    expect(out[out.length - 1]![1]).toBe(9991.5);
    for (let i = 1; i < out.length; i++) expect(out[i]![0]).toBeGreaterThan(out[i - 1]![1]);
  });
});
