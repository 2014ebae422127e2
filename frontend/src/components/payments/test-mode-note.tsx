import { FlaskConical } from "lucide-react";
import { cn } from "@/lib/class-names";

/** Said wherever the offline test provider takes a payment: no real money moves. */
export function TestModeNote({ className }: { className?: string }) {
  return (
    <p className={cn("inline-flex items-center gap-1.5 rounded-md bg-warning-soft px-2.5 py-1 text-xs font-semibold text-warning", className)}>
      <FlaskConical className="size-3.5" aria-hidden /> Test payments — no real money
    </p>
  );
}
