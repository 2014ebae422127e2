import type { AnswerIn, LatePolicy, QuestionKind } from "@/lib/api/models";

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  true_false: "True or false",
  short_text: "Short answer",
  numeric: "Number",
  ordering: "Put in order",
  essay: "Written answer (graded by you)",
};

export const FILE_KIND_LABELS: Record<string, string> = {
  pdf: "PDF",
  image: "Pictures (PNG, JPEG, GIF, WebP)",
  document: "Office documents (Word, Excel, PowerPoint, OpenDocument)",
  archive: "ZIP archives",
  text: "Text and code (.txt, .md, .csv, .py…)",
};

/** What the file picker offers for the allowed kinds (the server checks the content anyway). */
const FILE_KIND_ACCEPT: Record<string, string> = {
  pdf: ".pdf,application/pdf",
  image: ".png,.jpg,.jpeg,.gif,.webp,image/png,image/jpeg,image/gif,image/webp",
  document: ".doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp",
  archive: ".zip,application/zip",
  text: ".txt,.md,.csv,.tsv,.json,.py,.ipynb,.js,.ts,.java,.c,.cpp,.h,.go,.rs,.rb,.sql,.html,.css,.tex",
};

export function acceptFor(kinds: string[]): string {
  return kinds.map((kind) => FILE_KIND_ACCEPT[kind] ?? "").filter(Boolean).join(",");
}

/** "Friday 20 December 2026 at 17:00" in `timeZone` (the student's own, or the course's). */
export function formatDue(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone }).format(new Date(iso));
}

/** "Fri 20 Dec, 17:00": the short form for lists. */
export function formatDueShort(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone }).format(
    new Date(iso),
  );
}

/** "in 3 days", "in 5 hours", "2 days ago": how far the due date is from `now`. */
export function dueRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const size = Math.abs(seconds);
  if (size < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (size < 48 * 3600) return format.format(Math.round(seconds / 3600), "hour");
  return format.format(Math.round(seconds / 86400), "day");
}

/** "9:05" or "1:02:03" for a countdown. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** "A time limit of 10 minutes", for the quiz's rules. */
export function formatLimit(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hour${hours === 1 ? "" : "s"}${rest ? ` ${rest} min` : ""}`;
}

/** Points as people write them: 7.5, 10, 0.25. */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : String(Math.round(points * 100) / 100);
}

export function latePolicyText(policy: LatePolicy, penalty: number): string {
  if (policy === "refuse") return "Nothing is accepted after the due date.";
  if (policy === "penalty") return `Late work is accepted and loses ${penalty}% of its score.`;
  return "Late work is accepted in full.";
}

/** "2.4 MB", "830 KB". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Whether an answer says anything (an empty text or no choice is no answer). */
export function isAnswered(answer: AnswerIn | null | undefined): boolean {
  if (!answer) return false;
  return (
    answer.choice != null ||
    (answer.choices?.length ?? 0) > 0 ||
    answer.flag != null ||
    (answer.number != null && Number.isFinite(answer.number)) ||
    (answer.text?.trim().length ?? 0) > 0 ||
    (answer.order?.length ?? 0) > 0
  );
}

/** A number typed by a person: "3,14" and " 3.14 " both read 3.14; anything else is null. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** "2026-12-20T17:00" for a datetime-local input, from the API's naive local time. */
export function toLocalInput(value: string | null | undefined): string {
  return value ? value.slice(0, 16) : "";
}
