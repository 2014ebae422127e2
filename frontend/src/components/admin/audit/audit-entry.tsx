import {
  Archive,
  CircleCheck,
  CircleDot,
  EyeOff,
  FolderMinus,
  FolderPen,
  FolderPlus,
  Globe,
  Link2,
  type LucideIcon,
  Send,
  Undo2,
  Undo,
  UserMinus,
  UserPlus,
} from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEntry } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { STATUS_LABELS, type CourseStatus } from "@/lib/format/course";
import { describeAuditAction, type AuditTone } from "./audit-actions";

const ICONS: Record<string, LucideIcon> = {
  "course.submitted": Send,
  "course.withdrawn": Undo,
  "course.approved": CircleCheck,
  "course.rejected": Undo2,
  "course.unpublished": EyeOff,
  "course.published": Globe,
  "course.unlisted": Link2,
  "course.archived": Archive,
  "enrollment.granted": UserPlus,
  "enrollment.revoked": UserMinus,
  "topic.created": FolderPlus,
  "topic.updated": FolderPen,
  "topic.deleted": FolderMinus,
};

const ICON_TONES: Record<AuditTone, string> = {
  neutral: "bg-muted text-muted-foreground",
  accent: "bg-accent text-accent-foreground",
  success: "bg-success-soft text-success",
  warning: "bg-warning-soft text-warning",
  danger: "bg-destructive-soft text-destructive",
};

/** Where the thing an entry is about can be looked at now. */
function subjectHref(entry: AuditEntry): string | null {
  if (entry.subject_type === "course") return `/admin/courses/${entry.subject_id}`;
  if (entry.subject_type === "topic" && entry.action !== "topic.deleted") return "/admin/topics";
  return null;
}

function previousStatus(entry: AuditEntry): string | null {
  const from = entry.data.from;
  return from && from in STATUS_LABELS ? STATUS_LABELS[from as CourseStatus] : null;
}

/** One line of the log: who did what to which thing, when, and why. */
export function AuditEntryItem({ entry, showSubjectFilter }: { entry: AuditEntry; showSubjectFilter: boolean }) {
  const words = describeAuditAction(entry.action);
  const Icon = ICONS[entry.action] ?? CircleDot;
  const href = subjectHref(entry);
  const from = previousStatus(entry);
  return (
    <li className="grid grid-cols-[2rem_minmax(0,1fr)] gap-3 px-4 py-4 sm:px-5" data-testid="audit-entry" data-action={entry.action}>
      <span className={cn("flex size-8 items-center justify-center rounded-full", ICON_TONES[words.tone])}>
        <Icon className="size-4" aria-hidden />
      </span>
      <div className="grid min-w-0 gap-1.5">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <p className="min-w-0 text-sm">
            <span className="font-medium">{entry.actor?.display_name ?? "Lectern"}</span> {words.verb}{" "}
            {href ? (
              <Link href={href} className="font-medium text-primary underline-offset-4 hover:underline">
                “{entry.subject_label}”
              </Link>
            ) : (
              <span className="font-medium">“{entry.subject_label}”</span>
            )}
            {words.after}
            {from && <span className="text-muted-foreground"> (was {from.toLowerCase()})</span>}
            {entry.data.student && <span className="text-muted-foreground"> ({entry.data.student})</span>}
          </p>
          <p className="text-xs whitespace-nowrap text-muted-foreground">
            <LocalTime iso={entry.created_at} withTime />
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={words.tone}>{words.label}</Badge>
          {showSubjectFilter && (
            <Link href={`/admin/audit?subject=${entry.subject_id}`} className="text-xs text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
              Everything about this {entry.subject_type === "topic" ? "topic" : "course"}
            </Link>
          )}
        </div>
        {entry.reason && (
          <blockquote className="rounded-md border-l-2 border-warning bg-muted/60 px-3 py-2 text-sm whitespace-pre-line">
            <span className="sr-only">Reason: </span>
            {entry.reason}
          </blockquote>
        )}
      </div>
    </li>
  );
}
