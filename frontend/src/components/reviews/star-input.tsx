"use client";

import * as RadioGroup from "@radix-ui/react-radio-group";
import { Star } from "lucide-react";
import { useState } from "react";
import { cn } from "@/lib/class-names";
import { RATING_WORDS, starsLabel } from "./review-words";

type StarInputProps = {
  value: number | null;
  onChange: (stars: number) => void;
  /** The id of the visible label ("Your rating"). */
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  disabled?: boolean;
};

/**
 * Five stars as a radio group: Tab reaches the chosen star (or the first), the arrow keys move
 * and choose, and each star is read as "3 stars". The pointer previews a choice on hover.
 */
export function StarInput({ value, onChange, labelledBy, describedBy, invalid, disabled }: StarInputProps) {
  const [hovered, setHovered] = useState<number | null>(null);
  const shown = hovered ?? value ?? 0;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <RadioGroup.Root
        value={value ? String(value) : ""}
        onValueChange={(next) => onChange(Number(next))}
        orientation="horizontal"
        loop
        required
        disabled={disabled}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className="flex"
        onPointerLeave={() => setHovered(null)}
      >
        {[1, 2, 3, 4, 5].map((stars) => (
          <RadioGroup.Item
            key={stars}
            value={String(stars)}
            aria-label={starsLabel(stars)}
            onPointerEnter={() => setHovered(stars)}
            className="rounded-md p-1 transition-transform outline-none hover:scale-110 focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-60"
          >
            <Star className={cn("size-7", stars <= shown ? "fill-warning text-warning" : "text-muted-foreground/60")} aria-hidden />
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
      <span className="min-w-20 text-sm font-medium text-muted-foreground" aria-hidden>
        {shown ? RATING_WORDS[shown] : "Choose 1 to 5"}
      </span>
    </div>
  );
}
