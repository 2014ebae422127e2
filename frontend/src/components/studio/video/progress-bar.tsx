import { cn } from "@/lib/class-names";

type ProgressBarProps = {
  /** The accessible name, e.g. "Uploading intro.mp4". */
  label: string;
  /** Whole percent; null draws a bar that only says "working" (no known amount). */
  value: number | null;
  /** What a screen reader says instead of the bare percentage. */
  valueText?: string;
  tone?: "primary" | "warning" | "muted";
  className?: string;
};

const TONES = { primary: "bg-primary", warning: "bg-warning", muted: "bg-muted-foreground/50" };

/** A thin progress bar with the ARIA a screen reader needs. */
export function ProgressBar({ label, value, valueText, tone = "primary", className }: ProgressBarProps) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
      aria-valuetext={valueText}
      className={cn("h-2 overflow-hidden rounded-full bg-muted", className)}
    >
      {value === null ? (
        <div className={cn("h-full w-1/3 rounded-full motion-safe:animate-pulse", TONES[tone])} />
      ) : (
        <div className={cn("h-full rounded-full transition-[width] duration-300", TONES[tone])} style={{ width: `${value}%` }} />
      )}
    </div>
  );
}
