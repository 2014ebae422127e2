import { GraduationCap } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { NewGrade } from "@/lib/api/models";
import { formatPoints } from "@/lib/assessments/format";
import { lessonHref } from "@/lib/catalog/course-outline";

/** Grades released since the student last looked: each opens its lesson, with the feedback. */
export function NewGrades({ grades }: { grades: NewGrade[] }) {
  if (grades.length === 0) return null;
  return (
    <section aria-labelledby="new-grades" className="grid gap-3 rounded-xl border border-primary/30 bg-accent/40 p-5 shadow-xs" data-testid="new-grades">
      <h2 id="new-grades" className="flex items-center gap-2 font-semibold">
        <GraduationCap className="size-5 text-primary" aria-hidden /> New grades
      </h2>
      <ul className="grid gap-3">
        {grades.map((grade) => (
          <li key={grade.lesson_id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span className="grid">
              <Link href={lessonHref(grade.course_slug, grade.lesson_id)} className="font-medium hover:underline">
                {grade.lesson_title}
              </Link>
              <span className="text-xs text-muted-foreground">{grade.course_title}</span>
            </span>
            <span className="flex items-center gap-2">
              <span className="font-semibold tabular-nums">
                {formatPoints(grade.points)} / {formatPoints(grade.max_points)}
              </span>
              {grade.passed !== null && <Badge tone={grade.passed ? "success" : "warning"}>{grade.passed ? "Passed" : "Not passed"}</Badge>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
