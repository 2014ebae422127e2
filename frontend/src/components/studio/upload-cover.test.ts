import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { coverFileProblem, coverUploadMessage } from "./upload-cover";

describe("cover uploads", () => {
  it("refuses what the server would before uploading", () => {
    expect(coverFileProblem({ type: "image/png", size: 1000 })).toBeNull();
    expect(coverFileProblem({ type: "application/pdf", size: 1000 })).toMatch(/JPEG, PNG, WebP or GIF/);
    expect(coverFileProblem({ type: "image/jpeg", size: 7 * 1024 * 1024 })).toMatch(/over 6 MB/);
  });

  it("explains 413 and 415 in words", () => {
    expect(coverUploadMessage(new ApiError(413, "payload_too_large", "x"))).toMatch(/too large/);
    expect(coverUploadMessage(new ApiError(415, "unsupported_media_type", "x"))).toMatch(/isn't a picture/);
  });
});
