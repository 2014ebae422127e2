"use client";

import { Play } from "lucide-react";
import Link from "next/link";
import type { PlayerHandle } from "@/components/player/player-bridge";
import { formatClock } from "@/components/player/time";
import { cn } from "@/lib/class-names";

const stampClass =
  "inline-flex h-6 shrink-0 items-center gap-1 rounded-full bg-accent px-2 text-xs font-semibold text-accent-foreground tabular-nums transition-colors hover:bg-primary hover:text-primary-foreground";

/** A moment of the video on this page: pressing it plays from there. Plain text without a player. */
export function SeekStamp({ seconds, player, className }: { seconds: number; player: PlayerHandle | null; className?: string }) {
  const clock = formatClock(seconds);
  if (!player) {
    return <span className={cn(stampClass, "hover:bg-accent hover:text-accent-foreground", className)}>{clock}</span>;
  }
  return (
    <button
      type="button"
      className={cn(stampClass, className)}
      aria-label={`Play from ${clock}`}
      onClick={() => {
        player.seek(seconds);
        player.play();
        player.reveal();
      }}
    >
      <Play className="size-3 fill-current" aria-hidden />
      {clock}
    </button>
  );
}

/** A moment of a lesson elsewhere (or, null, the lesson): a link to the lesson page, which starts
 * the video at that moment. */
export function LinkStamp({ seconds, href, lessonTitle }: { seconds: number | null; href: string; lessonTitle: string }) {
  if (seconds === null) {
    return (
      <Link href={href} className={cn(stampClass, "bg-muted font-medium text-muted-foreground")} aria-label={`Open “${lessonTitle}”`}>
        Whole lesson
      </Link>
    );
  }
  const clock = formatClock(seconds);
  return (
    <Link href={href} className={stampClass} aria-label={`Watch “${lessonTitle}” from ${clock}`}>
      <Play className="size-3 fill-current" aria-hidden />
      {clock}
    </Link>
  );
}

/** A note or bookmark on the lesson as a whole. */
export function LessonStamp() {
  return <span className="inline-flex h-6 shrink-0 items-center rounded-full bg-muted px-2 text-xs font-medium text-muted-foreground">Whole lesson</span>;
}
