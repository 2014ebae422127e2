import type { GradeEvent } from "@/lib/api/models";
import { formatPoints } from "@/lib/assessments/format";
import { formatDateTime } from "@/lib/locale/dates";

const ACTIONS: Record<GradeEvent["action"], string> = {
  auto_graded: "Graded automatically",
  graded: "Graded",
  overridden: "Automatic grade changed",
  released: "Released to the student",
};

const points = (value: number | null) => (value === null ? "—" : formatPoints(value));

/** Every change to a grade, oldest first: the automatic grade and any override both stay. */
export function GradeHistory({ events, questionNumber }: { events: GradeEvent[]; questionNumber?: (id: string) => number | null }) {
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="grade-history" className="grid gap-2">
      <h2 id="grade-history" className="font-semibold">
        History
      </h2>
      <ol className="grid gap-2 text-sm" data-testid="grade-history">
        {events.map((event) => {
          const question = event.question_id && questionNumber ? questionNumber(event.question_id) : null;
          return (
            <li key={event.id} className="grid gap-0.5 border-l-2 border-border pl-3">
              <p>
                <span className="font-medium">{ACTIONS[event.action]}</span>
                {question !== null && <> · question {question}</>}
                {event.action !== "released" && (
                  <>
                    {" "}
                    · {event.points_before !== null && <>{points(event.points_before)} → </>}
                    {points(event.points_after)} / {formatPoints(event.max_points)}
                  </>
                )}
              </p>
              {event.reason && <p className="text-muted-foreground">“{event.reason}”</p>}
              <p className="text-xs text-muted-foreground">
                {event.actor ?? "Lectern"} · {formatDateTime(event.created_at)}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
