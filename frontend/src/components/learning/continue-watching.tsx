"use client";

import { PlayCircle } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { coverHue } from "@/components/catalog/course-cover";
import { ProgressBar } from "@/components/studio/video/progress-bar";
import type { ContinueWatching as ContinueWatchingItem } from "@/lib/api/models";
import { lessonAtHref, resumeLabel, positionShare } from "./learning-format";

/** Videos the student stopped in the middle of, most recent first: one click back to the second. */
export function ContinueWatching({ items }: { items: ContinueWatchingItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="continue-watching" className="grid gap-4">
      <h2 id="continue-watching" className="font-display text-xl font-semibold tracking-tight">
        Continue watching
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {items.map((item) => (
          <li key={item.lesson_id}>
            <ResumeCard item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResumeCard({ item }: { item: ContinueWatchingItem }) {
  const share = positionShare(item.position_seconds, item.duration_seconds);
  const hue = coverHue(item.course_id);
  // A poster's signed link lasts minutes: one that fails (expired, not there) gives way to colour.
  const [posterFailed, setPosterFailed] = useState(false);
  return (
    <article className="group relative grid gap-2 has-[a:focus-visible]:rounded-xl has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-ring">
      <div className="relative aspect-video overflow-hidden rounded-xl border border-border bg-muted">
        {item.poster_url && !posterFailed ? (
          <img src={item.poster_url} alt="" loading="lazy" decoding="async" onError={() => setPosterFailed(true)} className="size-full object-cover" />
        ) : (
          <div
            aria-hidden
            className="size-full"
            style={{ backgroundImage: `linear-gradient(135deg, oklch(0.56 0.14 ${hue}), oklch(0.36 0.11 ${(hue + 35) % 360}))` }}
          />
        )}
        <span aria-hidden className="absolute inset-0 flex items-center justify-center bg-black/0 transition-colors group-hover:bg-black/25">
          <PlayCircle className="size-12 text-white/90 drop-shadow-md" />
        </span>
        <ProgressBar
          label={`How far into ${item.lesson_title} you are`}
          value={share}
          valueText={`${share}% of the way through`}
          className="absolute inset-x-0 bottom-0 h-1 rounded-none bg-black/30"
        />
      </div>
      <div className="grid gap-0.5">
        <h3 className="line-clamp-2 text-sm leading-snug font-semibold">
          <Link href={lessonAtHref(item.course_slug, item.lesson_id, item.position_seconds)} className="after:absolute after:inset-0 focus-visible:outline-none">
            {item.lesson_title}
          </Link>
        </h3>
        <p className="truncate text-xs text-muted-foreground">{item.course_title}</p>
        <p className="text-xs font-medium text-primary">{resumeLabel(item.position_seconds)}</p>
      </div>
    </article>
  );
}
