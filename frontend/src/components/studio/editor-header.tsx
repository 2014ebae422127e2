"use client";

import { ArrowLeft, ExternalLink, Eye } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { StudioCourse } from "@/lib/api/models";
import { CourseActionsMenu } from "./course-actions-menu";
import { CourseStatusBadge } from "./course-status-badge";

/** The course's name and status, and the ways out: back, preview, the live page. */
export function EditorHeader({ course, title }: { course: StudioCourse; title: string }) {
  const live = course.status === "published" || course.status === "unlisted";
  return (
    <header className="grid gap-3">
      <Link href="/studio" className="inline-flex w-fit items-center gap-1 rounded text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> Your courses
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="grid min-w-0 flex-1 basis-64 gap-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <CourseStatusBadge status={course.status} />
            {course.owner && <span className="text-xs text-muted-foreground">Owner: {course.owner.display_name}</span>}
          </div>
          <h1 className="font-display text-2xl font-semibold tracking-tight break-words sm:text-3xl">{title.trim() || "Untitled course"}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button asChild variant="secondary">
            <Link href={`/studio/courses/${course.id}/preview`}>
              <Eye aria-hidden /> Preview as student
            </Link>
          </Button>
          {live && (
            <Button asChild variant="ghost">
              <Link href={`/courses/${course.slug}`}>
                <ExternalLink aria-hidden /> View in catalog
              </Link>
            </Button>
          )}
          <CourseActionsMenu course={course} />
        </div>
      </div>
    </header>
  );
}
