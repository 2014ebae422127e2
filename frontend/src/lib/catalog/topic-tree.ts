import type { Topic } from "@/lib/api/models";

export type TopicEntry = Topic & { depth: number };

/**
 * The topics worth offering as filters, in the API's order (each parent right before its children),
 * with their depth for indenting. Topics without published courses are left out, unless selected,
 * together with the ancestors of whatever is kept so the tree still reads as a tree.
 */
export function topicFilterEntries(topics: Topic[], selected: string | null): TopicEntry[] {
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  const depthOf = (topic: Topic): number => {
    let depth = 0;
    for (let parent = topic.parent_id; parent && byId.has(parent) && depth < 10; parent = byId.get(parent)?.parent_id ?? null) depth += 1;
    return depth;
  };
  const kept = new Set<string>();
  for (const topic of topics) {
    if (topic.course_count === 0 && topic.slug !== selected) continue;
    for (let current: Topic | undefined = topic; current && !kept.has(current.id); current = current.parent_id ? byId.get(current.parent_id) : undefined) {
      kept.add(current.id);
    }
  }
  return topics.filter((topic) => kept.has(topic.id)).map((topic) => ({ ...topic, depth: depthOf(topic) }));
}
