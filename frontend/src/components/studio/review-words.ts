import type { CourseStatus } from "@/lib/api/models";

/** Where a course stands and what happens next, as the Review tab explains it. */
export const STATUS_EXPLANATIONS: Record<CourseStatus, string> = {
  draft: "Only you and your co-instructors can see this course. When it is ready, submit it: an admin reviews every course before it appears in the catalog.",
  in_review: "An admin is reviewing the course. It can't be edited meanwhile; withdraw it if you need to change something, then submit it again.",
  published: "The course is live in the catalog and anyone can find it. Changes you make are visible to students as soon as they are saved.",
  rejected: "The reviewer asked for changes before the course can go live. Make them, then submit the course again.",
  unlisted: "The course is live but not listed in the catalog or search: only people with its link can find it.",
  archived: "The course is hidden from the catalog and new students. Students already enrolled keep their access.",
};

/** The entries of a course's history, in words. */
export function historyLabel(action: string): string {
  const labels: Record<string, string> = {
    "course.submitted": "Submitted for review",
    "course.withdrawn": "Withdrawn from review",
    "course.approved": "Approved and published",
    "course.rejected": "Changes requested",
    "course.unpublished": "Unpublished by an admin",
    "course.published": "Made public in the catalog",
    "course.unlisted": "Unlisted",
    "course.archived": "Archived",
  };
  return labels[action] ?? action.replace(/^course\./, "").replace(/[._]/g, " ");
}
