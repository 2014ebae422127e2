"use client";

import { ScrollText, X } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useAuditLog } from "@/hooks/queries/moderation";
import { cn } from "@/lib/class-names";
import { AUDIT_FAMILIES, auditFamilyOf, type AuditFamily } from "./audit-actions";
import { AuditEntryItem } from "./audit-entry";

/** Every moderation decision and admin act, newest first, filtered in the URL so a view can be shared. */
export function AuditLog() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const family = auditFamilyOf(searchParams.get("action"));
  const subjectId = searchParams.get("subject");
  const log = useAuditLog({ action: family, subjectId });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const subjectLabel = subjectId ? entries.find((entry) => entry.subject_id === subjectId)?.subject_label : undefined;

  const showOnly = (changes: { action?: AuditFamily; subject?: null }) => {
    const params = new URLSearchParams(searchParams.toString());
    if ("action" in changes) {
      if (changes.action) params.set("action", changes.action);
      else params.delete("action");
    }
    if ("subject" in changes) params.delete("subject");
    const query = params.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label="Show entries about" className="inline-flex h-10 items-center gap-1 rounded-lg bg-muted p-1">
          {AUDIT_FAMILIES.map(({ prefix, label }) => (
            <button
              key={label}
              type="button"
              aria-pressed={family === prefix}
              onClick={() => showOnly({ action: prefix })}
              className={cn(
                "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground",
                family === prefix && "bg-surface text-foreground shadow-xs",
              )}
            >
              {label}
            </button>
          ))}
        </div>
        {subjectId && (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span>
              Only about <span className="font-medium">{subjectLabel ? `“${subjectLabel}”` : "one course or topic"}</span>
            </span>
            <Button variant="ghost" size="sm" onClick={() => showOnly({ subject: null })}>
              <X aria-hidden /> Show everything
            </Button>
          </p>
        )}
      </div>

      {log.isPending ? (
        <div className="grid gap-2" role="status">
          <span className="sr-only">Loading the audit log…</span>
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} className="h-16" />
          ))}
        </div>
      ) : log.isError ? (
        <QueryError error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState icon={ScrollText} title={family || subjectId ? "Nothing recorded here yet" : "The log is empty"}>
          Submissions, review decisions, unpublished courses and changes to topics are recorded here as they happen.
        </EmptyState>
      ) : (
        <>
          <div className="flex items-center justify-between text-xs text-muted-foreground" aria-live="polite">
            <span>
              {entries.length} {entries.length === 1 ? "entry" : "entries"}
              {log.hasNextPage ? " so far" : ""}, newest first
            </span>
            {log.isFetching && !log.isFetchingNextPage && <Badge>Updating…</Badge>}
          </div>
          <ol className="divide-y divide-border rounded-xl border border-border bg-surface">
            {entries.map((entry) => (
              <AuditEntryItem key={entry.id} entry={entry} showSubjectFilter={!subjectId} />
            ))}
          </ol>
          {log.hasNextPage && (
            <Button variant="secondary" className="justify-self-center" pending={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              Load more
            </Button>
          )}
        </>
      )}
    </div>
  );
}
