import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps paths on this site, with query and hash", () => {
    expect(safeNextPath("/admin/users?role=admin#top")).toBe("/admin/users?role=admin#top");
  });

  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined, "account"])(
    "falls back for %s",
    (next) => expect(safeNextPath(next)).toBe("/account"),
  );

  it("takes the first of repeated parameters", () => {
    expect(safeNextPath(["/account/security", "//evil.example"])).toBe("/account/security");
  });
});
