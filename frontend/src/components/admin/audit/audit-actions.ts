/** Badge colours, matching the Badge component's tones. */
export type AuditTone = "neutral" | "accent" | "success" | "warning" | "danger";

export type AuditActionWords = {
  /** A short label for a badge: "Sent back". */
  label: string;
  /** The sentence around the subject: `${actor} ${verb} “${subject}”${after}`. */
  verb: string;
  after: string;
  tone: AuditTone;
};

const ACTIONS: Record<string, AuditActionWords> = {
  "course.submitted": { label: "Submitted", verb: "submitted", after: " for review", tone: "accent" },
  "course.withdrawn": { label: "Withdrawn", verb: "withdrew", after: " from review", tone: "neutral" },
  "course.approved": { label: "Approved", verb: "approved", after: "", tone: "success" },
  "course.rejected": { label: "Sent back", verb: "sent back", after: " to its instructor", tone: "warning" },
  "course.unpublished": { label: "Unpublished", verb: "unpublished", after: "", tone: "danger" },
  "course.published": { label: "Published", verb: "published", after: "", tone: "success" },
  "course.unlisted": { label: "Unlisted", verb: "unlisted", after: "", tone: "neutral" },
  "course.archived": { label: "Archived", verb: "archived", after: "", tone: "neutral" },
  "enrollment.granted": { label: "Access granted", verb: "gave a student access to", after: "", tone: "success" },
  "enrollment.revoked": { label: "Access revoked", verb: "took a student's access to", after: " away", tone: "warning" },
  "topic.created": { label: "Topic created", verb: "created the topic", after: "", tone: "accent" },
  "topic.updated": { label: "Topic edited", verb: "edited the topic", after: "", tone: "neutral" },
  "topic.deleted": { label: "Topic deleted", verb: "deleted the topic", after: "", tone: "danger" },
};

/** Words for an audit action; one this page doesn't know yet still reads as a sentence. */
export function describeAuditAction(action: string): AuditActionWords {
  const known = ACTIONS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, " ").trim();
  return { label: words.charAt(0).toUpperCase() + words.slice(1), verb: `recorded “${words}” on`, after: "", tone: "neutral" };
}

/** The log's filter: an action prefix the API matches, or null for everything. */
export const AUDIT_FAMILIES = [
  { prefix: null, label: "All" },
  { prefix: "course.", label: "Courses" },
  { prefix: "enrollment.", label: "Access" },
  { prefix: "topic.", label: "Topics" },
] as const;

export type AuditFamily = (typeof AUDIT_FAMILIES)[number]["prefix"];

export function auditFamilyOf(value: string | null): AuditFamily {
  return AUDIT_FAMILIES.find((family) => family.prefix === value)?.prefix ?? null;
}
