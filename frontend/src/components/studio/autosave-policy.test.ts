import { describe, expect, it } from "vitest";
import { ApiError, NETWORK_ERROR } from "@/lib/api/errors";
import { AUTOSAVE_RETRIES, changesKey, rejectionsFrom, retryDelayMs, withoutRejected } from "./autosave-policy";

describe("retryDelayMs", () => {
  const offline = new ApiError(0, NETWORK_ERROR, "offline");
  const down = new ApiError(503, "http_503", "down");

  it("backs off 1 s, 2 s, 4 s, then gives up", () => {
    expect([0, 1, 2].map((tries) => retryDelayMs(offline, tries))).toEqual([1000, 2000, 4000]);
    expect(retryDelayMs(down, AUTOSAVE_RETRIES)).toBeNull();
  });

  it("never retries the API's own refusals", () => {
    expect(retryDelayMs(new ApiError(422, "invalid_request", "no"), 0)).toBeNull();
    expect(retryDelayMs(new ApiError(409, "slug_taken", "no"), 0)).toBeNull();
    expect(retryDelayMs(new ApiError(403, "not_owner", "no"), 0)).toBeNull();
    expect(retryDelayMs(new Error("bug"), 0)).toBeNull();
  });

  it("waits at least as long as a 429 asks", () => {
    expect(retryDelayMs(new ApiError(429, "rate_limited", "slow down", null, 10), 0)).toBe(10_000);
    expect(retryDelayMs(new ApiError(429, "rate_limited", "slow down", null, null), 1)).toBe(2000);
  });
});

describe("rejectionsFrom", () => {
  it("maps 422 field errors to top-level fields that were sent", () => {
    const error = new ApiError(422, "invalid_request", "Check", {
      errors: [
        { field: "title", message: "String should have at least 1 character" },
        { field: "outcomes.2", message: "Too long" },
        { field: "language", message: "not sent, so not ours" },
      ],
    });
    expect(rejectionsFrom(error, { title: "", outcomes: ["a", "b", "c"] })).toEqual({
      title: { sent: '""', message: "String should have at least 1 character" },
      outcomes: { sent: '["a","b","c"]', message: "Too long" },
    });
  });

  it("finds slug_taken's field; a refusal about the whole course has none", () => {
    const taken = new ApiError(409, "slug_taken", "Taken", { errors: [{ field: "slug", message: "Already taken." }] });
    expect(rejectionsFrom(taken, { slug: "bread" })).toEqual({ slug: { sent: '"bread"', message: "Already taken." } });
    expect(rejectionsFrom(new ApiError(409, "course_in_review", "In review"), { title: "x" })).toEqual({});
  });
});

describe("withoutRejected", () => {
  const rejections = { slug: { sent: '"bread"', message: "Already taken." } };

  it("holds back a refused value and sends the rest", () => {
    expect(withoutRejected({ slug: "bread", title: "Bread" }, rejections)).toEqual({
      send: { title: "Bread" },
      refused: rejections,
    });
  });

  it("lets the field go again once the person changes it", () => {
    expect(withoutRejected({ slug: "bread-2" }, rejections)).toEqual({ send: { slug: "bread-2" }, refused: {} });
  });
});

describe("changesKey", () => {
  it("ignores key order", () => {
    expect(changesKey({ a: 1, b: [2] })).toBe(changesKey({ b: [2], a: 1 }));
    expect(changesKey({ a: 1 })).not.toBe(changesKey({ a: 2 }));
  });
});
