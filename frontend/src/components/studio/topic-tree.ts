import type { Topic } from "@/lib/api/models";

export type TopicRow = Topic & { depth: number };

/**
 * The topics as an indented list: parents before their children, siblings by position then name,
 * with each topic's depth. A topic whose parent is missing is shown at the top level.
 */
export function topicRows(topics: readonly Topic[]): TopicRow[] {
  const known = new Set(topics.map((topic) => topic.id));
  const children = new Map<string | null, Topic[]>();
  for (const topic of topics) {
    const parent = topic.parent_id && known.has(topic.parent_id) ? topic.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), topic]);
  }
  const rows: TopicRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    for (const topic of siblings) {
      if (seen.has(topic.id)) continue;
      seen.add(topic.id);
      rows.push({ ...topic, depth });
      walk(topic.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}
