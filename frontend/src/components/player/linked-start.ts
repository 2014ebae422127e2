// A link to a moment of a lesson (`?t=83`, as exported notes write it) starts its video there.

/** The second `?t=` asks for, or null when it asks for nothing sensible. Accepts "83", "83.5",
 * and YouTube's "83s" and "1m23s". */
export function parseLinkedStart(value: string | null | undefined): number | null {
  if (!value) return null;
  const text = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?s?$/.test(text)) return Number.parseFloat(text);
  const parts = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!parts || text === "") return null;
  const [, hours = "0", minutes = "0", seconds = "0"] = parts;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** Where a linked video starts: the asked-for second, kept a little before the end so there is
 * something to play (a link past the end plays the last seconds). */
export function linkedStart(seconds: number | null, duration: number): number | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (!(duration > 0)) return seconds;
  return Math.min(seconds, Math.max(0, duration - 3));
}
