import { describe, expect, it } from "vitest";
import { ApiError, describeError, isApiError, NETWORK_ERROR } from "./errors";
import { unwrap } from "./unwrap";

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

describe("unwrap", () => {
  it("returns the data of a successful call", async () => {
    const response = jsonResponse(200, { message: "ok" });
    await expect(unwrap(Promise.resolve({ data: { message: "ok" }, response }))).resolves.toEqual({ message: "ok" });
  });

  it("returns undefined for 204 No Content", async () => {
    const response = new Response(null, { status: 204 });
    await expect(unwrap(Promise.resolve({ data: undefined, response }))).resolves.toBeUndefined();
  });

  it("throws an ApiError carrying the API's code, message and details", async () => {
    const body = { code: "email_not_verified", message: "Verify your email first.", details: { email: "a@b.c" } };
    const error = await unwrap(Promise.resolve({ error: body, response: jsonResponse(403, body) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: "email_not_verified", message: "Verify your email first.", details: { email: "a@b.c" } });
    expect(isApiError(error, "email_not_verified")).toBe(true);
    expect(isApiError(error, "rate_limited")).toBe(false);
  });

  it("reads the wait of a 429 from details, else from Retry-After", async () => {
    const fromDetails = { code: "rate_limited", message: "Slow down.", details: { retry_after: 41.2 } };
    const a = await unwrap(Promise.resolve({ error: fromDetails, response: jsonResponse(429, fromDetails, { "Retry-After": "9" }) })).catch((e: unknown) => e);
    expect((a as ApiError).retryAfter).toBe(42);
    const fromHeader = { code: "rate_limited", message: "Slow down.", details: null };
    const b = await unwrap(Promise.resolve({ error: fromHeader, response: jsonResponse(429, fromHeader, { "Retry-After": "9" }) })).catch((e: unknown) => e);
    expect((b as ApiError).retryAfter).toBe(9);
  });

  it("throws even when the error body is empty (openapi-fetch then leaves error undefined)", async () => {
    const error = await unwrap(Promise.resolve({ error: undefined, response: new Response(null, { status: 502 }) })).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: "http_502" });
    expect(describeError(error)).toMatch(/trouble/);
  });

  it("turns a failed fetch into a network_error", async () => {
    const error = await unwrap(Promise.reject(new TypeError("fetch failed"))).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: NETWORK_ERROR });
  });
});

describe("ApiError.fieldErrors", () => {
  it("lists invalid_request errors by the last part of the field name", () => {
    const error = new ApiError(422, "invalid_request", "Check the request.", {
      errors: [
        { field: "body.email", message: "Not an email." },
        { field: "timezone", message: "Unknown time zone." },
      ],
    });
    expect(error.fieldErrors).toEqual([
      { field: "email", message: "Not an email." },
      { field: "timezone", message: "Unknown time zone." },
    ]);
  });

  it("is empty when details carry no field list", () => {
    expect(new ApiError(409, "email_taken", "Taken.", { field: "email" }).fieldErrors).toEqual([]);
  });
});

describe("describeError", () => {
  it("never shows a raw exception to people", () => {
    expect(describeError(new Error("TypeError: x is undefined"))).toBe("Something went wrong. Please try again.");
  });
});
