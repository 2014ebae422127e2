import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CourseNotes, Note } from "@/lib/api/models";
import { formatClock } from "@/components/player/time";
import {
  bookmarkTitle,
  comparePlaced,
  draftId,
  isDraft,
  momentHref,
  noteMoment,
  patchCourseNote,
  patchInPlace,
  patchItem,
  withItem,
  withoutCourseNote,
  withoutItem,
} from "./note-list";
import { NoteMarkdown } from "./note-markdown";

function note(id: string, position: number | null, created = "2026-01-01T00:00:00Z", body = id): Note {
  return {
    id,
    lesson_id: "lesson",
    lesson_title: "Lesson",
    course_id: "course",
    course_slug: "sourdough",
    course_title: "Sourdough",
    position_seconds: position,
    body,
    created_at: created,
    updated_at: created,
  };
}

const ids = (list: { id: string }[]) => list.map((entry) => entry.id);

describe("the order of notes", () => {
  it("puts the whole lesson's first, then moments in order, then the older first", () => {
    const list = [note("late", 90), note("lesson", null), note("b", 30, "2026-01-02T00:00:00Z"), note("a", 30)];
    expect(ids([...list].sort(comparePlaced))).toEqual(["lesson", "a", "b", "late"]);
  });

  it("adds a note in its place, and replaces the draft it stood in for", () => {
    const list = [note("one", 10), note("three", 30)];
    const added = withItem(list, note("two", 20));
    expect(ids(added)).toEqual(["one", "two", "three"]);
    const saved = withItem(added, note("real", 20), "two");
    expect(ids(saved)).toEqual(["one", "real", "three"]);
    // The API's answer for a bookmark that existed: no duplicate.
    expect(ids(withItem(saved, note("one", 10)))).toEqual(["one", "real", "three"]);
  });

  it("moves an edited note to its new moment and removes deleted ones", () => {
    const list = [note("a", 10), note("b", 20), note("c", 30)];
    expect(ids(patchItem(list, "a", { position_seconds: 25 }))).toEqual(["b", "a", "c"]);
    expect(patchItem(list, "b", { body: "new" })[1]?.body).toBe("new");
    expect(ids(patchItem(list, "missing", { body: "x" }))).toEqual(["a", "b", "c"]);
    expect(ids(withoutItem(list, "b"))).toEqual(["a", "c"]);
    expect(ids(patchInPlace([note("z", 50), note("a", 1)], "a", { body: "kept in place" }))).toEqual(["z", "a"]);
  });
});

describe("a course's notes", () => {
  const course: CourseNotes = {
    course_id: "course",
    course_slug: "sourdough",
    course_title: "Sourdough",
    query: "",
    total: 3,
    lessons: [
      { lesson_id: "l1", lesson_title: "One", lesson_kind: "video", section_title: "S", notes: [note("a", 5), note("b", 9)] },
      { lesson_id: "l2", lesson_title: "Two", lesson_kind: "article", section_title: "S", notes: [note("c", null)] },
    ],
  };

  it("drops a lesson left without notes and counts down", () => {
    const after = withoutCourseNote(course, "c");
    expect(after.total).toBe(2);
    expect(after.lessons.map((lesson) => lesson.lesson_id)).toEqual(["l1"]);
    expect(withoutCourseNote(course, "a").lessons[0]?.notes.map((entry) => entry.id)).toEqual(["b"]);
    expect(withoutCourseNote(course, "nope")).toEqual(course);
  });

  it("edits a note inside its lesson", () => {
    const after = patchCourseNote(course, "b", { body: "edited", position_seconds: 1 });
    expect(after.lessons[0]?.notes.map((entry) => [entry.id, entry.body])).toEqual([
      ["b", "edited"],
      ["a", "a"],
    ]);
    expect(after.lessons[1]).toBe(course.lessons[1]);
  });
});

describe("timestamps and titles", () => {
  it("links a moment to the lesson page with ?t= in whole seconds", () => {
    expect(momentHref("/courses/sourdough/lessons/abc", 83.7)).toBe("/courses/sourdough/lessons/abc?t=83");
    expect(momentHref("/courses/sourdough/lessons/abc", null)).toBe("/courses/sourdough/lessons/abc");
  });

  it("takes the current whole second for a new note", () => {
    expect(noteMoment(83.9)).toBe(83);
    expect(noteMoment(Number.NaN)).toBe(0);
    expect(noteMoment(-3)).toBe(0);
  });

  it("names a bookmark by its label, else by what it marks", () => {
    expect(bookmarkTitle({ label: "Shaping", position_seconds: 5 }, formatClock)).toBe("Shaping");
    expect(bookmarkTitle({ label: "", position_seconds: 83 }, formatClock)).toBe("Moment at 1:23");
    expect(bookmarkTitle({ label: "", position_seconds: null }, formatClock)).toBe("The whole lesson");
  });

  it("makes draft ids that never repeat and are recognised", () => {
    const first = draftId();
    expect(first).not.toBe(draftId());
    expect(isDraft(first)).toBe(true);
    expect(isDraft("3f2b1c1e-0000-4000-8000-000000000000")).toBe(false);
  });
});

describe("NoteMarkdown", () => {
  const render = (body: string) => renderToStaticMarkup(createElement(NoteMarkdown, { children: body }));

  it("shows raw HTML as text and never runs it", () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
  });

  it("leaves javascript: and data: links unclickable", () => {
    const html = render("[click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("data:");
    expect(html).not.toContain("<a");
    expect(html).toContain("<span>click</span>");
  });

  it("keeps safe links and turns headings into emphasis", () => {
    const html = render("# Big idea\n\nSee [the docs](https://example.com).");
    expect(html).toContain('<p class="font-semibold">Big idea</p>');
    expect(html).not.toContain("<h1");
    expect(html).toContain('href="https://example.com"');
  });
});
