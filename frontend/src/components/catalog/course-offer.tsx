import { CalendarClock, Clock, Eye, Globe, ListVideo, PlayCircle, ChartNoAxesColumnIncreasing, type LucideIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import type { CourseLanding } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { lessonHref, pluralize, previewLessons } from "@/lib/catalog/course-outline";
import { languageName } from "@/lib/catalog/language-name";
import { formatDuration, formatPrice, LEVEL_LABELS } from "@/lib/format/course";

type OfferProps = { course: CourseLanding; mode: "public" | "preview"; noteId: string };

/**
 * The price and what to do next. Enrolment and payment come in later releases, so the only real
 * action today is reading the free previews; the card says so instead of showing a dead "Buy".
 */
export function CourseOffer({ course, mode, noteId }: OfferProps) {
  const previews = previewLessons(course);
  const first = previews[0];
  const inert = mode === "preview";
  return (
    <div className="grid gap-4 p-5">
      <p className="font-display text-3xl font-semibold tracking-tight">
        <span className="sr-only">Price: </span>
        {formatPrice(course.price_amount, course.currency)}
      </p>
      <div className="grid gap-2">
        {first &&
          (inert ? (
            <span className={cn(buttonVariants({ size: "lg" }), "w-full opacity-70")} aria-disabled="true">
              <PlayCircle aria-hidden /> Start with the free preview
            </span>
          ) : (
            <Button asChild size="lg" className="w-full">
              <Link href={lessonHref(course.slug, first.id)}>
                <PlayCircle aria-hidden /> Start with the free preview
              </Link>
            </Button>
          ))}
        <button
          type="button"
          aria-disabled="true"
          aria-describedby={noteId}
          className={cn(buttonVariants({ variant: "secondary", size: "lg" }), "w-full cursor-not-allowed text-muted-foreground hover:bg-surface")}
        >
          <CalendarClock aria-hidden /> Enrolment opens soon
        </button>
        <p id={noteId} className="text-xs text-muted-foreground">
          {inert
            ? "Buttons are inactive in this preview."
            : `Enrolling and buying courses arrive in an upcoming Lectern release. ${
                first ? "Until then, the free preview lessons are open to everyone." : "Until then, look through the curriculum below."
              }`}
        </p>
      </div>
      <div className="grid gap-2 border-t border-border pt-4">
        <h2 className="text-sm font-semibold">This course includes</h2>
        <ul className="grid gap-2 text-sm text-muted-foreground">
          {course.duration_seconds > 0 && <Fact icon={Clock}>{formatDuration(course.duration_seconds)} of material</Fact>}
          <Fact icon={ListVideo}>{pluralize(course.lesson_count, "lesson")}</Fact>
          {previews.length > 0 && <Fact icon={Eye}>{pluralize(previews.length, "free preview lesson")}</Fact>}
          <Fact icon={ChartNoAxesColumnIncreasing}>{LEVEL_LABELS[course.level]}</Fact>
          <Fact icon={Globe}>Taught in {languageName(course.language)}</Fact>
        </ul>
      </div>
    </div>
  );
}

function Fact({ icon: Icon, children }: { icon: LucideIcon; children: ReactNode }) {
  return (
    <li className="flex items-center gap-2.5">
      <Icon className="size-4 shrink-0 text-foreground/70" aria-hidden />
      <span>{children}</span>
    </li>
  );
}
