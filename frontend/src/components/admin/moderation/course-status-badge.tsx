import { Badge } from "@/components/ui/badge";
import type { CourseStatus } from "@/lib/api/models";
import { STATUS_LABELS } from "@/lib/format/course";

const TONES = {
  draft: "neutral",
  in_review: "warning",
  published: "success",
  rejected: "danger",
  unlisted: "accent",
  archived: "neutral",
} as const satisfies Record<CourseStatus, string>;

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
