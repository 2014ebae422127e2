import type { Heartbeat } from "@/lib/api/models";

/**
 * Sends one heartbeat for a lesson's video and resolves to whether the server acknowledged it
 * (a 2xx); it never rejects. keepalive lets the request outlive the page (pagehide, a hidden tab
 * being discarded). A failed heartbeat is not worth bothering the viewer about: its seconds go
 * with the next one.
 */
export async function sendHeartbeat(lessonId: string, body: Heartbeat): Promise<boolean> {
  try {
    const response = await fetch(`/api/lessons/${encodeURIComponent(lessonId)}/heartbeat`, {
      method: "POST",
      keepalive: true,
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
    return response.ok;
  } catch {
    return false;
  }
}
