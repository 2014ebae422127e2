import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError, describeError } from "@/lib/api/errors";

/** Which form field an error code belongs to; it wins over the field name the API gives. */
export type CodeFieldMap<T extends FieldValues> = Partial<Record<string, Path<T>>>;

/**
 * Puts an API error where the person will look for it: next to the field it is about when
 * `codeFields`, `details.errors` or `details.field` says which, otherwise in the form-wide alert
 * (`root.server`). `codeFields` wins because the API's field name may differ from the form's
 * (e.g. `weak_password` names "password" on the change-password form's "new_password").
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  codeFields: CodeFieldMap<T> = {},
): void {
  if (error instanceof ApiError) {
    const known = error.fieldErrors.filter(({ field }) => (fields as readonly string[]).includes(field));
    for (const { field, message } of known) setError(field as Path<T>, { type: "server", message });
    if (known.length > 0) return;
    const field = codeFields[error.code] ?? fields.find((name) => name === error.details?.field);
    if (field) {
      setError(field, { type: "server", message: error.message }, { shouldFocus: true });
      return;
    }
  }
  setError("root.server" as Path<T>, { type: "server", message: describeError(error) });
}

/** Seconds as words a person reads at a glance: "45 seconds", "3 minutes". */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
