import type { TopicNode } from "./topic-tree";

/** "— top level —" and the allowed parents, indented by depth (a native select can't nest). */
export function ParentOptions({ choices }: { choices: TopicNode[] }) {
  return (
    <>
      <option value="">— top level —</option>
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {"\u2003".repeat(choice.depth - 1)}
          {choice.name}
        </option>
      ))}
    </>
  );
}
