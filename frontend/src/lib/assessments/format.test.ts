import { describe, expect, it } from "vitest";
import { acceptFor, dueRelative, formatCountdown, formatDue, formatFileSize, formatLimit, formatPoints, isAnswered, latePolicyText, parseNumber } from "./format";

describe("assessment formatting", () => {
  it("shows a due date in the given time zone, not the machine's", () => {
    const due = "2026-12-20T17:00:00Z";
    expect(formatDue(due, "Asia/Tokyo", "en-GB")).toMatch(/21 December 2026.*02:00/);
    expect(formatDue(due, "America/New_York", "en-GB")).toMatch(/20 December 2026.*12:00/);
  });

  it("says how far away a due date is", () => {
    const now = Date.parse("2026-12-17T17:00:00Z");
    expect(dueRelative("2026-12-20T17:00:00Z", now)).toBe("in 3 days");
    expect(dueRelative("2026-12-17T22:00:00Z", now)).toBe("in 5 hours");
    expect(dueRelative("2026-12-17T16:30:00Z", now)).toBe("30 minutes ago");
  });

  it("counts down and names limits", () => {
    expect(formatCountdown(545)).toBe("9:05");
    expect(formatCountdown(3723)).toBe("1:02:03");
    expect(formatCountdown(-4)).toBe("0:00");
    expect(formatLimit(600)).toBe("10 minutes");
    expect(formatLimit(5400)).toBe("1 hour 30 min");
  });

  it("reads numbers the way people type them", () => {
    expect(parseNumber(" 3,14 ")).toBe(3.14);
    expect(parseNumber("-2e3")).toBe(-2000);
    expect(parseNumber("three")).toBeNull();
    expect(parseNumber("")).toBeNull();
  });

  it("knows an empty answer from a real one", () => {
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered({ text: "   " })).toBe(false);
    expect(isAnswered({ flag: false })).toBe(true);
    expect(isAnswered({ number: 0 })).toBe(true);
    expect(isAnswered({ choices: [] })).toBe(false);
  });

  it("words points, sizes, policies and file kinds", () => {
    expect(formatPoints(7.5)).toBe("7.5");
    expect(formatPoints(1 / 3)).toBe("0.33");
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe("2.4 MB");
    expect(latePolicyText("penalty", 10)).toMatch(/loses 10%/);
    expect(acceptFor(["pdf"])).toBe(".pdf,application/pdf");
  });
});
