import { describe, expect, it } from "vitest";
import { autoLabel, heightLabel, qualityChoices } from "./quality";

describe("qualityChoices", () => {
  it("lists each height once, tallest first, keeping the best bitrate of a height", () => {
    const levels = [
      { height: 360, bitrate: 800_000 },
      { height: 720, bitrate: 2_800_000 },
      { height: 1080, bitrate: 5_000_000 },
      { height: 720, bitrate: 3_500_000 },
    ];
    expect(qualityChoices(levels)).toEqual([
      { index: 2, height: 1080 },
      { index: 3, height: 720 },
      { index: 0, height: 360 },
    ]);
  });

  it("skips levels without a known height", () => {
    expect(qualityChoices([{ height: 0, bitrate: 128_000 }])).toEqual([]);
  });
});

describe("labels", () => {
  it("names heights and what Auto is playing", () => {
    expect(heightLabel(720)).toBe("720p");
    expect(autoLabel(480)).toBe("Auto (480p)");
    expect(autoLabel(null)).toBe("Auto");
  });
});
