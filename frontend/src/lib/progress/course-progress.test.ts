import { describe, expect, it } from "vitest";
import type { CourseProgress } from "@/lib/api/models";
import { percentOf, progressSummary, withLessonCompleted } from "./course-progress";

function progress(): CourseProgress {
  return {
    course_id: "c",
    completed_lessons: 1,
    total_lessons: 3,
    percent: 33,
    completed_at: null,
    certificate_code: null,
    last_lesson_id: "a",
    lessons: [
      { lesson_id: "a", completed: true, completed_by: "watched", watched_percent: 95, position_seconds: 100 },
      { lesson_id: "b", completed: false, completed_by: null, watched_percent: 0, position_seconds: 0 },
    ],
    sections: [
      { section_id: "s1", completed_lessons: 1, total_lessons: 2 },
      { section_id: "s2", completed_lessons: 0, total_lessons: 1 },
    ],
  };
}

describe("percentOf", () => {
  it("floors, as the server does", () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe("progressSummary", () => {
  it("says the percent and the lessons", () => {
    expect(progressSummary({ percent: 37, completed_lessons: 3, total_lessons: 8 })).toBe("37% complete · 3 of 8 lessons");
    expect(progressSummary({ percent: 0, completed_lessons: 0, total_lessons: 1 })).toBe("0% complete · 0 of 1 lesson");
  });
});

describe("withLessonCompleted", () => {
  it("marks the lesson, its section and the course", () => {
    const next = withLessonCompleted(progress(), { lessonId: "b", sectionId: "s1", completed: true, by: "marked" });
    expect(next.lessons.find((l) => l.lesson_id === "b")).toMatchObject({ completed: true, completed_by: "marked" });
    expect(next.sections).toEqual([
      { section_id: "s1", completed_lessons: 2, total_lessons: 2 },
      { section_id: "s2", completed_lessons: 0, total_lessons: 1 },
    ]);
    expect(next).toMatchObject({ completed_lessons: 2, percent: 66 });
  });

  it("adds a lesson the answer did not list yet", () => {
    const next = withLessonCompleted(progress(), { lessonId: "c", sectionId: "s2", completed: true, by: "read" });
    expect(next.lessons.find((l) => l.lesson_id === "c")).toMatchObject({ completed: true, completed_by: "read" });
    expect(next).toMatchObject({ completed_lessons: 2, percent: 66 });
    expect(next.sections[1]).toMatchObject({ completed_lessons: 1 });
  });

  it("opens a lesson again", () => {
    const next = withLessonCompleted(progress(), { lessonId: "a", sectionId: "s1", completed: false, by: null });
    expect(next.lessons[0]).toMatchObject({ completed: false, completed_by: null });
    expect(next).toMatchObject({ completed_lessons: 0, percent: 0 });
    expect(next.sections[0]).toMatchObject({ completed_lessons: 0 });
  });

  it("changes nothing when the lesson is already in that state", () => {
    const before = progress();
    expect(withLessonCompleted(before, { lessonId: "a", sectionId: "s1", completed: true, by: "marked" })).toBe(before);
    expect(withLessonCompleted(before, { lessonId: "b", sectionId: "s1", completed: false, by: null })).toBe(before);
  });
});
