"use client";

import { ArrowRight, ClipboardCheck, FolderTree, LibraryBig, type LucideIcon, ScrollText, UsersRound } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { useInstructorApplications } from "@/hooks/queries/admin";
import { useAdminCourses, useAuditLog, useReviewQueue, useTopicTree } from "@/hooks/queries/moderation";
import { cn } from "@/lib/class-names";
import { describeAuditAction } from "../audit/audit-actions";
import { timeAgo } from "@/lib/format/time-ago";
import { useNow } from "./use-now";

type Figure = { pending: boolean; error: boolean; text: ReactNode };

function figure<T>(query: { isPending: boolean; isError: boolean; data: T | undefined }, text: (data: T) => ReactNode): Figure {
  return { pending: query.isPending, error: query.isError, text: query.data === undefined ? null : text(query.data) };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Each admin section with the one figure that says whether it needs attention. */
export function AdminOverview() {
  const now = useNow();
  const queue = useReviewQueue();
  const applications = useInstructorApplications("pending");
  const live = useAdminCourses({ q: "", status: "published" });
  const topics = useTopicTree();
  const audit = useAuditLog({ action: null, subjectId: null });
  const latest = audit.data?.pages[0]?.items[0];

  const oldest = queue.data?.[0]?.submitted_at;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <SectionCard
        href="/admin/reviews"
        icon={ClipboardCheck}
        title="Review queue"
        urgent={(queue.data?.length ?? 0) > 0}
        figure={figure(queue, (waiting) => (waiting.length === 0 ? "Nothing waiting" : plural(waiting.length, "course waiting", "courses waiting")))}
        detail={oldest ? `The oldest was submitted ${timeAgo(oldest, now)}.` : "Submitted courses wait here for a decision."}
      />
      <SectionCard
        href="/admin/users"
        icon={UsersRound}
        title="People"
        urgent={(applications.data?.length ?? 0) > 0}
        figure={figure(applications, (pending) => (pending.length === 0 ? "No applications waiting" : plural(pending.length, "application to teach", "applications to teach")))}
        detail="Instructor applications, and who holds which role."
      />
      <SectionCard
        href="/admin/courses"
        icon={LibraryBig}
        title="Courses"
        figure={figure(live, (courses) => `${courses.length >= 200 ? "200+" : courses.length} published`)}
        detail="Every course, whatever its status; unpublish one that breaks the rules."
      />
      <SectionCard
        href="/admin/topics"
        icon={FolderTree}
        title="Topics"
        figure={figure(topics, (tree) => plural(tree.length, "topic", "topics"))}
        detail="The category tree the catalog is filed under."
      />
      <SectionCard
        href="/admin/audit"
        icon={ScrollText}
        title="Audit log"
        figure={figure(audit, () => (latest ? `${describeAuditAction(latest.action).label} ${timeAgo(latest.created_at, now)}` : "Nothing recorded yet"))}
        detail={latest ? `Latest: “${latest.subject_label}”, by ${latest.actor?.display_name ?? "Lectern"}.` : "Every decision, who took it and why."}
      />
    </ul>
  );
}

type SectionCardProps = { href: string; icon: LucideIcon; title: string; figure: Figure; detail: string; urgent?: boolean };

function SectionCard({ href, icon: Icon, title, figure, detail, urgent = false }: SectionCardProps) {
  return (
    <li>
      <Link
        href={href}
        className={cn(
          "group grid h-full content-start gap-3 rounded-xl border bg-surface p-5 shadow-xs transition-colors hover:border-primary/40 hover:bg-accent/30",
          urgent ? "border-warning/50" : "border-border",
        )}
      >
        <span className="flex items-center justify-between gap-2">
          <span className="flex items-center gap-2 font-semibold">
            <span className={cn("flex size-8 items-center justify-center rounded-lg", urgent ? "bg-warning-soft text-warning" : "bg-accent text-accent-foreground")}>
              <Icon className="size-4" aria-hidden />
            </span>
            {title}
          </span>
          <ArrowRight className="size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5" aria-hidden />
        </span>
        <div className="text-xl font-semibold tracking-tight">
          {figure.pending ? <Skeleton className="h-7 w-40" /> : figure.error ? <span className="text-base text-muted-foreground">Couldn&apos;t load</span> : figure.text}
        </div>
        <span className="text-sm text-muted-foreground">{detail}</span>
      </Link>
    </li>
  );
}
