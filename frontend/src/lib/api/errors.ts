import { z } from "zod";

/** The error body every non-2xx API answer carries: `{code, message, details}`. */
const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).nullable().optional(),
});

const fieldErrorsSchema = z.array(z.object({ field: z.string(), message: z.string() }));

export type FieldError = z.infer<typeof fieldErrorsSchema>[number];

/** A failed API call, typed so forms and toasts can react to `code` rather than to text. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | null = null,
    /** Seconds to wait before retrying (429), from `details.retry_after` or the Retry-After header. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }

  /** Per-field messages of a 422 `invalid_request`, with the field name reduced to its last part. */
  get fieldErrors(): FieldError[] {
    const parsed = fieldErrorsSchema.safeParse(this.details?.errors);
    if (!parsed.success) return [];
    return parsed.data.map(({ field, message }) => ({ field: field.split(".").pop() ?? field, message }));
  }
}

export const NETWORK_ERROR = "network_error";

function parseRetryAfter(details: Record<string, unknown> | null, header: string | null): number | null {
  const fromBody = details?.retry_after;
  if (typeof fromBody === "number" && Number.isFinite(fromBody)) return Math.ceil(fromBody);
  const fromHeader = header === null ? Number.NaN : Number(header);
  return Number.isFinite(fromHeader) ? Math.ceil(fromHeader) : null;
}

/** Builds an ApiError from a response and whatever body openapi-fetch parsed from it. */
export function apiErrorFromResponse(response: Response, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  const details = parsed.success ? (parsed.data.details ?? null) : null;
  const retryAfter = parseRetryAfter(details, response.headers.get("Retry-After"));
  if (parsed.success) {
    return new ApiError(response.status, parsed.data.code, parsed.data.message, details, retryAfter);
  }
  // A proxy or crash page rather than the API's own error: keep the status, say something useful.
  const message =
    response.status >= 500
      ? "The server is having trouble right now. Please try again in a moment."
      : `The request failed (HTTP ${response.status}).`;
  return new ApiError(response.status, `http_${response.status}`, message, null, retryAfter);
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A sentence for any thrown value, for toasts and form alerts. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Please try again.";
}
