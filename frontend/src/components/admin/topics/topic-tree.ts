import type { Topic } from "@/lib/api/models";

/** The API's limit on nesting: a topic and its ancestors are at most this many levels. */
export const MAX_TOPIC_DEPTH = 4;

export type TopicNode = Topic & { depth: number; children: TopicNode[] };

/** Children of each parent (null: the top level) in sibling order: by position, then as the API listed them. */
function childrenByParent(topics: readonly Topic[]): Map<string | null, Topic[]> {
  const byParent = new Map<string | null, Topic[]>();
  for (const topic of topics) {
    const siblings = byParent.get(topic.parent_id) ?? [];
    siblings.push(topic);
    byParent.set(topic.parent_id, siblings);
  }
  // A stable sort keeps the API's name order among equal positions.
  for (const siblings of byParent.values()) siblings.sort((a, b) => a.position - b.position);
  return byParent;
}

/** The flat list from `GET /api/catalog/topics` as a tree; depth 1 is the top level. */
export function buildTopicTree(topics: readonly Topic[]): TopicNode[] {
  const byParent = childrenByParent(topics);
  const grow = (parentId: string | null, depth: number, seen: Set<string>): TopicNode[] =>
    (byParent.get(parentId) ?? [])
      .filter((topic) => !seen.has(topic.id))
      .map((topic) => ({ ...topic, depth, children: grow(topic.id, depth + 1, new Set(seen).add(topic.id)) }));
  return grow(null, 1, new Set());
}

/** The tree walked parents first, in sibling order: the order of a select's options. */
export function flattenTree(nodes: readonly TopicNode[]): TopicNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The ids of a topic and everything below it. */
export function subtreeIds(topics: readonly Topic[], topicId: string): Set<string> {
  const found = new Set([topicId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const topic of topics) {
      if (topic.parent_id !== null && found.has(topic.parent_id) && !found.has(topic.id)) {
        found.add(topic.id);
        grew = true;
      }
    }
  }
  return found;
}

/** How many levels a topic's subtree spans: 1 for a topic without subtopics. */
function subtreeHeight(nodes: readonly TopicNode[], topicId: string): number {
  const node = flattenTree(nodes).find((candidate) => candidate.id === topicId);
  const height = (current: TopicNode): number => 1 + Math.max(0, ...current.children.map(height));
  return node ? height(node) : 1;
}

/**
 * The topics `topicId` may be placed under: never itself or one of its own subtopics (that would
 * be a cycle), and none so deep that its subtree would nest past MAX_TOPIC_DEPTH. With a null
 * `topicId` (a new topic), every topic with room below it.
 */
export function parentChoices(topics: readonly Topic[], topicId: string | null): TopicNode[] {
  const tree = buildTopicTree(topics);
  const excluded = topicId ? subtreeIds(topics, topicId) : new Set<string>();
  const height = topicId ? subtreeHeight(tree, topicId) : 1;
  return flattenTree(tree).filter((node) => !excluded.has(node.id) && node.depth + height <= MAX_TOPIC_DEPTH);
}

export type PositionChange = { topicId: string; position: number };

/**
 * The position changes that move a topic one place up or down among its siblings. Siblings are
 * renumbered 0, 1, 2… in their new order and only those whose number changes are returned, so
 * gaps or ties left by earlier edits are mended along the way. Empty when it can't move further.
 */
export function siblingMove(topics: readonly Topic[], topicId: string, direction: "up" | "down"): PositionChange[] {
  const topic = topics.find((candidate) => candidate.id === topicId);
  if (!topic) return [];
  const siblings = [...(childrenByParent(topics).get(topic.parent_id) ?? [])];
  const from = siblings.findIndex((sibling) => sibling.id === topicId);
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= siblings.length) return [];
  [siblings[from], siblings[to]] = [siblings[to]!, siblings[from]!];
  return siblings.flatMap((sibling, index) => (sibling.position === index ? [] : [{ topicId: sibling.id, position: index }]));
}

/** The position that puts a topic last among the children of `parentId`. */
export function lastPositionUnder(topics: readonly Topic[], parentId: string | null, topicId: string): number {
  const siblings = topics.filter((topic) => topic.parent_id === parentId && topic.id !== topicId);
  return siblings.length === 0 ? 0 : Math.max(...siblings.map((topic) => topic.position)) + 1;
}
