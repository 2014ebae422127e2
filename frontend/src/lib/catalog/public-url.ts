/**
 * The origin people open Lectern on, for canonical links, Open Graph and structured data. Read at
 * request time (like the API's own LECTERN_PUBLIC_URL), so one build serves any deployment.
 */
export function publicSiteUrl(): string {
  return (process.env.LECTERN_PUBLIC_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** An absolute URL on the public site for a path such as `/courses/x` or an API `cover_url`. */
export function absoluteUrl(path: string, siteUrl = publicSiteUrl()): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${siteUrl}${path.startsWith("/") ? "" : "/"}${path}`;
}
