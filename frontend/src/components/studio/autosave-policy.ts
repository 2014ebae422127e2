import { ApiError, NETWORK_ERROR } from "@/lib/api/errors";

/** Automatic retries after the first attempt fails, before the person is asked to retry. */
export const AUTOSAVE_RETRIES = 3;
const BASE_DELAY_MS = 1_000;

/** Changes keyed by field, as the API's PATCH bodies are. */
export type Changes = Record<string, unknown>;

/** A field the API refused, with the value it refused: it isn't sent again until it changes. */
export type Rejection = { sent: string; message: string };
export type Rejections = Record<string, Rejection>;

const fingerprint = (value: unknown) => JSON.stringify(value) ?? "undefined";

/**
 * How long to wait before retry number `retriesSoFar + 1`, or null to stop and ask the person.
 * Only trouble that may pass is retried (no connection, 5xx, 429, 408); the API's "no" is final.
 */
export function retryDelayMs(error: unknown, retriesSoFar: number): number | null {
  if (retriesSoFar >= AUTOSAVE_RETRIES) return null;
  const backoff = BASE_DELAY_MS * 2 ** retriesSoFar;
  if (!(error instanceof ApiError)) return null;
  if (error.code === NETWORK_ERROR || error.status >= 500 || error.status === 408) return backoff;
  if (error.status === 429) return Math.max(backoff, (error.retryAfter ?? 0) * 1_000);
  return null;
}

/**
 * The field-level problems of a refused save (422 `details.errors`, 409 `slug_taken`), keyed by
 * the top-level field name so "outcomes.2" lands on the outcomes list. Empty when the refusal is
 * about the course as a whole.
 */
export function rejectionsFrom(error: unknown, sent: Changes): Rejections {
  if (!(error instanceof ApiError)) return {};
  const raw = error.details?.errors;
  if (!Array.isArray(raw)) return {};
  const rejections: Rejections = {};
  for (const entry of raw) {
    if (typeof entry !== "object" || entry === null) continue;
    const { field, message } = entry as { field?: unknown; message?: unknown };
    if (typeof field !== "string") continue;
    const name = field.split(".")[0] ?? field;
    if (!(name in sent) || rejections[name]) continue;
    rejections[name] = { sent: fingerprint(sent[name]), message: typeof message === "string" ? message : error.message };
  }
  return rejections;
}

/**
 * Splits pending changes into what to send and what is still refused. A refusal lapses as soon as
 * the person changes that field (its value differs from the one refused), or once it is saved.
 */
export function withoutRejected(changes: Changes, rejections: Rejections): { send: Changes; refused: Rejections } {
  const send: Changes = {};
  const refused: Rejections = {};
  for (const [field, value] of Object.entries(changes)) {
    const rejection = rejections[field];
    if (rejection && rejection.sent === fingerprint(value)) refused[field] = rejection;
    else send[field] = value;
  }
  return { send, refused };
}

export function changesKey(changes: Changes): string {
  return fingerprint(Object.entries(changes).sort(([a], [b]) => a.localeCompare(b)));
}
