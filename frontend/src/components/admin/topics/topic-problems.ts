import { describeError, isApiError } from "@/lib/api/errors";

/** Why a topic couldn't be deleted, in words that say what to do about it. */
export function deleteProblem(error: unknown, name: string): string {
  if (isApiError(error, "topic_has_children")) {
    return `“${name}” still has subtopics. Move them under another topic, or delete them first.`;
  }
  if (isApiError(error, "topic_in_use")) {
    return `Courses are filed under “${name}”, drafts included. Refile them under another topic in the studio first.`;
  }
  return describeError(error);
}
