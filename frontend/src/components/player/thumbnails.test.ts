import { describe, expect, it } from "vitest";
import { parseThumbnailsVtt, parseVttTimestamp, thumbnailAt } from "./thumbnails";

const VTT = [
  "WEBVTT",
  "",
  "00:00:00.000 --> 00:00:02.000",
  "sprite_001.jpg#xywh=0,0,160,90",
  "",
  "00:00:02.000 --> 00:00:04.000",
  "sprite_001.jpg#xywh=160,0,160,90",
  "",
  "note: a cue without a tile is skipped",
  "00:00:04.000 --> 00:00:05.500",
  "",
  "00:01:00.000 --> 01:00:01.250",
  "sprite_002.jpg#xywh=320,90,160,90",
  "",
].join("\n");

const INDEX = "/api/media/4f1c/aa.1700000000.sig/thumbnails.vtt";

describe("parseVttTimestamp", () => {
  it("reads hours, minutes, seconds and milliseconds", () => {
    expect(parseVttTimestamp("00:00:02.000")).toBe(2);
    expect(parseVttTimestamp("01:02.500")).toBe(62.5);
    expect(parseVttTimestamp("01:00:01.250")).toBe(3601.25);
  });
});

describe("parseThumbnailsVtt", () => {
  it("reads each cue's time range, sprite and tile", () => {
    const cues = parseThumbnailsVtt(VTT, INDEX);
    expect(cues).toEqual([
      { start: 0, end: 2, url: "/api/media/4f1c/aa.1700000000.sig/sprite_001.jpg", x: 0, y: 0, width: 160, height: 90 },
      { start: 2, end: 4, url: "/api/media/4f1c/aa.1700000000.sig/sprite_001.jpg", x: 160, y: 0, width: 160, height: 90 },
      { start: 60, end: 3601.25, url: "/api/media/4f1c/aa.1700000000.sig/sprite_002.jpg", x: 320, y: 90, width: 160, height: 90 },
    ]);
  });

  it("resolves sprites against an absolute index address and accepts CRLF and a BOM", () => {
    const text = `\uFEFFWEBVTT\r\n\r\n00:00.000 --> 00:02.000\r\n../shared/sprite_001.jpg#xywh=0,0,160,90\r\n`;
    const [cue] = parseThumbnailsVtt(text, "https://cdn.example/a/b/thumbnails.vtt");
    expect(cue?.url).toBe("https://cdn.example/a/shared/sprite_001.jpg");
    expect(cue?.end).toBe(2);
  });

  it("is empty for an index without cues", () => {
    expect(parseThumbnailsVtt("WEBVTT\n", INDEX)).toEqual([]);
  });
});

describe("thumbnailAt", () => {
  const cues = parseThumbnailsVtt(VTT, INDEX);

  it("finds the cue covering a time", () => {
    expect(thumbnailAt(cues, 0)?.x).toBe(0);
    expect(thumbnailAt(cues, 2.5)?.x).toBe(160);
    expect(thumbnailAt(cues, 61)?.x).toBe(320);
  });

  it("falls back to the nearest cue outside the covered range", () => {
    expect(thumbnailAt(cues, 99_999)?.x).toBe(320);
    expect(thumbnailAt(cues, -1)?.x).toBe(0);
    expect(thumbnailAt([], 3)).toBeNull();
  });
});
