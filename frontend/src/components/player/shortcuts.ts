// The player's keyboard shortcuts (the ones YouTube viewers already know), as data: which key
// does what is decided here, doing it is the player's business.

export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export type PlayerAction =
  | { type: "togglePlay" }
  | { type: "seekBy"; seconds: number }
  | { type: "seekToFraction"; fraction: number }
  | { type: "volumeBy"; delta: number }
  | { type: "toggleMute" }
  | { type: "toggleFullscreen" }
  | { type: "toggleCaptions" }
  | { type: "rateStep"; step: 1 | -1 }
  | { type: "showShortcuts" }
  // Handed to the notes beside the player (when the page has them).
  | { type: "newNote" }
  | { type: "bookmark" };

export type KeyInput = { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean };

/** What a key press asks of the player, or null when it is not a player shortcut. Presses with
 * Ctrl, Cmd or Alt belong to the browser and the system. */
export function shortcutFor({ key, ctrlKey, metaKey, altKey }: KeyInput): PlayerAction | null {
  if (ctrlKey || metaKey || altKey) return null;
  if (/^[0-9]$/.test(key)) return { type: "seekToFraction", fraction: Number(key) / 10 };
  switch (key.length === 1 ? key.toLowerCase() : key) {
    case " ":
    case "k":
    case "MediaPlayPause":
      return { type: "togglePlay" };
    case "ArrowLeft":
      return { type: "seekBy", seconds: -5 };
    case "ArrowRight":
      return { type: "seekBy", seconds: 5 };
    case "j":
      return { type: "seekBy", seconds: -10 };
    case "l":
      return { type: "seekBy", seconds: 10 };
    case "Home":
      return { type: "seekToFraction", fraction: 0 };
    case "End":
      return { type: "seekToFraction", fraction: 1 };
    case "ArrowUp":
      return { type: "volumeBy", delta: 0.05 };
    case "ArrowDown":
      return { type: "volumeBy", delta: -0.05 };
    case "m":
      return { type: "toggleMute" };
    case "f":
      return { type: "toggleFullscreen" };
    case "c":
      return { type: "toggleCaptions" };
    case "<":
      return { type: "rateStep", step: -1 };
    case ">":
      return { type: "rateStep", step: 1 };
    case "?":
      return { type: "showShortcuts" };
    case "n":
      return { type: "newNote" };
    case "b":
      return { type: "bookmark" };
    default:
      return null;
  }
}

/** The next playback rate up or down the list from `current` (or from the nearest one to it). */
export function stepRate(current: number, step: 1 | -1): number {
  let nearest = 0;
  PLAYBACK_RATES.forEach((rate, index) => {
    if (Math.abs(rate - current) < Math.abs((PLAYBACK_RATES[nearest] ?? 1) - current)) nearest = index;
  });
  const index = Math.min(PLAYBACK_RATES.length - 1, Math.max(0, nearest + step));
  return PLAYBACK_RATES[index] ?? current;
}

/** "1×", "1.5×", "0.75×". */
export function rateLabel(rate: number): string {
  return rate === 1 ? "Normal" : `${rate}×`;
}

/** The shortcuts as the help list shows them; `notes` ones only where the page takes notes. */
export const SHORTCUT_HELP: readonly { keys: string[]; does: string; notes?: true }[] = [
  { keys: ["Space", "K"], does: "Play or pause" },
  { keys: ["←", "→"], does: "Back or forward 5 seconds" },
  { keys: ["J", "L"], does: "Back or forward 10 seconds" },
  { keys: ["↑", "↓"], does: "Volume up or down" },
  { keys: ["M"], does: "Mute or unmute" },
  { keys: ["C"], does: "Captions on or off" },
  { keys: ["F"], does: "Full screen" },
  { keys: ["<", ">"], does: "Slower or faster" },
  { keys: ["0", "…", "9"], does: "Jump to 0 %–90 % of the video" },
  { keys: ["N"], does: "New note at this moment (pauses the video)", notes: true },
  { keys: ["B"], does: "Bookmark this moment", notes: true },
  { keys: ["?"], does: "Show these shortcuts" },
];
