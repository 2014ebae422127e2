import { ApiError, apiErrorFromResponse, NETWORK_ERROR } from "@/lib/api/errors";

export type Upload<T> = { done: Promise<T>; abort: () => void };

/**
 * Sends `body` to the API with XMLHttpRequest rather than fetch, because only it reports upload
 * progress. Resolves with the parsed JSON answer; a refusal becomes the same ApiError as any
 * other API call, a dropped connection a network ApiError, `abort()` an AbortError.
 */
export function uploadWithProgress<T>(
  method: "POST" | "PUT",
  url: string,
  body: XMLHttpRequestBodyInit,
  onProgress: (fraction: number) => void,
  contentType?: string,
): Upload<T> {
  const request = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    request.open(method, url);
    if (contentType) request.setRequestHeader("Content-Type", contentType);
    request.responseType = "text";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(request.responseText);
      } catch {
        parsed = null;
      }
      if (request.status >= 200 && request.status < 300) return resolve(parsed as T);
      const headers = new Headers();
      const retryAfter = request.getResponseHeader("Retry-After");
      if (retryAfter) headers.set("Retry-After", retryAfter);
      reject(apiErrorFromResponse(new Response(null, { status: request.status, headers }), parsed));
    };
    request.onerror = () => reject(new ApiError(0, NETWORK_ERROR, "Can't reach Lectern. Check your connection and try again."));
    request.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    request.send(body);
  });
  return { done, abort: () => request.abort() };
}
