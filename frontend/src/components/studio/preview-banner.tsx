import { ArrowLeft, Eye } from "lucide-react";
import Link from "next/link";
import type { CourseStatus } from "@/lib/api/models";
import { STATUS_LABELS } from "@/lib/format/course";

/** Stays on top of the preview, so no one mistakes it for the live page. */
export function PreviewBanner({ courseId, status }: { courseId: string; status: CourseStatus }) {
  const live = status === "published" || status === "unlisted";
  return (
    <div role="region" aria-label="Preview" className="sticky top-16 z-30 border-b border-primary/30 bg-accent text-accent-foreground">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2 text-sm sm:px-6">
        <p className="flex items-center gap-2 font-medium">
          <Eye className="size-4 shrink-0" aria-hidden />
          <span>
            Preview — this is how students will see your course
            {!live && <span className="font-normal"> ({STATUS_LABELS[status].toLowerCase()}: only your team can open it)</span>}
          </span>
        </p>
        <Link href={`/studio/courses/${courseId}`} className="inline-flex items-center gap-1 rounded font-medium underline-offset-4 hover:underline">
          <ArrowLeft className="size-4" aria-hidden /> Back to the editor
        </Link>
      </div>
    </div>
  );
}
