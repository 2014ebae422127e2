"use client";

import type { ReactNode } from "react";
import { toast } from "@/components/ui/toaster";
import { useUnpublishCourse } from "@/hooks/queries/moderation";
import type { AdminCourse } from "@/lib/api/models";
import { ReasonDialog } from "./reason-dialog";

/** Takes a live course out of the catalog, with the reason its team will read. */
export function UnpublishCourseDialog({ course, trigger }: { course: Pick<AdminCourse, "id" | "title">; trigger: ReactNode }) {
  const unpublish = useUnpublishCourse();
  return (
    <ReasonDialog
      trigger={trigger}
      title={<>Unpublish “{course.title}”?</>}
      description="The course leaves the catalog at once and becomes a draft. Its team gets your reason by email and can resubmit it for review."
      confirmLabel="Unpublish course"
      onConfirm={(reason) =>
        unpublish.mutateAsync({ courseId: course.id, reason }).then(() => toast.success("Unpublished — the instructor was emailed", { description: course.title }))
      }
    />
  );
}
