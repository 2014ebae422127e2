import { describe, expect, it } from "vitest";
import { homeAfterSignIn } from "./home";

describe("where signing in leads by default", () => {
  it("takes a plain student to their learning", () => {
    expect(homeAfterSignIn(["student"])).toBe("/learning");
  });

  it("keeps the account page for people who also teach or administer", () => {
    expect(homeAfterSignIn(["student", "instructor"])).toBe("/account");
    expect(homeAfterSignIn(["admin"])).toBe("/account");
  });
});
