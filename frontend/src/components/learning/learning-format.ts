// What the dashboard and the enrol button say: progress in words, resume links, the week's
// watching. Pure functions, so the words are tested without rendering anything.
import type { CourseAccess, CourseEnrollment, LessonRef, ProgressSummary, WatchWeek } from "@/lib/api/models";
import { lessonHref, pluralize } from "@/lib/catalog/course-outline";
import { formatClock } from "@/components/player/time";

/** "3 of 8 lessons" (or "1 of 1 lesson"). */
export function lessonsDone(progress: Pick<ProgressSummary, "completed_lessons" | "total_lessons">): string {
  return `${progress.completed_lessons.toLocaleString("en")} of ${pluralize(progress.total_lessons, "lesson")}`;
}

/** "Resume at 3:12". */
export function resumeLabel(positionSeconds: number): string {
  return `Resume at ${formatClock(positionSeconds)}`;
}

/** The lesson page, starting its video at `seconds` (whole seconds, as the player reads `?t=`). */
export function lessonAtHref(courseSlug: string, lessonId: string, seconds: number | null): string {
  const href = lessonHref(courseSlug, lessonId);
  return seconds !== null && seconds > 0 ? `${href}?t=${Math.floor(seconds)}` : href;
}

/** How far into a video, 0-100, for a progress bar (where the student stopped, not what they
 * watched: skipped parts are in it). */
export function positionShare(positionSeconds: number, durationSeconds: number): number {
  if (!(durationSeconds > 0) || !(positionSeconds > 0)) return 0;
  return Math.min(100, Math.round((100 * positionSeconds) / durationSeconds));
}

/** Watch time in words: "0 min", "under a minute", "45 min", "1 h 5 min", "12 h". */
export function watchTime(seconds: number): string {
  // A few seconds are something: a full bar over "0 min" would read as a mistake.
  if (seconds > 0 && seconds < 30) return "under a minute";
  const minutes = Math.round(Math.max(0, seconds) / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

export type WatchBar = {
  day: string;
  /** "Mon" */
  short: string;
  /** "Monday 24 November: 12 min", what a screen reader hears. */
  label: string;
  /** 0-100 of the week's busiest day; a day with any watching shows at least a sliver. */
  height: number;
  today: boolean;
};

/** The seven days as bars, oldest first. Days are calendar dates (the student's), read as such:
 * no time zone may shift "2026-11-24" to the 23rd. */
export function watchBars(week: WatchWeek, locale?: string): WatchBar[] {
  const busiest = Math.max(0, ...week.days.map((d) => d.seconds));
  const short = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  return week.days.map((entry, index) => {
    const [year, month, day] = entry.day.split("-").map(Number);
    const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
    const height = busiest > 0 ? Math.round((100 * entry.seconds) / busiest) : 0;
    return {
      day: entry.day,
      short: short.format(date),
      label: `${long.format(date)}: ${watchTime(entry.seconds)}`,
      height: entry.seconds > 0 ? Math.max(height, 4) : 0,
      today: index === week.days.length - 1,
    };
  });
}

/** "3-day streak", or what to do to start one. */
export function streakText(days: number): string {
  if (days <= 0) return "No streak yet: watch a lesson today to start one.";
  return days === 1 ? "1-day streak: keep it going tomorrow." : `${days}-day streak`;
}

/** Signing in to enrol: back to the course afterwards, which then enrols the student once. */
export function enrolSignInHref(courseSlug: string): string {
  const back = `/courses/${encodeURIComponent(courseSlug)}?enrol=1`;
  return `/sign-in?next=${encodeURIComponent(back)}`;
}

/** The landing's enrol box, for who is looking at it. */
export type OfferState =
  | { kind: "preview" } // the studio's and reviewers' inert look
  | { kind: "signed-out" }
  | { kind: "loading" }
  | { kind: "team"; teaches: boolean }
  | { kind: "enrolled"; enrollment: CourseEnrollment }
  | { kind: "open" } // signed in, free, not enrolled: one click
  | { kind: "included" } // signed in, paid, covered by the viewer's subscription: one click
  | { kind: "paid" }; // signed in, paid, not enrolled: buy it

type OfferInput = {
  mode: "public" | "preview";
  signedIn: boolean;
  viewerId: string | null;
  instructorIds: string[];
  free: boolean;
  enrollment: CourseEnrollment | undefined;
};

export function offerState({ mode, signedIn, viewerId, instructorIds, free, enrollment }: OfferInput): OfferState {
  if (mode === "preview") return { kind: "preview" };
  if (!signedIn) return { kind: "signed-out" };
  const teaches = viewerId !== null && instructorIds.includes(viewerId);
  if (teaches) return { kind: "team", teaches: true };
  if (!enrollment) return { kind: "loading" };
  if (enrollment.enrolled) return { kind: "enrolled", enrollment };
  if (enrollment.access === ("team" satisfies CourseAccess)) return { kind: "team", teaches: false };
  if (free) return { kind: "open" };
  return enrollment.included_in_subscription ? { kind: "included" } : { kind: "paid" };
}

type Continuable = {
  progress: ProgressSummary | null;
  completed_at: string | null;
  last_activity_at: string | null;
  continue_lesson: LessonRef | null;
};

/** An enrolled student's main button (landing and dashboard): where it goes, what it says. */
export function continueAction(entry: Continuable): { label: string; lessonId: string | null } {
  const lessonId = entry.continue_lesson?.id ?? null;
  const progress = entry.progress;
  if (entry.completed_at || (progress && progress.total_lessons > 0 && progress.completed_lessons >= progress.total_lessons)) {
    return { label: "Review the course", lessonId };
  }
  // A student who has opened a lesson continues, even before finishing one.
  if (!entry.last_activity_at && (!progress || progress.completed_lessons === 0)) return { label: "Start learning", lessonId };
  return { label: "Continue learning", lessonId };
}
