import { ArrowLeft, Eye } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type BuilderHeaderProps = {
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  lessonId: string;
  title: ReactNode;
  kind: string;
  editable: boolean;
};

/** The way back to the course, what is being built, and the student's view of it. */
export function BuilderHeader({ courseId, courseSlug, courseTitle, lessonId, title, kind, editable }: BuilderHeaderProps) {
  return (
    <header className="grid gap-3">
      <Link href={`/studio/courses/${encodeURIComponent(courseId)}#curriculum`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {courseTitle}
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <p className="text-sm font-medium text-muted-foreground">{kind}</p>
          <h1 className="font-display text-2xl font-semibold tracking-tight break-words sm:text-3xl">{title}</h1>
        </div>
        <Button asChild variant="secondary">
          <Link href={`/courses/${encodeURIComponent(courseSlug)}/lessons/${encodeURIComponent(lessonId)}`}>
            <Eye aria-hidden /> See it as a student
          </Link>
        </Button>
      </div>
      {!editable && (
        <Alert tone="warning" title="Waiting for review: editing is paused">
          The course is with an admin for review. Grading goes on; changes wait until it is back.
        </Alert>
      )}
    </header>
  );
}
