import { describe, expect, it } from "vitest";
import type { Topic } from "@/lib/api/models";
import { buildTopicTree, flattenTree, lastPositionUnder, parentChoices, siblingMove, subtreeIds } from "./topic-tree";

function topic(id: string, parent_id: string | null, position: number): Topic {
  return { id, name: id, slug: id, parent_id, position, course_count: 0 };
}

// development > web > frontend > react; development > data; design
const topics: Topic[] = [
  topic("development", null, 0),
  topic("web", "development", 0),
  topic("frontend", "web", 0),
  topic("react", "frontend", 0),
  topic("data", "development", 1),
  topic("design", null, 1),
];

const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

describe("buildTopicTree", () => {
  it("nests children under parents with their depth", () => {
    const tree = buildTopicTree(topics);
    expect(ids(tree)).toEqual(["development", "design"]);
    expect(ids(tree[0]!.children)).toEqual(["web", "data"]);
    expect(flattenTree(tree).map((node) => [node.id, node.depth])).toEqual([
      ["development", 1],
      ["web", 2],
      ["frontend", 3],
      ["react", 4],
      ["data", 2],
      ["design", 1],
    ]);
  });

  it("orders siblings by position and keeps the API's order for ties", () => {
    const tree = buildTopicTree([topic("b", null, 1), topic("z", null, 0), topic("a", null, 1)]);
    expect(ids(tree)).toEqual(["z", "b", "a"]);
  });
});

describe("subtreeIds", () => {
  it("holds the topic and every topic below it", () => {
    expect([...subtreeIds(topics, "web")].sort()).toEqual(["frontend", "react", "web"]);
    expect([...subtreeIds(topics, "design")]).toEqual(["design"]);
  });
});

describe("parentChoices", () => {
  it("never offers the topic itself or its descendants", () => {
    expect(ids(parentChoices(topics, "web"))).not.toEqual(expect.arrayContaining(["web"]));
    expect(ids(parentChoices(topics, "web"))).toEqual(["development", "design"]);
  });

  it("leaves out parents that would nest the subtree too deep", () => {
    // "web" spans three levels, so it fits only under a top-level topic.
    expect(ids(parentChoices(topics, "web"))).toEqual(["development", "design"]);
    // A leaf fits under anything down to the third level.
    expect(ids(parentChoices(topics, "data"))).toEqual(["development", "web", "frontend", "design"]);
  });

  it("offers every topic with room below it for a new topic", () => {
    expect(ids(parentChoices(topics, null))).toEqual(["development", "web", "frontend", "data", "design"]);
  });
});

describe("siblingMove", () => {
  it("swaps with the neighbour", () => {
    expect(siblingMove(topics, "data", "up")).toEqual([
      { topicId: "data", position: 0 },
      { topicId: "web", position: 1 },
    ]);
  });

  it("does nothing at either end", () => {
    expect(siblingMove(topics, "development", "up")).toEqual([]);
    expect(siblingMove(topics, "design", "down")).toEqual([]);
  });

  it("renumbers gaps and ties, sending only the positions that change", () => {
    const gapped = [topic("a", null, 0), topic("b", null, 4), topic("c", null, 4), topic("d", null, 9)];
    expect(siblingMove(gapped, "c", "up")).toEqual([
      { topicId: "c", position: 1 },
      { topicId: "b", position: 2 },
      { topicId: "d", position: 3 },
    ]);
  });
});

describe("lastPositionUnder", () => {
  it("is one past the highest sibling, or 0 under an empty parent", () => {
    expect(lastPositionUnder(topics, "development", "design")).toBe(2);
    expect(lastPositionUnder(topics, "design", "web")).toBe(0);
    expect(lastPositionUnder(topics, null, "web")).toBe(2);
  });
});
