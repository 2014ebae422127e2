"use client";

import { CheckCircle2, Circle, Send, Undo2 } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { toast } from "@/components/ui/toaster";
import { useSubmitCourse, useWithdrawCourse } from "@/hooks/queries/studio";
import { ApiError, describeError, isApiError } from "@/lib/api/errors";
import type { StudioCourse } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { CourseStatusBadge } from "./course-status-badge";
import { ReviewHistory } from "./review-history";
import { STATUS_EXPLANATIONS } from "./review-words";
import type { SaveStatus } from "./use-autosave";
import { VisibilityCard } from "./visibility-card";

type ReviewTabProps = { course: StudioCourse; saveStatus: SaveStatus };

/** Where the course stands, what the reviewer said, and the one next step. */
export function ReviewTab({ course, saveStatus }: ReviewTabProps) {
  const live = course.status === "published" || course.status === "unlisted" || course.status === "archived";
  const draft = course.status === "draft" || course.status === "rejected";
  return (
    <div className="grid gap-6">
      <Card aria-labelledby="status-title">
        <CardHeader>
          <div className="flex flex-wrap items-center gap-2">
            <CardTitle id="status-title">Status</CardTitle>
            <CourseStatusBadge status={course.status} />
          </div>
          <CardDescription className="text-base text-foreground/85">{STATUS_EXPLANATIONS[course.status]}</CardDescription>
        </CardHeader>
        {(draft || course.status === "in_review") && (
          <CardContent className="grid gap-5">
            {course.review_reason && draft && <ReviewerNote course={course} />}
            {draft && <SubmitPanel course={course} saveStatus={saveStatus} />}
            {course.status === "in_review" && <WithdrawPanel course={course} />}
          </CardContent>
        )}
      </Card>
      {live && <VisibilityCard key={course.status} course={course} />}
      <Card aria-labelledby="history-title">
        <CardHeader>
          <CardTitle id="history-title">History</CardTitle>
          <CardDescription>Submissions, decisions and visibility changes.</CardDescription>
        </CardHeader>
        <CardContent>
          <ReviewHistory courseId={course.id} />
        </CardContent>
      </Card>
    </div>
  );
}

function ReviewerNote({ course }: { course: StudioCourse }) {
  return (
    <Alert tone="warning" title={course.status === "rejected" ? "The reviewer asked for changes" : "Notes from the last review"}>
      <p className="whitespace-pre-line">{course.review_reason}</p>
      {course.reviewed_at && (
        <p className="mt-2 text-xs text-muted-foreground">
          Reviewed <LocalTime iso={course.reviewed_at} withTime />
        </p>
      )}
    </Alert>
  );
}

function SubmitPanel({ course, saveStatus }: ReviewTabProps) {
  const submit = useSubmitCourse(course.id);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const waiting = saveStatus === "unsaved" || saveStatus === "saving" || saveStatus === "retrying";
  const checks = [
    { done: course.description.trim().length > 0, label: "A description", required: true },
    { done: course.lesson_count > 0, label: "At least one lesson", required: true },
    { done: course.cover_url !== null, label: "A cover picture", required: false },
    { done: course.outcomes.length > 0, label: "What students will learn", required: false },
  ];

  const send = () => {
    setProblem(null);
    submit.mutate(undefined, {
      onSuccess: () => toast.success("Submitted for review. You'll get an email when an admin has decided."),
      onError: (error) => (error instanceof ApiError ? setProblem(error) : toast.error(describeError(error))),
    });
  };

  const missing = isApiError(problem, "course_incomplete") && typeof problem.details?.missing === "string" ? problem.details.missing.split(", ") : null;

  return (
    <div className="grid gap-4">
      <div className="grid gap-2">
        <h3 className="text-sm font-medium">Before you submit</h3>
        <ul className="grid gap-1.5 text-sm">
          {checks.map((check) => (
            <li key={check.label} className="flex items-center gap-2">
              {check.done ? <CheckCircle2 className="size-4 text-success" aria-hidden /> : <Circle className="size-4 text-muted-foreground" aria-hidden />}
              <span className={cn(!check.done && "text-muted-foreground")}>
                {check.label}
                <span className="sr-only">{check.done ? ": done" : ": not yet"}</span>
                {!check.required && <span className="text-muted-foreground"> (recommended)</span>}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {problem && (
        <Alert tone="error" title={missing ? "The course isn't ready for review yet" : "The course wasn't submitted"}>
          {missing ? (
            <>
              It still needs:
              <ul className="mt-1 list-disc pl-5">
                {missing.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          ) : (
            describeError(problem)
          )}
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={send} pending={submit.isPending} disabled={waiting}>
          <Send aria-hidden /> Submit for review
        </Button>
        {waiting && <p className="text-sm text-muted-foreground">Waiting for your latest changes to save…</p>}
      </div>
    </div>
  );
}

function WithdrawPanel({ course }: { course: StudioCourse }) {
  const withdraw = useWithdrawCourse(course.id);
  return (
    <div className="flex flex-wrap items-center gap-3">
      {course.submitted_at && (
        <p className="text-sm text-muted-foreground">
          Submitted <LocalTime iso={course.submitted_at} withTime />.
        </p>
      )}
      <Button
        variant="secondary"
        pending={withdraw.isPending}
        onClick={() =>
          withdraw.mutate(undefined, {
            onSuccess: () => toast.success("Withdrawn. The course is a draft again and can be edited."),
            onError: (error) => toast.error(describeError(error)),
          })
        }
      >
        <Undo2 aria-hidden /> Withdraw from review
      </Button>
    </div>
  );
}
