import type { components } from "@/lib/api/schema";

export type CourseLevel = components["schemas"]["CourseLevel"];
export type LessonKind = components["schemas"]["LessonKind"];
export type CourseStatus = components["schemas"]["CourseStatus"];

export const LEVEL_LABELS: Record<CourseLevel, string> = {
  beginner: "Beginner",
  intermediate: "Intermediate",
  advanced: "Advanced",
  all_levels: "All levels",
};

export const LESSON_KIND_LABELS: Record<LessonKind, string> = {
  video: "Video",
  article: "Article",
  quiz: "Quiz",
  assignment: "Assignment",
};

export const STATUS_LABELS: Record<CourseStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
  rejected: "Changes requested",
  unlisted: "Unlisted",
  archived: "Archived",
};

/** "Free", or the amount in the course's currency, e.g. "$49.99" or "¥4,900". */
export function formatPrice(amount: number | null | undefined, currency: string, locale = "en"): string {
  if (!amount) return "Free";
  const format = new Intl.NumberFormat(locale, { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** Minor units from what a person types in a price field ("49.99" -> 4999 for USD). */
export function toMinorUnits(text: string, currency: string): number | null {
  const value = Number(text.replace(",", "."));
  if (!Number.isFinite(value) || value < 0) return null;
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(value * 10 ** digits);
}

/** "45 min", "3 h 20 min", "12 h". */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return "0 min";
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest && hours < 10 ? `${hours} h ${rest} min` : `${hours} h`;
}

/** ISO 8601 duration for schema.org (PT3H20M). */
export function isoDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  return `PT${hours ? `${hours}H` : ""}${minutes || !hours ? `${minutes}M` : ""}`;
}
