import { describe, expect, it } from "vitest";
import { averageLabel, formatAverage, histogramShare, starFill, starsLabel } from "./review-words";

describe("review words", () => {
  it("names stars and averages", () => {
    expect(starsLabel(1)).toBe("1 star");
    expect(starsLabel(4)).toBe("4 stars");
    expect(formatAverage(4)).toBe("4.0");
    expect(formatAverage(4.25)).toBe("4.3");
    expect(averageLabel(4.5, 12)).toBe("Rated 4.5 out of 5 from 12 reviews");
    expect(averageLabel(5, 1)).toBe("Rated 5.0 out of 5 from 1 review");
    expect(averageLabel(null, 0)).toBe("No ratings yet");
  });

  it("gives each histogram bar its share", () => {
    expect(histogramShare(1, 3)).toBe(33);
    expect(histogramShare(2, 3)).toBe(67);
    expect(histogramShare(0, 0)).toBe(0);
  });

  it("fills stars by quarters", () => {
    expect([1, 2, 3, 4, 5].map((p) => starFill(4.3, p))).toEqual(["full", "full", "full", "full", "half"]);
    expect([1, 2, 3, 4, 5].map((p) => starFill(4.8, p))).toEqual(["full", "full", "full", "full", "full"]);
    expect([1, 2, 3, 4, 5].map((p) => starFill(1.2, p))).toEqual(["full", "empty", "empty", "empty", "empty"]);
  });
});
