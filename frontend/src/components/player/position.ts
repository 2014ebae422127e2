import type { PositionUpdate } from "@/lib/api/models";

/**
 * Saves where the viewer is in a lesson's video. keepalive lets the request outlive the page
 * (pagehide, a hidden tab being discarded); a failed heartbeat is not worth bothering anyone about.
 */
export function sendPosition(lessonId: string, seconds: number): void {
  if (!Number.isFinite(seconds) || seconds < 0) return;
  const body: PositionUpdate = { position_seconds: Math.round(seconds * 10) / 10 };
  void fetch(`/api/lessons/${encodeURIComponent(lessonId)}/position`, {
    method: "PUT",
    keepalive: true,
    headers: { "Content-Type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body),
  }).catch(() => undefined);
}
