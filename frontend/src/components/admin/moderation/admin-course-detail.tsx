"use client";

import { ArrowLeft, ClipboardCheck, ExternalLink, EyeOff, History, PencilLine } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { UserAvatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useCourseRecord } from "@/hooks/queries/moderation";
import { EnrolledStudentsCard } from "../enrollments/enrolled-students-card";
import { CoursePreview } from "./course-preview";
import { CourseStatusBadge } from "./course-status-badge";
import { isPublic } from "./course-links";
import { UnpublishCourseDialog } from "./unpublish-course-dialog";

/** Any course, whatever its status, as an admin looks into it: where it stands and how it reads. */
export function AdminCourseDetail({ courseId }: { courseId: string }) {
  const record = useCourseRecord(courseId);
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <Button asChild variant="ghost" size="sm" className="justify-self-start">
        <Link href="/admin/courses">
          <ArrowLeft aria-hidden /> All courses
        </Link>
      </Button>
      {record.isPending ? (
        <div className="grid gap-4" role="status">
          <span className="sr-only">Loading the course…</span>
          <Skeleton className="h-28" />
          <Skeleton className="h-96" />
        </div>
      ) : record.isError ? (
        <QueryError error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <>
          <header className="grid gap-4 rounded-xl border border-border bg-surface p-4 shadow-xs sm:p-5 md:grid-cols-[minmax(0,1fr)_auto] md:items-center">
            <div className="flex min-w-0 items-center gap-3">
              <UserAvatar name={record.data.owner.display_name} src={record.data.owner.avatar_url} className="hidden sm:inline-flex" />
              <div className="grid min-w-0 gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <h1 className="text-xl font-semibold tracking-tight">{record.data.title}</h1>
                  <CourseStatusBadge status={record.data.status} />
                </div>
                <p className="text-sm text-muted-foreground">
                  By {record.data.owner.display_name} · updated <LocalTime iso={record.data.updated_at} withTime />
                </p>
              </div>
            </div>
            <div className="flex flex-wrap gap-2 md:justify-end">
              {record.data.status === "in_review" && (
                <Button asChild size="sm">
                  <Link href={`/admin/reviews?course=${courseId}`}>
                    <ClipboardCheck aria-hidden /> Decide in the review queue
                  </Link>
                </Button>
              )}
              {isPublic(record.data) && (
                <Button asChild size="sm" variant="secondary">
                  <Link href={`/courses/${record.data.slug}`}>
                    <ExternalLink aria-hidden /> Public page
                  </Link>
                </Button>
              )}
              <Button asChild size="sm" variant="ghost">
                <Link href={`/studio/courses/${courseId}`}>
                  <PencilLine aria-hidden /> Open in studio
                </Link>
              </Button>
              <Button asChild size="sm" variant="ghost">
                <Link href={`/admin/audit?subject=${courseId}`}>
                  <History aria-hidden /> History
                </Link>
              </Button>
              {isPublic(record.data) && (
                <UnpublishCourseDialog
                  course={record.data}
                  trigger={
                    <Button size="sm" variant="secondary">
                      <EyeOff aria-hidden /> Unpublish
                    </Button>
                  }
                />
              )}
            </div>
          </header>
          {record.data.review_reason && (
            <Alert tone="warning" title={record.data.status === "rejected" ? "Sent back with this reason" : "Latest feedback to the instructor"}>
              <p className="whitespace-pre-line">{record.data.review_reason}</p>
            </Alert>
          )}
          <EnrolledStudentsCard courseId={courseId} courseTitle={record.data.title} />
          <CoursePreview courseId={courseId} title={record.data.title} />
        </>
      )}
    </div>
  );
}
