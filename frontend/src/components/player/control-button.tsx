"use client";

import type { ComponentProps } from "react";
import { cn } from "@/lib/class-names";

type ControlButtonProps = Omit<ComponentProps<"button">, "aria-label"> & {
  /** The accessible name; also shown as a tooltip on hover. */
  label: string;
};

/** An icon button of the player's control bar: white on the video, a white focus ring. */
export function ControlButton({ label, className, type = "button", ...props }: ControlButtonProps) {
  return (
    <button
      type={type}
      aria-label={label}
      title={label}
      className={cn(
        "inline-flex size-9 shrink-0 items-center justify-center rounded-md text-white transition-colors hover:bg-white/15 focus-visible:outline-white disabled:opacity-50 data-[state=open]:bg-white/15 @sm:size-10 [&_svg]:size-5",
        className,
      )}
      {...props}
    />
  );
}
