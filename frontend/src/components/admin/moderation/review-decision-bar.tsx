"use client";

import { Check, Undo2 } from "lucide-react";
import type { RefObject } from "react";
import { UserAvatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { AdminCourse } from "@/lib/api/models";
import { ReasonDialog } from "./reason-dialog";

type ReviewDecisionBarProps = {
  course: AdminCourse;
  titleRef: RefObject<HTMLHeadingElement | null>;
  onApprove: () => void;
  onReject: (reason: string) => Promise<unknown>;
  /** While the previous decision settles; see ReviewQueue. */
  approveDisabled: boolean;
};

/** Who submitted the course and when, with the two decisions an admin can take on it. */
export function ReviewDecisionBar({ course, titleRef, onApprove, onReject, approveDisabled }: ReviewDecisionBarProps) {
  return (
    <div className="grid gap-3 rounded-xl border border-border bg-surface p-4 shadow-xs sm:flex sm:items-center sm:justify-between">
      <div className="flex min-w-0 items-center gap-3">
        <UserAvatar name={course.owner.display_name} src={course.owner.avatar_url} className="hidden sm:inline-flex" />
        <div className="grid min-w-0 gap-0.5">
          <h2 ref={titleRef} tabIndex={-1} className="line-clamp-2 text-lg leading-snug font-semibold tracking-tight break-words outline-none">
            {course.title}
          </h2>
          <p className="text-sm text-muted-foreground">
            By {course.owner.display_name}
            {course.submitted_at && (
              <>
                {" "}
                · submitted <LocalTime iso={course.submitted_at} withTime />
              </>
            )}
          </p>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:shrink-0">
        <ReasonDialog
          trigger={
            <Button variant="secondary">
              <Undo2 aria-hidden /> Reject
            </Button>
          }
          title={<>Send “{course.title}” back?</>}
          description="The course returns to its team as “Changes requested”. They get your reason by email and in the studio, and can resubmit once they have made the changes."
          confirmLabel="Send back to instructor"
          onConfirm={onReject}
        />
        <Button onClick={onApprove} disabled={approveDisabled}>
          <Check aria-hidden /> Approve
        </Button>
      </div>
    </div>
  );
}
