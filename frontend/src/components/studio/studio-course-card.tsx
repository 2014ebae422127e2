"use client";

import { Copy, Eye, MoreHorizontal, Pencil } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import { useDuplicateCourse } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { StudioCourseSummary } from "@/lib/api/models";
import { formatDuration, formatPrice } from "@/lib/format/course";
import { CourseCoverImage } from "./course-cover-image";
import { CourseStatusBadge } from "./course-status-badge";
import { timeAgo } from "@/lib/format/time-ago";

/** One course in "Your courses": the whole card opens the editor; the menu has the rest. */
export function StudioCourseCard({ course, viewerId }: { course: StudioCourseSummary; viewerId: string }) {
  const duplicate = useDuplicateCourse();
  const editor = `/studio/courses/${course.id}`;
  const lessons = `${course.lesson_count} ${course.lesson_count === 1 ? "lesson" : "lessons"}`;

  const makeCopy = () =>
    duplicate.mutate(course.id, {
      onSuccess: (copy) => toast.success(`“${copy.title}” is ready as a new draft.`),
      onError: (error) => toast.error(describeError(error)),
    });

  return (
    <li
      data-testid="studio-course"
      data-course-title={course.title}
      className="group relative flex gap-3 overflow-hidden rounded-xl border border-border bg-surface p-3 shadow-xs transition-shadow focus-within:ring-2 focus-within:ring-ring hover:shadow-md sm:flex-col sm:gap-0 sm:p-0"
    >
      {/* A thumbnail beside the text on phones, a full-width cover above it on wider screens. */}
      <CourseCoverImage src={course.cover_url} className="w-24 shrink-0 self-start rounded-md sm:w-full sm:rounded-none" />
      <div className="flex min-w-0 flex-1 flex-col gap-2 sm:gap-3 sm:p-4">
        <div className="flex items-start justify-between gap-2">
          <CourseStatusBadge status={course.status} />
          <span className="text-sm font-medium">{formatPrice(course.price_amount, course.currency)}</span>
        </div>
        <h2 className="line-clamp-3 text-sm leading-snug font-semibold sm:line-clamp-2 sm:text-base">
          {/* The link's ::after covers the card, so anywhere on it opens the editor. */}
          <Link href={editor} className="outline-none after:absolute after:inset-0 after:content-['']">
            {course.title}
          </Link>
        </h2>
        {course.status === "rejected" && course.review_reason && (
          <div className="rounded-md bg-warning-soft px-3 py-2 text-sm">
            <p className="line-clamp-2">
              <span className="font-medium">Reviewer: </span>
              {course.review_reason}
            </p>
          </div>
        )}
        <p className="text-sm text-muted-foreground">
          {lessons}
          {course.duration_seconds > 0 && <> · {formatDuration(course.duration_seconds)}</>}
          {course.owner.id !== viewerId && <> · with {course.owner.display_name}</>}
        </p>
        <div className="mt-auto flex items-center justify-between gap-2 pt-1 text-xs text-muted-foreground">
          <span>
            Edited <time dateTime={course.updated_at}>{timeAgo(course.updated_at)}</time>
          </span>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="icon" className="relative z-10 size-8" aria-label={`More actions for ${course.title}`}>
                <MoreHorizontal aria-hidden />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem asChild>
                <Link href={editor}>
                  <Pencil aria-hidden /> Edit
                </Link>
              </DropdownMenuItem>
              <DropdownMenuItem asChild>
                <Link href={`${editor}/preview`}>
                  <Eye aria-hidden /> Preview as student
                </Link>
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={makeCopy} disabled={duplicate.isPending}>
                <Copy aria-hidden /> Duplicate
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      </div>
    </li>
  );
}
