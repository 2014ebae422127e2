import { describe, expect, it } from "vitest";
import { timeAgo } from "./time-ago";

const now = new Date("2026-03-10T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe("timeAgo", () => {
  it("uses the largest unit that fits", () => {
    expect(timeAgo(ago(10), now, "en")).toBe("just now");
    expect(timeAgo(ago(5 * 60), now, "en")).toBe("5 minutes ago");
    expect(timeAgo(ago(3 * 3600), now, "en")).toBe("3 hours ago");
    expect(timeAgo(ago(26 * 3600), now, "en")).toBe("yesterday");
    expect(timeAgo(ago(15 * 86400), now, "en")).toBe("2 weeks ago");
  });
});
