import type { ComponentProps } from "react";
import { Badge } from "@/components/ui/badge";
import type { CourseStatus } from "@/lib/api/models";
import { STATUS_LABELS } from "@/lib/format/course";

const TONES: Record<CourseStatus, ComponentProps<typeof Badge>["tone"]> = {
  draft: "neutral",
  in_review: "accent",
  published: "success",
  rejected: "warning",
  unlisted: "accent",
  archived: "neutral",
};

export function CourseStatusBadge({ status, className }: { status: CourseStatus; className?: string }) {
  return (
    <Badge tone={TONES[status]} className={className}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
