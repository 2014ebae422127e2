import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { applyServerError, waitInWords } from "./server-errors";

type Values = { email: string; password: string; new_password: string };

describe("applyServerError", () => {
  it("puts invalid_request errors next to the fields the API names", () => {
    const setError = vi.fn();
    const error = new ApiError(422, "invalid_request", "Check.", { errors: [{ field: "body.email", message: "Not an email." }] });
    applyServerError<Values>(error, setError, ["email", "password"]);
    expect(setError).toHaveBeenCalledWith("email", { type: "server", message: "Not an email." });
  });

  it("maps an error code to a field when told to", () => {
    const setError = vi.fn();
    const error = new ApiError(422, "weak_password", "Too easy to guess.", { field: "password" });
    applyServerError<Values>(error, setError, ["new_password"], { weak_password: "new_password" });
    expect(setError).toHaveBeenCalledWith("new_password", { type: "server", message: "Too easy to guess." }, { shouldFocus: true });
  });

  it("uses details.field when it is one of the form's fields", () => {
    const setError = vi.fn();
    applyServerError<Values>(new ApiError(422, "weak_password", "Too short.", { field: "password" }), setError, ["email", "password"]);
    expect(setError).toHaveBeenCalledWith("password", { type: "server", message: "Too short." }, { shouldFocus: true });
  });

  it("falls back to the form-wide alert", () => {
    const setError = vi.fn();
    applyServerError<Values>(new ApiError(401, "invalid_credentials", "Wrong email or password."), setError, ["email", "password"]);
    expect(setError).toHaveBeenCalledWith("root.server", { type: "server", message: "Wrong email or password." });
  });

  it("ignores field errors for fields the form does not have", () => {
    const setError = vi.fn();
    const error = new ApiError(422, "invalid_request", "Check the request.", { errors: [{ field: "captcha", message: "Missing." }] });
    applyServerError<Values>(error, setError, ["email"]);
    expect(setError).toHaveBeenCalledWith("root.server", { type: "server", message: "Check the request." });
  });
});

describe("waitInWords", () => {
  it.each([
    [1, "1 second"],
    [45, "45 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
  ])("%i → %s", (seconds, words) => expect(waitInWords(seconds)).toBe(words));
});
