import { Flame } from "lucide-react";
import type { WatchWeek as WatchWeekData } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { streakText, watchBars, watchTime } from "./learning-format";

/** Seven bars of watch time, oldest first, the total and the streak. Each bar says its day and
 * minutes to a screen reader; the drawing itself is decoration. */
export function WatchWeek({ week }: { week: WatchWeekData }) {
  const bars = watchBars(week);
  return (
    <section aria-labelledby="watch-week" className="grid gap-4 rounded-xl border border-border bg-surface p-5 shadow-xs">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="watch-week" className="font-semibold">
          This week
        </h2>
        <p className="text-sm">
          <span className="font-display text-2xl font-semibold tracking-tight">{watchTime(week.total_seconds)}</span>
          <span className="sr-only"> watched in the last seven days</span>
        </p>
      </div>
      <ol className="grid h-28 grid-cols-7 items-end gap-1.5" aria-label="Watch time per day, the last seven days">
        {bars.map((bar) => (
          <li key={bar.day} className="grid h-full grid-rows-[1fr_auto] justify-items-center gap-1">
            <span className="sr-only">{bar.label}</span>
            <span aria-hidden className="flex h-full w-full items-end justify-center">
              <span
                className={cn("w-full max-w-6 rounded-t-sm", bar.height > 0 ? (bar.today ? "bg-primary" : "bg-primary/60") : "h-0.5 bg-muted")}
                style={bar.height > 0 ? { height: `${bar.height}%` } : undefined}
              />
            </span>
            <span aria-hidden className={cn("text-[0.7rem] text-muted-foreground", bar.today && "font-semibold text-foreground")}>
              {bar.short}
            </span>
          </li>
        ))}
      </ol>
      <p className="flex items-center gap-2 text-sm">
        <Flame className={cn("size-4", week.streak_days > 0 ? "text-warning" : "text-muted-foreground")} aria-hidden />
        {streakText(week.streak_days)}
      </p>
    </section>
  );
}
