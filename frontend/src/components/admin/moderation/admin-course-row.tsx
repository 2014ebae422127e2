"use client";

import { ClipboardCheck, EyeOff, History } from "lucide-react";
import Link from "next/link";
import { CourseCover } from "@/components/catalog/course-cover";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { AdminCourse } from "@/lib/api/models";
import { formatDuration } from "@/lib/format/course";
import { CourseStatusBadge } from "./course-status-badge";
import { courseHref, isPublic } from "./course-links";
import { UnpublishCourseDialog } from "./unpublish-course-dialog";

/** One course in the admin list: what it is, where it stands, and what an admin can do with it. */
export function AdminCourseRow({ course }: { course: AdminCourse }) {
  return (
    <li className="grid gap-3 p-4 md:grid-cols-[minmax(0,1fr)_auto] md:items-center" data-testid="admin-course" data-status={course.status}>
      <div className="flex min-w-0 gap-3">
        <CourseCover course={course} className="w-16 shrink-0 self-start rounded-md border border-border sm:w-24" />
        <div className="grid min-w-0 gap-1">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Link href={courseHref(course)} className="font-medium underline-offset-4 hover:underline">
              {course.title}
            </Link>
            <CourseStatusBadge status={course.status} />
          </p>
          <p className="text-sm text-muted-foreground">
            By {course.owner.display_name} · {course.lesson_count} {course.lesson_count === 1 ? "lesson" : "lessons"}
            {course.duration_seconds > 0 && `, ${formatDuration(course.duration_seconds)}`}
          </p>
          <p className="text-xs text-muted-foreground">
            Updated <LocalTime iso={course.updated_at} />
            {isPublic(course) && course.first_published_at && (
              <>
                {" "}
                · live since <LocalTime iso={course.first_published_at} />
              </>
            )}
          </p>
          {course.review_reason && (course.status === "rejected" || course.status === "draft") && (
            <p className="line-clamp-2 text-xs text-muted-foreground">
              <span className="font-medium text-foreground">{course.status === "rejected" ? "Sent back: " : "Last feedback: "}</span>
              {course.review_reason}
            </p>
          )}
        </div>
      </div>
      <div className="flex flex-wrap gap-2 md:justify-end">
        {course.status === "in_review" && (
          <Button asChild size="sm">
            <Link href={`/admin/reviews?course=${course.id}`}>
              <ClipboardCheck aria-hidden /> Review<span className="sr-only"> {course.title}</span>
            </Link>
          </Button>
        )}
        <Button asChild size="sm" variant="ghost">
          <Link href={`/admin/audit?subject=${course.id}`}>
            <History aria-hidden /> History<span className="sr-only"> of {course.title}</span>
          </Link>
        </Button>
        {isPublic(course) && (
          <UnpublishCourseDialog
            course={course}
            trigger={
              <Button size="sm" variant="secondary">
                <EyeOff aria-hidden /> Unpublish<span className="sr-only"> {course.title}</span>
              </Button>
            }
          />
        )}
      </div>
    </li>
  );
}
