import { describe, expect, it } from "vitest";
import type { StudioLesson, StudioSection } from "@/lib/api/models";
import { applyOrder, moveLesson, moveSection, orderOf, stepLesson, type SectionOrder } from "./curriculum-order";
import { movedWords } from "./curriculum-words";

const order: SectionOrder[] = [
  { id: "s1", lesson_ids: ["a", "b", "c"] },
  { id: "s2", lesson_ids: ["d"] },
  { id: "s3", lesson_ids: [] },
];

describe("moveLesson", () => {
  it("reorders within a section like arrayMove", () => {
    expect(moveLesson(order, "a", "s1", 2)[0]?.lesson_ids).toEqual(["b", "c", "a"]);
    expect(moveLesson(order, "c", "s1", 0)[0]?.lesson_ids).toEqual(["c", "a", "b"]);
  });

  it("moves a lesson into another section, including an empty one", () => {
    const next = moveLesson(order, "b", "s3", 0);
    expect(next.map((section) => section.lesson_ids)).toEqual([["a", "c"], ["d"], ["b"]]);
  });

  it("clamps the index and ignores unknown lessons or sections", () => {
    expect(moveLesson(order, "a", "s2", 99)[1]?.lesson_ids).toEqual(["d", "a"]);
    expect(moveLesson(order, "zz", "s2", 0)).toEqual(order);
    expect(moveLesson(order, "a", "nowhere", 0)).toEqual(order);
  });

  it("leaves the original untouched", () => {
    moveLesson(order, "a", "s2", 0);
    expect(order[0]?.lesson_ids).toEqual(["a", "b", "c"]);
  });
});

describe("stepLesson", () => {
  it("steps within the section", () => {
    expect(stepLesson(order, "a", 1)?.[0]?.lesson_ids).toEqual(["b", "a", "c"]);
    expect(stepLesson(order, "c", -1)?.[0]?.lesson_ids).toEqual(["a", "c", "b"]);
  });

  it("crosses into the neighbouring section at its near end", () => {
    expect(stepLesson(order, "c", 1)?.map((section) => section.lesson_ids)).toEqual([["a", "b"], ["c", "d"], []]);
    expect(stepLesson(order, "d", -1)?.map((section) => section.lesson_ids)).toEqual([["a", "b", "c", "d"], [], []]);
    expect(stepLesson(order, "d", 1)?.map((section) => section.lesson_ids)).toEqual([["a", "b", "c"], [], ["d"]]);
  });

  it("has nowhere to go at the very top and bottom", () => {
    expect(stepLesson(order, "a", -1)).toBeNull();
    const last: SectionOrder[] = [{ id: "s1", lesson_ids: ["a"] }];
    expect(stepLesson(last, "a", 1)).toBeNull();
  });
});

describe("moveSection", () => {
  it("moves a section and clamps the target", () => {
    expect(moveSection(order, "s3", 0).map((section) => section.id)).toEqual(["s3", "s1", "s2"]);
    expect(moveSection(order, "s1", 10).map((section) => section.id)).toEqual(["s2", "s3", "s1"]);
  });
});

const lesson = (id: string): StudioLesson => ({ id, title: id.toUpperCase(), kind: "article", is_preview: false, duration_seconds: 60, body: "", updated_at: "2026-01-01T00:00:00Z" });
const sections: StudioSection[] = [
  { id: "s1", title: "One", lessons: [lesson("a"), lesson("b")] },
  { id: "s2", title: "Two", lessons: [lesson("c")] },
];

describe("applyOrder", () => {
  it("rearranges whole sections and lessons for the optimistic update", () => {
    const next = applyOrder(sections, { sections: [{ id: "s2", lesson_ids: ["c", "a"] }, { id: "s1", lesson_ids: ["b"] }] });
    expect(orderOf(next)).toEqual([
      { id: "s2", lesson_ids: ["c", "a"] },
      { id: "s1", lesson_ids: ["b"] },
    ]);
    expect(next[0]?.title).toBe("Two");
  });

  it("keeps what the order forgot instead of losing it", () => {
    const next = applyOrder(sections, { sections: [{ id: "s1", lesson_ids: ["b"] }] });
    expect(orderOf(next)).toEqual([
      { id: "s1", lesson_ids: ["b", "a"] },
      { id: "s2", lesson_ids: ["c"] },
    ]);
  });
});

describe("movedWords", () => {
  const titles = { section: (id: string) => ({ s1: "Basics", s2: "Bread" })[id] ?? id, lesson: (id: string) => `Lesson ${id}` };
  it("says where a lesson or section landed", () => {
    expect(movedWords(order, "b", titles)).toBe("Moved lesson “Lesson b” to position 2 of 3 in section “Basics”.");
    expect(movedWords(order, "s2", titles)).toBe("Moved section “Bread” to position 2 of 3.");
  });
});
