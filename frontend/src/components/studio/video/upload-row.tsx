"use client";

import { Pause, Play, WifiOff, X, type LucideIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/class-names";
import { useUploadManager, type UploadItem } from "./upload-manager";
import { formatBytes, formatSpeed, formatTimeLeft, percentOf } from "./upload-math";
import { isBusy } from "./upload-queue";
import { ProgressBar } from "./progress-bar";

type UploadRowProps = {
  item: UploadItem;
  /** Small screens and the tray: icon buttons, and the lesson the file goes to. */
  compact?: boolean;
};

/** One upload: the file, its progress, speed and time left, and Pause / Resume / Cancel. */
export function UploadRow({ item, compact = false }: UploadRowProps) {
  const manager = useUploadManager();
  const percent = percentOf(item.sent, item.size);
  const amounts = `${formatBytes(item.sent)} of ${formatBytes(item.size)}`;
  const canPause = isBusy(item.phase);
  const canResume = item.phase === "paused" || item.phase === "failed";
  const canCancel = canPause || canResume;
  const canDismiss = compact && !canPause;

  return (
    <div data-testid="upload-row" data-phase={item.phase} className="grid min-w-0 gap-1.5">
      <div className="flex min-w-0 items-baseline justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate text-sm font-medium" title={item.fileName}>
            {item.fileName}
          </p>
          {compact && <p className="truncate text-xs text-muted-foreground">{item.lessonTitle}</p>}
        </div>
        <span className="shrink-0 text-sm tabular-nums text-muted-foreground">{item.phase === "canceled" ? "—" : `${percent}%`}</span>
      </div>
      <ProgressBar
        label={`Uploading ${item.fileName}`}
        value={percent}
        valueText={`${percent}%, ${amounts}`}
        tone={item.phase === "retrying" || item.phase === "failed" ? "warning" : item.phase === "paused" || item.phase === "canceled" ? "muted" : "primary"}
      />
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <UploadStatus item={item} amounts={amounts} />
        <div className="ml-auto flex items-center gap-1">
          {/* One button that turns from Pause into Resume, so the keyboard stays on it. */}
          {(canPause || canResume) &&
            (canPause ? (
              <RowButton key="toggle" compact={compact} label="Pause upload" icon={Pause} text="Pause" onClick={() => manager.pause(item.id)} />
            ) : (
              <RowButton key="toggle" compact={compact} label="Resume upload" icon={Play} text="Resume" onClick={() => manager.resume(item.id)} />
            ))}
          {canCancel && (
            <RowButton compact={compact} label="Cancel upload" icon={X} text="Cancel" onClick={() => manager.cancel(item.id)} />
          )}
          {canDismiss && (
            <RowButton compact label={`Remove ${item.fileName} from the list`} icon={X} text="Remove" onClick={() => manager.dismiss(item.id)} />
          )}
        </div>
      </div>
    </div>
  );
}

/** What is happening, in words; only phase changes are announced, not every byte. */
function UploadStatus({ item, amounts }: { item: UploadItem; amounts: string }) {
  const text = "text-xs text-muted-foreground tabular-nums";
  switch (item.phase) {
    case "uploading": {
      const rate = item.speed !== null && item.speed > 0 ? ` · ${formatSpeed(item.speed)}` : "";
      const left = item.secondsLeft !== null ? ` · ${formatTimeLeft(item.secondsLeft)}` : "";
      const starting = item.sent === 0 ? (item.resumed ? "Continuing where it stopped…" : "Starting…") : null;
      return <p className={text}>{starting ?? `${amounts}${rate}${left}`}</p>;
    }
    case "retrying":
      return (
        <p role="status" className="flex items-center gap-1.5 text-xs font-medium text-warning">
          <WifiOff className="size-3.5" aria-hidden /> Connection lost — retrying…
        </p>
      );
    case "queued":
      return (
        <p role="status" className={text}>
          Waiting for another upload to finish
        </p>
      );
    case "paused":
      return (
        <p role="status" className={text}>
          Paused at {amounts}
        </p>
      );
    case "failed":
      return (
        <p role="alert" className="text-xs font-medium text-destructive">
          {item.error}
        </p>
      );
    case "done":
      return (
        <p role="status" className={cn(text, "text-success")}>
          Uploaded
        </p>
      );
    case "canceled":
      return (
        <p role="status" className={text}>
          {item.error ?? "Canceled"}
        </p>
      );
  }
}

type RowButtonProps = { compact: boolean; label: string; icon: LucideIcon; text: string; onClick: () => void };

/** An icon in the tray, icon and word in the lesson; the accessible name is `label` either way. */
function RowButton({ compact, label, icon: Icon, text, onClick }: RowButtonProps) {
  return compact ? (
    <Button variant="ghost" size="icon" className="size-9" aria-label={label} title={label} onClick={onClick}>
      <Icon aria-hidden />
    </Button>
  ) : (
    <Button variant="secondary" size="sm" aria-label={label} onClick={onClick}>
      <Icon aria-hidden /> {text}
    </Button>
  );
}
