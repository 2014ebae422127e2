import type { Role } from "@/lib/api/models";

/**
 * Where signing in leads when no page asked to be returned to: a plain student to their own
 * courses ("My learning"); someone who also teaches or runs the site to their account, where
 * the studio and the admin are one click away in the header.
 */
export function homeAfterSignIn(roles: readonly Role[]): string {
  return roles.every((role) => role === "student") ? "/learning" : "/account";
}
