// The quality menu's words: one choice per picture height, best first, plus Auto.

export type LevelInfo = { height: number; bitrate: number };

/** One entry per height (the highest bitrate of each), tallest first, with its index in `levels`. */
export function qualityChoices(levels: readonly LevelInfo[]): { index: number; height: number }[] {
  const best = new Map<number, { index: number; bitrate: number }>();
  levels.forEach((level, index) => {
    if (!(level.height > 0)) return;
    const known = best.get(level.height);
    if (!known || level.bitrate > known.bitrate) best.set(level.height, { index, bitrate: level.bitrate });
  });
  return [...best.entries()].sort(([a], [b]) => b - a).map(([height, { index }]) => ({ index, height }));
}

/** "720p". */
export function heightLabel(height: number): string {
  return `${height}p`;
}

/** "Auto (480p)" while Auto plays a known level, else "Auto". */
export function autoLabel(playingHeight: number | null): string {
  return playingHeight ? `Auto (${heightLabel(playingHeight)})` : "Auto";
}
