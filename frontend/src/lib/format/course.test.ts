import { describe, expect, it } from "vitest";
import { formatDuration, formatPrice, isoDuration, toMinorUnits } from "./course";

describe("course formatting", () => {
  it("shows free and priced courses in their currency", () => {
    expect(formatPrice(null, "USD")).toBe("Free");
    expect(formatPrice(0, "EUR")).toBe("Free");
    expect(formatPrice(4999, "USD")).toBe("$49.99");
    expect(formatPrice(4900, "JPY")).toBe("¥4,900");
  });

  it("reads typed prices into minor units", () => {
    expect(toMinorUnits("49.99", "USD")).toBe(4999);
    expect(toMinorUnits("12,5", "EUR")).toBe(1250);
    expect(toMinorUnits("4900", "JPY")).toBe(4900);
    expect(toMinorUnits("-1", "USD")).toBeNull();
    expect(toMinorUnits("abc", "USD")).toBeNull();
  });

  it("writes durations for people and for schema.org", () => {
    expect(formatDuration(0)).toBe("0 min");
    expect(formatDuration(45 * 60)).toBe("45 min");
    expect(formatDuration(200 * 60)).toBe("3 h 20 min");
    expect(formatDuration(12 * 3600 + 60)).toBe("12 h");
    expect(isoDuration(200 * 60)).toBe("PT3H20M");
    expect(isoDuration(3600)).toBe("PT1H");
    expect(isoDuration(0)).toBe("PT0M");
  });
});
