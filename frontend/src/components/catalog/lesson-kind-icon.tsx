import { ClipboardList, FileText, ListChecks, PlayCircle, type LucideProps } from "lucide-react";
import type { LessonKind } from "@/lib/api/models";

const ICONS = { video: PlayCircle, article: FileText, quiz: ListChecks, assignment: ClipboardList } as const;

/** The kind of a lesson at a glance; decorative, so pair it with the kind's name in text. */
export function LessonKindIcon({ kind, ...props }: { kind: LessonKind } & LucideProps) {
  const Icon = ICONS[kind];
  return <Icon aria-hidden {...props} />;
}
