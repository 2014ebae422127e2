import { isApiError } from "@/lib/api/errors";

/** What went wrong with an emailed link, in words, or null when it is another kind of error. */
export function tokenProblem(error: unknown): { title: string; text: string } | null {
  if (isApiError(error, "token_expired")) return { title: "This link has expired", text: "Links in our emails only work for a limited time." };
  if (isApiError(error, "token_used")) return { title: "This link was already used", text: "Each link works once." };
  if (isApiError(error, "token_invalid")) return { title: "This link isn't valid", text: "It may have been copied incompletely." };
  return null;
}
