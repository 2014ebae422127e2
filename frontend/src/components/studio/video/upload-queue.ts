// The upload list's states and which waiting uploads may start, kept pure for testing.

export type UploadPhase =
  /** Waiting for one of the few upload slots. */
  | "queued"
  /** Sending bytes (or asking the server where to continue). */
  | "uploading"
  /** The connection dropped; tus tries again by itself. */
  | "retrying"
  | "paused"
  /** Every byte arrived; the server queues the transcode. */
  | "done"
  | "failed"
  | "canceled";

/** At most this many files upload at once; the rest wait their turn. */
export const MAX_PARALLEL_UPLOADS = 2;

const HOLDS_SLOT: ReadonlySet<UploadPhase> = new Set(["uploading", "retrying"]);
const FINAL: ReadonlySet<UploadPhase> = new Set(["done", "canceled"]);

/** Sending, or about to: the page should not be left. */
export function isBusy(phase: UploadPhase): boolean {
  return HOLDS_SLOT.has(phase) || phase === "queued";
}

/** Over: nothing more will happen to it. A failed upload can still be resumed. */
export function isFinal(phase: UploadPhase): boolean {
  return FINAL.has(phase);
}

/** The waiting uploads to start now, oldest first, so that at most `limit` run. */
export function toStart(items: readonly { id: string; phase: UploadPhase }[], limit = MAX_PARALLEL_UPLOADS): string[] {
  const running = items.filter((item) => HOLDS_SLOT.has(item.phase)).length;
  const free = Math.max(0, limit - running);
  return items
    .filter((item) => item.phase === "queued")
    .slice(0, free)
    .map((item) => item.id);
}

/** Bytes sent and to send across uploads that are not over, for the tray's summary bar. */
export function totals(items: readonly { phase: UploadPhase; sent: number; size: number }[]): { sent: number; size: number } {
  return items
    .filter((item) => item.phase !== "canceled")
    .reduce((sum, item) => ({ sent: sum.sent + item.sent, size: sum.size + item.size }), { sent: 0, size: 0 });
}
