import type { RubricCriterion } from "@/lib/api/models";
import { formatPoints } from "@/lib/assessments/format";
import { cn } from "@/lib/class-names";

type RubricTableProps = {
  rubric: RubricCriterion[];
  /** criterion id -> level id: the levels a grader chose, highlighted. */
  chosen?: Record<string, string>;
};

/** A rubric as criteria by levels with their points, for students and graders alike. */
export function RubricTable({ rubric, chosen }: RubricTableProps) {
  return (
    <table className="w-full min-w-[28rem] border-collapse text-sm">
      <caption className="sr-only">Rubric: criteria and the levels each can reach</caption>
      <thead>
        <tr>
          <th scope="col" className="w-1/4 p-2 text-left font-medium text-muted-foreground">
            Criterion
          </th>
          <th scope="col" className="p-2 text-left font-medium text-muted-foreground">
            Levels
          </th>
        </tr>
      </thead>
      <tbody>
        {rubric.map((criterion) => (
          <tr key={criterion.id ?? criterion.title} className="border-t border-border align-top">
            <th scope="row" className="p-2 text-left font-medium">
              {criterion.title}
              {criterion.description && <span className="block text-xs font-normal text-muted-foreground">{criterion.description}</span>}
            </th>
            <td className="p-2">
              <ul className="flex flex-wrap gap-2">
                {criterion.levels.map((level) => {
                  const picked = chosen !== undefined && chosen[criterion.id ?? ""] === level.id;
                  return (
                    <li key={level.id ?? level.title} className={cn("rounded-md border px-2 py-1", picked ? "border-primary bg-accent font-medium" : "border-border")}>
                      {level.title} · {formatPoints(level.points)} pt{level.points === 1 ? "" : "s"}
                      {picked && <span className="sr-only"> (chosen)</span>}
                      {level.description && <span className="block text-xs text-muted-foreground">{level.description}</span>}
                    </li>
                  );
                })}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
