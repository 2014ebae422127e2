"use client";

import { AlertTriangle, CheckCircle2, CircleDot, Loader2, Lock, XCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { describeError } from "@/lib/api/errors";
import { cn } from "@/lib/class-names";
import type { SaveStatus } from "./use-autosave";

const WORDS: Record<SaveStatus, string> = {
  saved: "All changes saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  retrying: "Saving… trying again",
  invalid: "Some changes need fixing before they can be saved",
  blocked: "Not saved: the course is in review",
  failed: "Couldn't save your changes",
};

const ICONS = { saved: CheckCircle2, unsaved: CircleDot, saving: Loader2, retrying: Loader2, invalid: AlertTriangle, blocked: Lock, failed: XCircle };

type SaveIndicatorProps = { status: SaveStatus; failure: unknown; onRetry: () => void; className?: string; compact?: boolean; testId?: string };

/** Where the autosave stands, announced politely; a failure offers an immediate retry. */
export function SaveIndicator({ status, failure, onRetry, className, compact = false, testId = "save-status" }: SaveIndicatorProps) {
  const Icon = ICONS[status];
  const troubled = status === "failed" || status === "invalid" || status === "blocked";
  return (
    <div className={cn("flex flex-wrap items-center gap-x-2 gap-y-1 text-sm", className)}>
      <p
        role="status"
        aria-live="polite"
        data-testid={testId}
        data-status={status}
        className={cn(
          "flex items-center gap-1.5",
          status === "saved" ? "text-muted-foreground" : troubled ? "font-medium text-destructive" : "text-foreground",
          status === "invalid" && "text-warning",
        )}
      >
        <Icon className={cn("size-4 shrink-0", (status === "saving" || status === "retrying") && "animate-spin", status === "saved" && "text-success")} aria-hidden />
        <span className={cn(compact && status === "invalid" && "sr-only")}>{WORDS[status]}</span>
        {compact && status === "invalid" && <span aria-hidden>Needs fixing</span>}
        {status === "failed" && !compact && <span className="font-normal text-muted-foreground">— {describeError(failure)}</span>}
      </p>
      {status === "failed" && (
        <Button size="sm" variant="secondary" onClick={onRetry}>
          Retry now
        </Button>
      )}
    </div>
  );
}
