import { describe, expect, it } from "vitest";
import { courseAfterDecision, shownCourse } from "./queue-selection";
import { courseReasonSchema } from "./reason-schema";
import { timeAgo } from "@/lib/format/time-ago";

describe("courseAfterDecision", () => {
  it("moves on to the next course, or back to the previous one at the end", () => {
    expect(courseAfterDecision(["a", "b", "c"], "a")).toBe("b");
    expect(courseAfterDecision(["a", "b", "c"], "b")).toBe("c");
    expect(courseAfterDecision(["a", "b", "c"], "c")).toBe("b");
  });

  it("is null once the queue is empty", () => {
    expect(courseAfterDecision(["a"], "a")).toBeNull();
  });

  it("falls back to the first when the decided course had already left", () => {
    expect(courseAfterDecision(["a", "b"], "x")).toBe("a");
  });
});

describe("shownCourse", () => {
  it("shows the selection while it is queued, else the longest waiting", () => {
    expect(shownCourse(["a", "b"], "b")).toBe("b");
    expect(shownCourse(["a", "b"], "gone")).toBe("a");
    expect(shownCourse(["a", "b"], null)).toBe("a");
    expect(shownCourse([], "a")).toBeNull();
  });
});

describe("timeAgo", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  it("says how long ago in the largest whole unit", () => {
    expect(timeAgo("2026-11-25T11:59:30Z", now, "en")).toBe("just now");
    expect(timeAgo("2026-11-25T11:45:00Z", now, "en")).toBe("15 minutes ago");
    expect(timeAgo("2026-11-25T09:00:00Z", now, "en")).toBe("3 hours ago");
    expect(timeAgo("2026-11-24T10:00:00Z", now, "en")).toBe("yesterday");
    expect(timeAgo("2026-11-10T12:00:00Z", now, "en")).toBe("2 weeks ago");
  });
});

describe("courseReasonSchema", () => {
  it("wants at least 10 characters after trimming", () => {
    expect(courseReasonSchema.safeParse({ reason: "  too short " }).success).toBe(false);
    expect(courseReasonSchema.safeParse({ reason: "The audio in lesson 3 is missing." }).success).toBe(true);
  });
});
