import { describe, expect, it } from "vitest";
import type { StudioCourse } from "@/lib/api/models";
import { courseChanges, draftFromCourse, draftProblems, rebaseDraft, sendable, slugInput } from "./course-draft";

const course: StudioCourse = {
  id: "c1",
  slug: "sourdough",
  title: "Sourdough",
  status: "draft",
  cover_url: null,
  lesson_count: 0,
  duration_seconds: 0,
  price_amount: 4999,
  currency: "USD",
  review_reason: null,
  submitted_at: null,
  updated_at: "2026-01-01T00:00:00Z",
  owner: { id: "u1", display_name: "Ines", avatar_url: null },
  subtitle: "",
  description: "",
  language: "en",
  level: "beginner",
  topics: [
    { id: "t1", name: "Baking", slug: "baking" },
    { id: "t2", name: "Bread", slug: "bread" },
  ],
  tags: ["bread"],
  outcomes: ["Feed a starter"],
  requirements: [],
  reviewed_at: null,
  published_at: null,
  co_instructors: [],
  sections: [],
  can_manage: true,
  can_delete: true,
  time_zone: "UTC",
};

describe("draftFromCourse", () => {
  it("shows the price in major units", () => {
    expect(draftFromCourse(course)).toMatchObject({ paid: true, price: "49.99", currency: "USD" });
    expect(draftFromCourse({ ...course, price_amount: 4900, currency: "JPY" }).price).toBe("4900");
    expect(draftFromCourse({ ...course, price_amount: null })).toMatchObject({ paid: false, price: "" });
  });
});

describe("courseChanges", () => {
  const draft = draftFromCourse(course);

  it("is empty for an untouched draft", () => {
    expect(courseChanges(draft, course)).toEqual({});
  });

  it("sends only what changed, trimmed", () => {
    expect(courseChanges({ ...draft, title: "  Sourdough bread ", level: "advanced" }, course)).toEqual({ title: "Sourdough bread", level: "advanced" });
    expect(courseChanges({ ...draft, title: "Sourdough " }, course)).toEqual({});
  });

  it("ignores topic order but not list order, and drops blank list items", () => {
    expect(courseChanges({ ...draft, topic_ids: ["t2", "t1"] }, course)).toEqual({});
    expect(courseChanges({ ...draft, outcomes: ["Feed a starter", "  "] }, course)).toEqual({});
    expect(courseChanges({ ...draft, outcomes: ["Bake", "Feed a starter"] }, course)).toEqual({ outcomes: ["Bake", "Feed a starter"] });
  });

  it("turns the price into minor units, and free into 0", () => {
    expect(courseChanges({ ...draft, price: "19.5" }, course)).toEqual({ price_amount: 1950 });
    expect(courseChanges({ ...draft, paid: false }, course)).toEqual({ price_amount: 0 });
    expect(courseChanges({ ...draft, price: "abc" }, course)).toEqual({});
  });
});

describe("draftProblems", () => {
  const draft = draftFromCourse(course);

  it("flags what the API would refuse, so it is held back", () => {
    const problems = draftProblems({ ...draft, title: " ", slug: "Not A Slug", price: "0" });
    expect(Object.keys(problems).sort()).toEqual(["price_amount", "slug", "title"]);
    expect(sendable(courseChanges({ ...draft, title: " ", level: "advanced" }, course), problems)).toEqual({ level: "advanced" });
  });

  it("accepts a good draft", () => {
    expect(draftProblems(draft)).toEqual({});
    expect(draftProblems({ ...draft, paid: false, price: "" })).toEqual({});
  });
});

describe("rebaseDraft", () => {
  it("follows the server in untouched fields and keeps the person's edits", () => {
    const draft = { ...draftFromCourse(course), title: "My new title" };
    const after = { ...course, title: "Changed elsewhere", subtitle: "Also elsewhere" };
    expect(rebaseDraft(draft, course, after)).toMatchObject({ title: "My new title", subtitle: "Also elsewhere" });
  });
});

describe("slugInput", () => {
  it("lowercases and hyphenates as someone types", () => {
    expect(slugInput("Sourdough Basics")).toBe("sourdough-basics");
  });
});
