"use client";

import { Award, Check } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ProgressBar } from "@/components/studio/video/progress-bar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useCourseProgress, useLessonCompletion } from "@/hooks/queries/progress";
import { describeError } from "@/lib/api/errors";
import { progressSummary } from "@/lib/progress/course-progress";

/**
 * An enrolled student's progress in the course, over the lesson: "37% complete · 3 of 8
 * lessons" with a bar, and once the course is complete a banner with the way to the certificate.
 * It follows the progress query, which the player and the Done button keep fresh.
 */
export function CourseProgressHeader({ courseId }: { courseId: string }) {
  const progress = useCourseProgress(courseId, true);

  if (progress.isPending) {
    return (
      <div className="grid gap-2" aria-busy>
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-2 w-full rounded-full" />
        <span className="sr-only">Loading your progress…</span>
      </div>
    );
  }
  if (progress.isError) {
    return (
      <p role="alert" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
        Couldn&apos;t load your progress in this course. {describeError(progress.error)}
        <Button variant="link" size="sm" onClick={() => void progress.refetch()}>
          Try again
        </Button>
      </p>
    );
  }

  const data = progress.data;
  const summary = progressSummary(data);
  return (
    <div className="grid gap-3">
      <div className="grid gap-1.5" data-testid="course-progress">
        <p className="text-sm font-medium" aria-hidden>
          {summary}
        </p>
        <ProgressBar label="Your progress in this course" value={data.percent} valueText={summary} tone="primary" />
      </div>
      {data.completed_at && (
        <Alert tone="success" title="You've completed this course" data-testid="course-complete">
          {data.certificate_code ? (
            <Link
              href={`/certificates/${encodeURIComponent(data.certificate_code)}`}
              className="inline-flex items-center gap-1.5 font-medium text-primary underline-offset-4 hover:underline"
            >
              <Award className="size-4" aria-hidden />
              View your certificate
            </Link>
          ) : (
            <>Well done: every lesson is done.</>
          )}
        </Alert>
      )}
    </div>
  );
}

type LessonCompletionProps = {
  courseId: string;
  lessonId: string;
  sectionId: string | null;
  /** An article completes once the student has scrolled to its end. */
  readToEnd: boolean;
};

/**
 * "Mark as done" / "Done ✓ (undo)" under a lesson that completes by the student's word (an
 * article, or a video lesson whose video isn't there yet). With `readToEnd`, a marker after the
 * text marks the lesson read the first time it scrolls into view — once per visit, so an undo
 * sticks while the student is still on the page.
 */
export function LessonCompletion({ courseId, lessonId, sectionId, readToEnd }: LessonCompletionProps) {
  const progress = useCourseProgress(courseId, true);
  const completion = useLessonCompletion(courseId);
  const [announcement, setAnnouncement] = useState("");
  const endRef = useRef<HTMLDivElement>(null);
  const readOnce = useRef(false);

  const mark = progress.data?.lessons.find((lesson) => lesson.lesson_id === lessonId);
  const done = mark?.completed ?? false;
  // Completed by another rule (a video watched, a quiz passed): not the student's to undo here.
  const undoable = !done || mark?.completed_by === "read" || mark?.completed_by === "marked";
  const known = progress.data !== undefined;

  const { mutate } = completion;
  useEffect(() => {
    const end = endRef.current;
    if (!readToEnd || !known || done || readOnce.current || !end || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting) || readOnce.current) return;
      readOnce.current = true;
      observer.disconnect();
      mutate({ lessonId, sectionId, completed: true, by: "read" }, { onSuccess: () => setAnnouncement("Lesson marked as read.") });
    });
    observer.observe(end);
    return () => observer.disconnect();
  }, [readToEnd, known, done, lessonId, sectionId, mutate]);

  const toggle = () => {
    // Whatever the student does by hand, the marker doesn't undo it.
    readOnce.current = true;
    const completed = !done;
    mutate(
      { lessonId, sectionId, completed, by: "marked" },
      { onSuccess: () => setAnnouncement(completed ? "Lesson marked as done." : "Lesson no longer marked as done.") },
    );
  };

  return (
    <div className="grid gap-2">
      {readToEnd && <div ref={endRef} aria-hidden className="h-px" data-testid="read-to-end" />}
      {known && undoable && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant={done ? "secondary" : "primary"}
            size="sm"
            onClick={toggle}
            pending={completion.isPending}
            data-testid="lesson-done-toggle"
            data-done={done || undefined}
          >
            {done ? (
              <>
                <span>
                  Done <span aria-hidden>✓</span>
                </span>
                <span className="text-muted-foreground">(undo)</span>
              </>
            ) : (
              <>
                <Check aria-hidden /> Mark as done
              </>
            )}
          </Button>
        </div>
      )}
      {completion.isError && (
        <p role="alert" className="text-sm text-destructive">
          {describeError(completion.error)}
        </p>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
