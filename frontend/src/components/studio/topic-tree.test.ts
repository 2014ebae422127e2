import { describe, expect, it } from "vitest";
import type { Topic } from "@/lib/api/models";
import { topicRows } from "./topic-tree";

const topic = (id: string, parent: string | null, position: number, name = id): Topic => ({ id, name, slug: id, parent_id: parent, position, course_count: 0 });

describe("topicRows", () => {
  it("puts children under their parents, indented, siblings by position", () => {
    const rows = topicRows([topic("bread", "food", 1), topic("food", null, 1), topic("cakes", "food", 0), topic("art", null, 0), topic("rye", "bread", 0)]);
    expect(rows.map((row) => [row.id, row.depth])).toEqual([
      ["art", 0],
      ["food", 0],
      ["cakes", 1],
      ["bread", 1],
      ["rye", 2],
    ]);
  });

  it("shows an orphan at the top level", () => {
    expect(topicRows([topic("lost", "gone", 0)]).map((row) => row.depth)).toEqual([0]);
  });
});
