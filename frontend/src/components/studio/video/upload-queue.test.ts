import { describe, expect, it } from "vitest";
import { isBusy, isFinal, toStart, totals, type UploadPhase } from "./upload-queue";

const items = (...phases: UploadPhase[]) => phases.map((phase, index) => ({ id: `u${index}`, phase }));

describe("the upload queue", () => {
  it("runs at most two at once, the oldest waiting first", () => {
    expect(toStart(items("queued", "queued", "queued"))).toEqual(["u0", "u1"]);
    expect(toStart(items("uploading", "queued", "queued"))).toEqual(["u1"]);
    expect(toStart(items("uploading", "retrying", "queued"))).toEqual([]);
  });

  it("frees a slot when an upload is paused, done, failed or canceled", () => {
    expect(toStart(items("paused", "done", "failed", "canceled", "uploading", "queued"))).toEqual(["u5"]);
  });

  it("warns before leaving only while something is sending or waiting to", () => {
    expect(["queued", "uploading", "retrying"].every((phase) => isBusy(phase as UploadPhase))).toBe(true);
    expect(["paused", "done", "failed", "canceled"].some((phase) => isBusy(phase as UploadPhase))).toBe(false);
    expect(isFinal("failed")).toBe(false);
    expect(isFinal("done") && isFinal("canceled")).toBe(true);
  });

  it("sums the bytes of uploads that are not canceled", () => {
    expect(
      totals([
        { phase: "uploading", sent: 10, size: 100 },
        { phase: "done", sent: 50, size: 50 },
        { phase: "canceled", sent: 5, size: 500 },
      ]),
    ).toEqual({ sent: 60, size: 150 });
  });
});
