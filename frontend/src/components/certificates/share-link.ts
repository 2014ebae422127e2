/** Where anyone checks a certificate: the public verification page, as an absolute URL. */
export function certificateUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}/certificates/${encodeURIComponent(code)}`;
}

/** The parts of `navigator` sharing needs, so the choice can be tested without a browser. */
export type ShareTarget = {
  share?: (data: ShareData) => Promise<void>;
  canShare?: (data: ShareData) => boolean;
  clipboard?: { writeText: (text: string) => Promise<void> };
  /** The old way to copy (a selected text field and "copy"), for pages without the Clipboard API
   * (served over plain HTTP) or where it is refused; true when it worked. */
  legacyCopy?: (text: string) => boolean;
};

export type ShareOutcome = "shared" | "copied" | "cancelled" | "failed";

/**
 * Shares a link the way the device does it best: the system share sheet where there is one
 * (phones), else a copy to the clipboard. Closing the share sheet is "cancelled", not a failure.
 */
export async function shareLink(target: ShareTarget, data: { url: string; title: string; text: string }): Promise<ShareOutcome> {
  if (target.share && (!target.canShare || target.canShare(data))) {
    try {
      await target.share(data);
      return "shared";
    } catch (error) {
      if (error instanceof Error && error.name === "AbortError") return "cancelled";
      // Refused for another reason (no user gesture, a policy): fall back to the clipboard.
    }
  }
  if (target.clipboard) {
    try {
      await target.clipboard.writeText(data.url);
      return "copied";
    } catch {
      // Refused (no focus, no permission): try the old way below.
    }
  }
  return target.legacyCopy?.(data.url) ? "copied" : "failed";
}

/** Copies through a hidden, selected text field: works without the Clipboard API. */
export function copyWithSelection(text: string): boolean {
  const field = document.createElement("textarea");
  field.value = text;
  field.setAttribute("readonly", "");
  field.style.position = "fixed";
  field.style.opacity = "0";
  document.body.append(field);
  field.select();
  try {
    // Deprecated but still the only way without the Clipboard API.
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    field.remove();
  }
}
