// Seek previews: the WebVTT index of a sprite sheet, each cue a time range and one tile of a
// sprite ("sprite_001.jpg#xywh=160,0,160,90"), its address relative to the index's own.

export type ThumbnailCue = {
  start: number;
  end: number;
  /** The sprite's address, resolved against the index's, without the #xywh fragment. */
  url: string;
  x: number;
  y: number;
  width: number;
  height: number;
};

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}(?:\.\d{1,3})?)\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}(?:\.\d{1,3})?)/;
const TILE = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)\s*$/;
const BASE = "http://base.invalid/";

/** Seconds from a WebVTT timestamp: "01:02.500" or "00:01:02.500". */
export function parseVttTimestamp(text: string): number {
  const parts = text.split(":").map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/**
 * `href` resolved against `base`, which may itself be relative to the page (as the API's media
 * URLs are): the answer is then relative to the page too.
 */
function resolve(href: string, base: string): string {
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(base);
  const resolved = new URL(href, new URL(base, BASE));
  return absolute || resolved.origin !== new URL(BASE).origin ? resolved.href : `${resolved.pathname}${resolved.search}`;
}

/** The cues of a thumbnails index, in time order; cues without a tile are skipped. */
export function parseThumbnailsVtt(text: string, vttUrl: string): ThumbnailCue[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const cues: ThumbnailCue[] = [];
  for (let index = 0; index < lines.length; index++) {
    const timing = TIMING.exec(lines[index] ?? "");
    if (!timing) continue;
    const tile = TILE.exec((lines[index + 1] ?? "").trim());
    if (!tile) continue;
    index += 1;
    cues.push({
      start: parseVttTimestamp(timing[1] ?? "0:00"),
      end: parseVttTimestamp(timing[2] ?? "0:00"),
      url: resolve(tile[1] ?? "", vttUrl),
      x: Number(tile[2]),
      y: Number(tile[3]),
      width: Number(tile[4]),
      height: Number(tile[5]),
    });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** The cue showing the frame at `time` (the last one for times past the end), or null if none. */
export function thumbnailAt(cues: readonly ThumbnailCue[], time: number): ThumbnailCue | null {
  let low = 0;
  let high = cues.length - 1;
  let found: ThumbnailCue | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const cue = cues[middle];
    if (!cue) break;
    if (cue.start <= time) {
      found = cue;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found ?? cues[0] ?? null;
}
