import { CalendarClock } from "lucide-react";
import { dueRelative, formatDue } from "@/lib/assessments/format";
import { cn } from "@/lib/class-names";

/** "Due Friday 20 December 2026 at 17:00 (in 3 days)", in the student's own time zone. */
export function DueLine({ dueAt, timeZone, className }: { dueAt: string; timeZone: string; className?: string }) {
  const past = Date.parse(dueAt) < Date.now();
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-x-1.5", className)} data-testid="due-line">
      <CalendarClock className="size-4 text-muted-foreground" aria-hidden />
      <span className="text-muted-foreground">{past ? "Was due" : "Due"}</span>
      <time dateTime={dueAt} className="font-medium" suppressHydrationWarning>
        {formatDue(dueAt, timeZone)}
      </time>
      <span className={cn("text-sm", past ? "text-destructive" : "text-muted-foreground")} suppressHydrationWarning>
        ({dueRelative(dueAt)})
      </span>
      <span className="sr-only">, your time ({timeZone})</span>
    </span>
  );
}
