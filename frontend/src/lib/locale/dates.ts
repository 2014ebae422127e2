/** "12 Mar 2026, 14:05" in the reader's locale and zone; "never" for a missing date. */
export function formatDateTime(iso: string | null | undefined, fallback = "never"): string {
  if (!iso) return fallback;
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, fallback = "never"): string {
  if (!iso) return fallback;
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso));
}
