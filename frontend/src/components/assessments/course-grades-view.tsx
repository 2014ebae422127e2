"use client";

import { ArrowLeft, ClipboardPen, GraduationCap, ListChecks } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useMyGrades } from "@/hooks/queries/assessments";
import { formatDueShort, formatPoints } from "@/lib/assessments/format";
import { lessonHref } from "@/lib/catalog/course-outline";

/** The student's grades in one course: each quiz and assignment, where it stands, its grade. */
export function CourseGradesView({ courseId, timeZone }: { courseId: string; timeZone: string }) {
  const grades = useMyGrades(courseId);
  return (
    <div className="mx-auto grid max-w-4xl gap-6 px-4 py-8 sm:px-6 sm:py-10">
      <Link href="/learning" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> My learning
      </Link>
      {grades.isPending ? (
        <div className="grid gap-3" aria-busy="true">
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-40 w-full" />
          <span className="sr-only">Loading your grades…</span>
        </div>
      ) : grades.isError ? (
        <QueryError error={grades.error} onRetry={() => void grades.refetch()} />
      ) : (
        <>
          <header className="grid gap-1">
            <h1 className="font-display text-3xl font-semibold tracking-tight">My grades</h1>
            <p className="text-muted-foreground">
              {grades.data.course_title}
              {grades.data.percent !== null && (
                <>
                  {" "}
                  · {formatPoints(grades.data.points)} of {formatPoints(grades.data.max_points)} points so far ({grades.data.percent}%)
                </>
              )}
            </p>
          </header>
          {grades.data.items.length === 0 ? (
            <EmptyState icon={GraduationCap} title="No quizzes or assignments in this course">
              Grades show up here once the course has something to grade.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-border rounded-xl border border-border bg-surface" data-testid="my-grades">
              {grades.data.items.map((item) => {
                const Icon = item.kind === "quiz" ? ListChecks : ClipboardPen;
                return (
                  <li key={item.lesson_id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                    <div className="grid min-w-0 gap-0.5">
                      <Link href={lessonHref(grades.data.course_slug, item.lesson_id)} className="inline-flex items-center gap-2 font-medium hover:underline">
                        <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden /> {item.lesson_title}
                      </Link>
                      <p className="text-xs text-muted-foreground">
                        {item.section_title}
                        {item.due_at && <> · due {formatDueShort(item.due_at, timeZone)}</>}
                      </p>
                    </div>
                    <div className="flex items-center gap-2 text-sm">
                      {item.grade ? (
                        <>
                          <span className="font-semibold tabular-nums">
                            {formatPoints(item.grade.points ?? 0)} / {formatPoints(item.grade.max_points)}
                          </span>
                          <span className="text-muted-foreground">{item.grade.percent}%</span>
                          {item.grade.new && <Badge tone="accent">New</Badge>}
                          {item.grade.late && <Badge tone="warning">Late</Badge>}
                        </>
                      ) : item.state === "submitted" ? (
                        <Badge>Waiting for grading</Badge>
                      ) : (
                        <Badge tone="neutral">Not handed in</Badge>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
