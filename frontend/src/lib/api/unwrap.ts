import { ApiError, apiErrorFromResponse, NETWORK_ERROR } from "./errors";

/** What every openapi-fetch call resolves to. */
type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws a typed ApiError.
 * The check is on `response.ok` because openapi-fetch leaves `error` undefined for empty error bodies.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, NETWORK_ERROR, "Can't reach Lectern. Check your connection and try again.");
  }
  if (!result.response.ok) throw apiErrorFromResponse(result.response, result.error);
  return result.data as T;
}
