/**
 * The page to go to after signing in, taken from `?next=` only when it is a path on this site,
 * so a crafted link can't bounce someone to another origin (open redirect).
 */
export function safeNextPath(next: string | string[] | null | undefined, fallback = "/account"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    // Resolving against a dummy origin catches tricks like "/%2F%2Fevil.example".
    const url = new URL(value, "http://lectern.invalid");
    if (url.origin !== "http://lectern.invalid") return fallback;
    if (decodeURIComponent(url.pathname).startsWith("//")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
