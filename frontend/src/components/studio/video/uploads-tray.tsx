"use client";

import { ChevronDown, ChevronUp, UploadCloud } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/class-names";
import { useUploadManager, useUploads } from "./upload-manager";
import { percentOf } from "./upload-math";
import { isBusy, isFinal, totals } from "./upload-queue";
import { ProgressBar } from "./progress-bar";
import { UploadRow } from "./upload-row";

/**
 * Every upload of the session, on every studio page: a card in the bottom-right corner on a
 * desktop, a sheet along the bottom on a phone. Folded it shows one line and one bar.
 */
export function UploadsTray() {
  const { items, trayOpen } = useUploads();
  const manager = useUploadManager();
  const listId = useId();
  if (items.length === 0) return null;

  const sending = items.filter((item) => item.phase === "uploading" || item.phase === "retrying").length;
  const waiting = items.filter((item) => item.phase === "queued").length;
  const failed = items.filter((item) => item.phase === "failed").length;
  const finished = items.filter((item) => isFinal(item.phase)).length;
  const offline = items.some((item) => item.phase === "retrying");
  const sum = totals(items);
  const percent = percentOf(sum.sent, sum.size);

  const summary = [
    sending > 0 && `Uploading ${sending} ${sending === 1 ? "video" : "videos"}`,
    waiting > 0 && `${waiting} waiting`,
    failed > 0 && `${failed} stopped`,
    !items.some((item) => isBusy(item.phase)) && failed === 0 && `${items.length} ${items.length === 1 ? "upload" : "uploads"} finished`,
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <section
      aria-label="Uploads"
      data-testid="uploads-tray"
      className={cn(
        "fixed inset-x-0 bottom-0 z-40 grid max-h-[70dvh] grid-cols-[minmax(0,1fr)] grid-rows-[auto_minmax(0,1fr)] rounded-t-xl border border-b-0 border-border bg-surface shadow-xl",
        "pb-[env(safe-area-inset-bottom)] sm:inset-x-auto sm:right-4 sm:bottom-4 sm:max-h-[min(32rem,70dvh)] sm:w-96 sm:rounded-xl sm:border-b sm:pb-0",
      )}
    >
      <div className="grid gap-2 p-3">
        <div className="flex items-center gap-2">
          <UploadCloud className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          <p className="min-w-0 flex-1 truncate text-sm font-medium">
            {summary}
            {offline && <span className="text-warning"> · Connection lost — retrying…</span>}
          </p>
          <Button variant="ghost" size="sm" aria-expanded={trayOpen} aria-controls={listId} onClick={() => manager.setTrayOpen(!trayOpen)}>
            {trayOpen ? <ChevronDown aria-hidden /> : <ChevronUp aria-hidden />}
            {trayOpen ? "Hide" : "Show"}
            <span className="sr-only"> uploads</span>
          </Button>
        </div>
        <ProgressBar label="All uploads" value={percent} valueText={`${percent}%`} tone={offline ? "warning" : "primary"} />
      </div>
      <div id={listId} hidden={!trayOpen} className="overflow-y-auto border-t border-border">
        <ul className="divide-y divide-border">
          {items.map((item) => (
            <li key={item.id} className="px-3 py-2.5">
              <UploadRow item={item} compact />
            </li>
          ))}
        </ul>
        {finished > 0 && (
          <div className="flex justify-end border-t border-border px-3 py-2">
            <Button variant="ghost" size="sm" onClick={() => manager.clearFinished()}>
              Clear finished
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}
