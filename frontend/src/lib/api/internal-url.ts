/**
 * Where the Next.js server reaches the API. Read at request time, never at build time, so one build
 * serves `make run` (port 8000) and the e2e stack (port 8100) alike.
 */
export function apiInternalUrl(): string {
  return (process.env.LECTERN_API_INTERNAL_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, "");
}
