import { describe, expect, it } from "vitest";
import { avatarFileProblem, instructorApplicationSchema, profileSchema } from "./account-schemas";
import { changePasswordSchema, registerSchema, resetPasswordSchema, signInSchema } from "./auth-schemas";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("registerSchema", () => {
  it("accepts a good registration and trims the name and email", () => {
    const result = registerSchema.safeParse({ display_name: "  Ada Lovelace ", email: " ada@example.com ", password: "analytical-engine-1843" });
    expect(result.success && result.data).toEqual({ display_name: "Ada Lovelace", email: "ada@example.com", password: "analytical-engine-1843" });
  });

  it("explains each problem in words", () => {
    const result = registerSchema.safeParse({ display_name: " ", email: "not-an-email", password: "short" });
    expect(messages(result)).toEqual({
      display_name: "Tell us what to call you.",
      email: "Enter a valid email address.",
      password: "Use at least 10 characters.",
    });
  });
});

describe("signInSchema", () => {
  it("does not judge the strength of an existing password", () => {
    expect(signInSchema.safeParse({ email: "a@example.com", password: "x" }).success).toBe(true);
  });

  it("asks for an email first when it is empty", () => {
    expect(messages(signInSchema.safeParse({ email: "", password: "" }))).toEqual({
      email: "Enter your email address.",
      password: "Enter your password.",
    });
  });
});

describe("password confirmation", () => {
  it("flags a mismatch on the confirmation field", () => {
    expect(messages(resetPasswordSchema.safeParse({ password: "long-enough-pass", confirm: "long-enough-pasS" }))).toEqual({
      confirm: "The passwords don't match.",
    });
    expect(
      messages(changePasswordSchema.safeParse({ current_password: "old", new_password: "long-enough-pass", confirm: "other" })),
    ).toEqual({ confirm: "The passwords don't match." });
  });
});

describe("profileSchema", () => {
  it("requires a name and caps the bio", () => {
    const result = profileSchema.safeParse({ display_name: "", bio: "x".repeat(2001), timezone: "Europe/Paris", language: "fr" });
    expect(Object.keys(messages(result)).sort()).toEqual(["bio", "display_name"]);
  });
});

describe("instructorApplicationSchema", () => {
  it("needs at least 20 characters of motivation, not counting spaces around it", () => {
    expect(instructorApplicationSchema.safeParse({ motivation: `   ${"a".repeat(19)}   ` }).success).toBe(false);
    expect(instructorApplicationSchema.safeParse({ motivation: "I teach watercolour to adults." }).success).toBe(true);
  });
});

describe("avatarFileProblem", () => {
  it("accepts the image types the API takes up to 5 MB", () => {
    expect(avatarFileProblem({ type: "image/png", size: 5 * 1024 * 1024 })).toBeNull();
    expect(avatarFileProblem({ type: "image/webp", size: 1 })).toBeNull();
  });

  it("refuses other types and larger files", () => {
    expect(avatarFileProblem({ type: "image/svg+xml", size: 10 })).toMatch(/JPEG, PNG, WebP or GIF/);
    expect(avatarFileProblem({ type: "image/jpeg", size: 5 * 1024 * 1024 + 1 })).toMatch(/5 MB/);
  });
});
