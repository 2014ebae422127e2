"use client";

import { Sparkles, Tag, TrendingUp, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { CourseCard, CourseCardSkeleton } from "@/components/catalog/course-card";
import { QueryError } from "@/components/ui/query-error";
import { useRecommendations } from "@/hooks/queries/learning";
import type { Recommendation, RecommendationReason } from "@/lib/api/models";

const REASON_ICONS: Record<RecommendationReason["kind"], LucideIcon> = {
  because_you_took: Sparkles,
  popular_in_topic: Tag,
  popular: TrendingUp,
};

type RecommendationsProps = { initial: Recommendation[] | null; fetchedAt: number; title: string };

/** Courses to take next, each under the reason it is suggested. */
export function Recommendations({ initial, fetchedAt, title }: RecommendationsProps) {
  const query = useRecommendations(initial ?? undefined, initial ? fetchedAt : undefined);
  return (
    <section aria-labelledby="recommendations" className="grid gap-4">
      <h2 id="recommendations" className="font-display text-xl font-semibold tracking-tight">
        {title}
      </h2>
      {query.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-busy>
          <span className="sr-only" role="status">
            Loading suggestions…
          </span>
          {[0, 1, 2].map((card) => (
            <CourseCardSkeleton key={card} />
          ))}
        </div>
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          Nothing new to suggest right now.{" "}
          <Link href="/courses" className="font-medium text-primary hover:underline">
            Browse every course
          </Link>
          .
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {query.data.map(({ course, reason }) => {
            const Icon = REASON_ICONS[reason.kind];
            return (
              <li key={course.id} className="grid min-w-0 grid-rows-[auto_1fr] gap-2">
                <p className="flex items-start gap-1.5 text-xs font-medium text-muted-foreground">
                  <Icon className="mt-px size-3.5 shrink-0 text-primary" aria-hidden />
                  {/* A long course name wraps (two lines at most) rather than widening the page. */}
                  <span className="line-clamp-2 min-w-0">{reason.text}</span>
                </p>
                <CourseCard course={course} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
