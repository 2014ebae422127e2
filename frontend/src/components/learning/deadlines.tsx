import { CalendarClock, CheckCircle2, ClipboardPen, ListChecks } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Deadline } from "@/lib/api/models";
import { dueRelative, formatDueShort } from "@/lib/assessments/format";
import { lessonHref } from "@/lib/catalog/course-outline";

/** Quizzes and assignments due soon in the student's courses, in their own time zone. */
export function Deadlines({ deadlines, timeZone }: { deadlines: Deadline[]; timeZone: string }) {
  return (
    <section aria-labelledby="deadlines" className="grid gap-3 rounded-xl border border-border bg-surface p-5 shadow-xs" data-testid="deadlines">
      <h2 id="deadlines" className="font-semibold">
        Deadlines coming up
      </h2>
      {deadlines.length === 0 ? (
        <p className="flex gap-2 text-sm text-muted-foreground">
          <CalendarClock className="mt-0.5 size-4 shrink-0" aria-hidden />
          Nothing due in the next 30 days.
        </p>
      ) : (
        <ul className="grid gap-3">
          {deadlines.map((deadline) => {
            const Icon = deadline.kind === "quiz" ? ListChecks : ClipboardPen;
            return (
              <li key={deadline.lesson_id} className="grid gap-0.5 text-sm" data-testid="deadline">
                <Link href={lessonHref(deadline.course_slug, deadline.lesson_id)} className="inline-flex items-center gap-1.5 font-medium hover:underline">
                  <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                  {deadline.lesson_title}
                </Link>
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                  <time dateTime={deadline.due_at} suppressHydrationWarning>
                    {formatDueShort(deadline.due_at, timeZone)}
                  </time>
                  <span suppressHydrationWarning>({dueRelative(deadline.due_at)})</span>
                  {deadline.done ? (
                    <Badge tone="success">
                      <CheckCircle2 className="size-3" aria-hidden /> {deadline.kind === "quiz" ? "Passed" : "Handed in"}
                    </Badge>
                  ) : (
                    deadline.overdue && <Badge tone="danger">Overdue</Badge>
                  )}
                </p>
                <p className="truncate text-xs text-muted-foreground">{deadline.course_title}</p>
              </li>
            );
          })}
        </ul>
      )}
      <p className="text-xs text-muted-foreground">Times in your time zone ({timeZone}).</p>
    </section>
  );
}
