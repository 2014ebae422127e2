"use client";

import { Award, Compass } from "lucide-react";
import Link from "next/link";
import { CertificateCard } from "@/components/certificates/certificate-card";
import { Button } from "@/components/ui/button";
import { QueryError } from "@/components/ui/query-error";
import { useLearningDashboard } from "@/hooks/queries/learning";
import type { LearningDashboard as Dashboard, Recommendation } from "@/lib/api/models";
import { pluralize } from "@/lib/catalog/course-outline";
import { ContinueWatching } from "./continue-watching";
import { DashboardSkeleton } from "./dashboard-skeleton";
import { Deadlines } from "./deadlines";
import { MyCourses } from "./my-courses";
import { NewGrades } from "./new-grades";
import { RecentNotes } from "./recent-notes";
import { Recommendations } from "./recommendations";
import { WatchWeek } from "./watch-week";

type LearningDashboardProps = {
  initial: { dashboard: Dashboard | null; recommendations: Recommendation[] | null; fetchedAt: number };
};

/** "My learning": where the student left off, their courses, their week, notes and certificates,
 * and what to take next. Starts from the server's data; a failed server fetch is retried here. */
export function LearningDashboard({ initial }: LearningDashboardProps) {
  const query = useLearningDashboard(initial.dashboard ?? undefined, initial.dashboard ? initial.fetchedAt : undefined);
  const dashboard = query.data;
  const newcomer = dashboard !== undefined && dashboard.courses.length === 0;

  return (
    // One column that never grows past the screen (minmax(0, 1fr)): a long word or title
    // inside wraps or truncates instead of widening the page on a phone.
    <div className="mx-auto grid max-w-6xl grid-cols-1 gap-10 px-4 py-8 sm:px-6 sm:py-10">
      <header className="grid gap-1">
        <h1 className="font-display text-3xl font-semibold tracking-tight">My learning</h1>
        {dashboard && !newcomer && <p className="text-muted-foreground">{summary(dashboard)}</p>}
      </header>

      {query.isPending ? (
        <DashboardSkeleton />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : newcomer ? (
        <FirstCourse />
      ) : (
        <>
          <NewGrades grades={query.data.new_grades} />
          <ContinueWatching items={query.data.continue_watching} />
          <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <MyCourses courses={query.data.courses} />
            <div className="grid content-start gap-6">
              <Deadlines deadlines={query.data.deadlines} timeZone={query.data.time_zone} />
              <WatchWeek week={query.data.week} />
              <Certificates dashboard={query.data} />
              <RecentNotes notes={query.data.recent_notes} />
            </div>
          </div>
        </>
      )}

      <Recommendations initial={initial.recommendations} fetchedAt={initial.fetchedAt} title={newcomer ? "Popular places to start" : "Recommended for you"} />
    </div>
  );
}

function summary(dashboard: Dashboard): string {
  const completed = dashboard.courses.filter((c) => c.completed_at).length;
  const going = dashboard.courses.length - completed;
  const parts = [going > 0 ? `${pluralize(going, "course")} in progress` : null, completed > 0 ? `${completed.toLocaleString("en")} completed` : null];
  return parts.filter(Boolean).join(" · ");
}

function FirstCourse() {
  return (
    <section aria-labelledby="first-course" className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-border px-6 py-12 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground">
        <Compass className="size-6" aria-hidden />
      </span>
      <h2 id="first-course" className="font-display text-2xl font-semibold tracking-tight">
        Find your first course
      </h2>
      <p className="max-w-md text-sm text-muted-foreground">
        Courses you enrol in show up here with your progress, the videos you were watching and the notes you take. Free courses are one click away.
      </p>
      <Button asChild>
        <Link href="/courses">Browse courses</Link>
      </Button>
    </section>
  );
}

function Certificates({ dashboard }: { dashboard: Dashboard }) {
  return (
    <section aria-labelledby="certificates" className="grid gap-3">
      <h2 id="certificates" className="font-semibold">
        Certificates
      </h2>
      {dashboard.certificates.length === 0 ? (
        <p className="flex gap-2 rounded-xl border border-dashed border-border p-4 text-sm text-muted-foreground">
          <Award className="mt-0.5 size-4 shrink-0" aria-hidden />
          Finish every lesson of a course to earn its certificate, with a link anyone can check.
        </p>
      ) : (
        <ul className="grid gap-3">
          {dashboard.certificates.map((certificate) => (
            <li key={certificate.id}>
              <CertificateCard certificate={certificate} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
