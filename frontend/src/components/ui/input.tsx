import type { ComponentProps } from "react";
import { cn } from "@/lib/class-names";

export const fieldControlClass =
  "w-full rounded-md border border-input bg-surface px-3 text-sm text-foreground shadow-xs transition-colors placeholder:text-muted-foreground/80 focus-visible:border-ring disabled:cursor-not-allowed disabled:opacity-60 aria-[invalid=true]:border-destructive";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(fieldControlClass, "h-10", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(fieldControlClass, "min-h-24 py-2 leading-relaxed", className)} {...props} />;
}

/** A native select: the best keyboard, screen reader and phone behaviour for long option lists. */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(fieldControlClass, "h-10 pr-8", className)} {...props} />;
}
