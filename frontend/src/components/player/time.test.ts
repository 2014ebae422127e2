import { describe, expect, it } from "vitest";
import { clamp, formatClock, resumeStart, seekValueText } from "./time";

describe("formatClock", () => {
  it("writes minutes and seconds, and hours when there are any", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(5.9)).toBe("0:05");
    expect(formatClock(83)).toBe("1:23");
    expect(formatClock(605)).toBe("10:05");
    expect(formatClock(3723)).toBe("1:02:03");
  });

  it("reads unknown and negative times as zero", () => {
    expect(formatClock(Number.NaN)).toBe("0:00");
    expect(formatClock(Number.POSITIVE_INFINITY)).toBe("0:00");
    expect(formatClock(-3)).toBe("0:00");
  });
});

describe("seekValueText", () => {
  it("says where playback is out of how long", () => {
    expect(seekValueText(83, 605)).toBe("1:23 of 10:05");
  });
});

describe("resumeStart", () => {
  it("resumes from a position well inside the video", () => {
    expect(resumeStart(192, 605)).toBe(192);
  });

  it("starts over near the beginning or the end", () => {
    expect(resumeStart(0, 605)).toBeNull();
    expect(resumeStart(5, 605)).toBeNull();
    expect(resumeStart(595, 605)).toBeNull();
    expect(resumeStart(605, 605)).toBeNull();
    expect(resumeStart(30, Number.NaN)).toBeNull();
  });
});

describe("clamp", () => {
  it("keeps values within bounds", () => {
    expect(clamp(-1, 0, 1)).toBe(0);
    expect(clamp(0.4, 0, 1)).toBe(0.4);
    expect(clamp(2, 0, 1)).toBe(1);
  });
});
