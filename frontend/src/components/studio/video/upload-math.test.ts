import { describe, expect, it } from "vitest";
import { formatBytes, formatSpeed, formatTimeLeft, percentOf, recordSample, secondsLeft, windowSpeed, type Sample } from "./upload-math";

/** Samples of a steady upload: `rate` bytes per second, one sample every `stepMs`. */
function steady(rate: number, untilMs: number, stepMs = 250): Sample[] {
  let samples: Sample[] = [];
  for (let at = 0; at <= untilMs; at += stepMs) samples = recordSample(samples, { at, bytes: (rate * at) / 1000 });
  return samples;
}

describe("upload speed", () => {
  it("has no figure until a second has been measured", () => {
    expect(windowSpeed([], 0)).toBeNull();
    expect(windowSpeed(steady(1000, 500), 500)).toBeNull();
    expect(windowSpeed(steady(1000, 1000), 1000)).toBe(1000);
  });

  it("averages over the last five seconds only", () => {
    // Slow for 10 s, then fast for 5 s: the window sees only the fast part.
    let samples = steady(1000, 10_000);
    for (let at = 10_250; at <= 15_000; at += 250) samples = recordSample(samples, { at, bytes: 10_000 + (9000 * (at - 10_000)) / 1000 });
    expect(windowSpeed(samples, 15_000)).toBeCloseTo(9000, 0);
    expect(samples[0]!.at).toBeGreaterThanOrEqual(10_000);
  });

  it("keeps one sample before the window as its anchor", () => {
    const samples = steady(2000, 20_000, 1000);
    expect(samples.map((sample) => sample.at)).toEqual([15_000, 16_000, 17_000, 18_000, 19_000, 20_000]);
  });

  it("slows to zero when the upload stalls", () => {
    const samples = steady(4000, 5000);
    expect(windowSpeed(samples, 5000)).toBeCloseTo(4000, 0);
    expect(windowSpeed(samples, 7500)).toBeLessThan(4000);
    expect(windowSpeed(samples, 20_000)).toBe(0);
  });

  it("starts afresh when the bytes go back (a retry resumed from the server's offset)", () => {
    const samples = recordSample(steady(1000, 3000), { at: 3250, bytes: 1000 });
    expect(samples).toEqual([{ at: 3250, bytes: 1000 }]);
  });
});

describe("time left", () => {
  it("divides what is left by the speed", () => {
    expect(secondsLeft(250, 1250, 100)).toBe(10);
    expect(secondsLeft(1250, 1250, 100)).toBe(0);
  });

  it("says nothing without a speed", () => {
    expect(secondsLeft(0, 1000, null)).toBeNull();
    expect(secondsLeft(0, 1000, 0)).toBeNull();
  });

  it("reads as seconds, minutes, or hours and minutes", () => {
    expect(formatTimeLeft(0.2)).toBe("1 s left");
    expect(formatTimeLeft(44.2)).toBe("45 s left");
    expect(formatTimeLeft(61)).toBe("2 min left");
    expect(formatTimeLeft(3600)).toBe("1 h left");
    expect(formatTimeLeft(3901)).toBe("1 h 6 min left");
  });
});

describe("byte counts", () => {
  it("uses the largest unit that keeps the number readable", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(3.4 * 1024 * 1024)).toBe("3.4 MB");
    expect(formatBytes(250 * 1024 * 1024)).toBe("250 MB");
    expect(formatBytes(1.25 * 1024 ** 3)).toBe("1.25 GB");
    expect(formatSpeed(2 * 1024 * 1024)).toBe("2 MB/s");
  });

  it("never shows 100 % before the last byte", () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(420, 1000)).toBe(42);
  });
});
