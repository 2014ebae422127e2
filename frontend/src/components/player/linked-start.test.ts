import { describe, expect, it } from "vitest";
import { linkedStart, parseLinkedStart } from "./linked-start";

describe("parseLinkedStart", () => {
  it("reads seconds, with or without a unit, and minutes and hours", () => {
    expect(parseLinkedStart("83")).toBe(83);
    expect(parseLinkedStart("83.5")).toBe(83.5);
    expect(parseLinkedStart("83s")).toBe(83);
    expect(parseLinkedStart("1m23s")).toBe(83);
    expect(parseLinkedStart("1h2m3s")).toBe(3723);
    expect(parseLinkedStart("2m")).toBe(120);
  });

  it("ignores nothing, nonsense and negatives", () => {
    expect(parseLinkedStart(null)).toBeNull();
    expect(parseLinkedStart("")).toBeNull();
    expect(parseLinkedStart("soon")).toBeNull();
    expect(parseLinkedStart("-5")).toBeNull();
    expect(parseLinkedStart("1e9")).toBeNull();
  });
});

describe("linkedStart", () => {
  it("starts at the asked second, a little before the end at most", () => {
    expect(linkedStart(83, 600)).toBe(83);
    expect(linkedStart(0, 600)).toBe(0);
    expect(linkedStart(900, 600)).toBe(597);
    expect(linkedStart(5, 2)).toBe(0);
  });

  it("keeps the second while the length is unknown, and nothing when nothing was asked", () => {
    expect(linkedStart(83, 0)).toBe(83);
    expect(linkedStart(null, 600)).toBeNull();
    expect(linkedStart(Number.NaN, 600)).toBeNull();
  });
});
