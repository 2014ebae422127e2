import { describe, expect, it } from "vitest";
import type { CourseEnrollment } from "@/lib/api/models";
import {
  continueAction,
  enrolSignInHref,
  lessonAtHref,
  lessonsDone,
  offerState,
  resumeLabel,
  streakText,
  watchBars,
  positionShare,
  watchTime,
} from "./learning-format";

const enrolled: CourseEnrollment = {
  course_id: "c1",
  access: "enrolled",
  included_in_subscription: false,
  enrolled: true,
  source: "free",
  enrolled_at: "2026-11-20T10:00:00Z",
  last_activity_at: "2026-11-22T18:30:00Z",
  completed_at: null,
  progress: { completed_lessons: 3, total_lessons: 8, percent: 37 },
  continue_lesson: { id: "l4", title: "Four" },
};

describe("progress in words", () => {
  it("counts lessons", () => {
    expect(lessonsDone({ completed_lessons: 3, total_lessons: 8 })).toBe("3 of 8 lessons");
    expect(lessonsDone({ completed_lessons: 0, total_lessons: 1 })).toBe("0 of 1 lesson");
  });

  it("says where a video resumes, as the player's clock does", () => {
    expect(resumeLabel(192.4)).toBe("Resume at 3:12");
    expect(resumeLabel(3723)).toBe("Resume at 1:02:03");
  });

  it("links to the lesson at the whole second, or to its start", () => {
    expect(lessonAtHref("knots", "abc", 192.9)).toBe("/courses/knots/lessons/abc?t=192");
    expect(lessonAtHref("knots", "abc", 0)).toBe("/courses/knots/lessons/abc");
    expect(lessonAtHref("knots", "abc", null)).toBe("/courses/knots/lessons/abc");
  });

  it("shows how far into a video, within 0-100", () => {
    expect(positionShare(150, 600)).toBe(25);
    expect(positionShare(700, 600)).toBe(100);
    expect(positionShare(10, 0)).toBe(0);
  });

  it("reads watch time in minutes and hours", () => {
    expect(watchTime(0)).toBe("0 min");
    expect(watchTime(8)).toBe("under a minute");
    expect(watchTime(40)).toBe("1 min");
    expect(watchTime(45 * 60)).toBe("45 min");
    expect(watchTime(65 * 60)).toBe("1 h 5 min");
    expect(watchTime(2 * 3600)).toBe("2 h");
  });
});

describe("the week's bars", () => {
  const week = {
    days: [
      { day: "2026-11-18", seconds: 0 },
      { day: "2026-11-19", seconds: 600 },
      { day: "2026-11-20", seconds: 1200 },
      { day: "2026-11-21", seconds: 10 },
      { day: "2026-11-22", seconds: 0 },
      { day: "2026-11-23", seconds: 300 },
      { day: "2026-11-24", seconds: 0 },
    ],
    total_seconds: 2110,
    streak_days: 0,
  };

  it("scales to the busiest day and names each day for screen readers", () => {
    const bars = watchBars(week, "en-GB");
    expect(bars.map((b) => b.height)).toEqual([0, 50, 100, 4, 0, 25, 0]);
    expect(bars[2]?.label).toBe("Friday 20 November: 20 min");
    expect(bars[0]?.short).toBe("Wed");
    expect(bars.map((b) => b.today)).toEqual([false, false, false, false, false, false, true]);
  });

  it("keeps calendar days whatever the time zone", () => {
    expect(watchBars(week, "en-GB")[6]?.label.startsWith("Tuesday 24 November")).toBe(true);
  });

  it("says how to start a streak", () => {
    expect(streakText(0)).toMatch(/watch a lesson today/);
    expect(streakText(1)).toMatch(/^1-day streak/);
    expect(streakText(5)).toBe("5-day streak");
  });
});

describe("the enrol box", () => {
  const base = { mode: "public" as const, signedIn: true, viewerId: "me", instructorIds: ["t1"], free: true, enrollment: undefined };

  it("sends a visitor to sign in and back to enrol", () => {
    expect(offerState({ ...base, signedIn: false, viewerId: null })).toEqual({ kind: "signed-out" });
    expect(enrolSignInHref("knots & bows")).toBe("/sign-in?next=%2Fcourses%2Fknots%2520%2526%2520bows%3Fenrol%3D1");
  });

  it("waits for the viewer's state, then offers what fits", () => {
    expect(offerState(base)).toEqual({ kind: "loading" });
    const open = { ...enrolled, access: "previews" as const, enrolled: false, source: null, progress: null, continue_lesson: null };
    expect(offerState({ ...base, enrollment: open })).toEqual({ kind: "open" });
    expect(offerState({ ...base, free: false, enrollment: open })).toEqual({ kind: "paid" });
    expect(offerState({ ...base, free: false, enrollment: { ...open, included_in_subscription: true } })).toEqual({ kind: "included" });
    expect(offerState({ ...base, enrollment: enrolled })).toEqual({ kind: "enrolled", enrollment: enrolled });
  });

  it("knows the team and admins", () => {
    expect(offerState({ ...base, viewerId: "t1" })).toEqual({ kind: "team", teaches: true });
    const admin = { ...enrolled, access: "team" as const, enrolled: false, source: null, progress: null, continue_lesson: null };
    expect(offerState({ ...base, enrollment: admin })).toEqual({ kind: "team", teaches: false });
  });

  it("is inert in the studio's preview", () => {
    expect(offerState({ ...base, mode: "preview" })).toEqual({ kind: "preview" });
  });

  it("starts, continues or reviews", () => {
    expect(continueAction(enrolled)).toEqual({ label: "Continue learning", lessonId: "l4" });
    const fresh = { ...enrolled, last_activity_at: null, progress: { completed_lessons: 0, total_lessons: 8, percent: 0 } };
    expect(continueAction(fresh).label).toBe("Start learning");
    // Half-way into the first video: nothing complete yet, but started.
    expect(continueAction({ ...fresh, last_activity_at: "2026-11-24T08:00:00Z" }).label).toBe("Continue learning");
    expect(continueAction({ ...enrolled, completed_at: "2026-11-24T00:00:00Z" }).label).toBe("Review the course");
  });
});
