import { CalendarDays, ChartNoAxesColumnIncreasing, Check, ChevronRight, Clock, Globe, ListVideo, Star, Users } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { CourseReviews } from "@/components/reviews/course-reviews";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { CourseLanding } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { catalogHref, NO_FILTERS } from "@/lib/catalog/catalog-filters";
import { pluralize } from "@/lib/catalog/course-outline";
import { languageName } from "@/lib/catalog/language-name";
import { formatDuration, LEVEL_LABELS } from "@/lib/format/course";
import { CourseCover } from "./course-cover";
import { CourseCurriculum } from "./course-curriculum";
import { CourseInstructors } from "./course-instructors";
import { CourseOffer } from "./course-offer";
import { Markdown } from "./markdown";

type CourseLandingViewProps = {
  course: CourseLanding;
  /** "preview" is the studio's and the reviewers' look at an unpublished course: nothing navigates away. */
  mode: "public" | "preview";
};

/** A course's landing page: what it teaches, how it is built, who teaches it, and what it costs. */
export function CourseLandingView({ course, mode }: CourseLandingViewProps) {
  const isPublic = mode === "public";
  // Laid out by its own width, not the window's: the admin shows it in a narrow panel too.
  return (
    <div className="@container">
      <article
        aria-labelledby="course-title"
        className="@5xl:grid @5xl:grid-cols-[minmax(1.5rem,1fr)_minmax(0,46rem)_22rem_minmax(1.5rem,1fr)]"
      >
        <div aria-hidden className="hidden border-b border-border bg-surface @5xl:col-span-full @5xl:row-start-1 @5xl:block" />

        <header className="border-b border-border bg-surface @5xl:col-start-2 @5xl:row-start-1 @5xl:border-0 @5xl:bg-transparent">
          <div className="mx-auto grid max-w-3xl gap-4 px-4 py-8 sm:px-6 @5xl:px-0 @5xl:py-12">
            <CourseCover course={course} eager alt={`Cover of ${course.title}`} className="rounded-xl border border-border @5xl:hidden" />
            <nav aria-label="Breadcrumb">
              <ol className="flex flex-wrap items-center gap-1 text-sm text-muted-foreground">
                <li>
                  <MaybeLink href="/courses" enabled={isPublic} className="font-medium text-primary hover:underline">
                    Courses
                  </MaybeLink>
                </li>
                {course.topics.slice(0, 1).map((topic) => (
                  <li key={topic.id} className="flex items-center gap-1">
                    <ChevronRight className="size-3.5" aria-hidden />
                    <MaybeLink href={catalogHref({ ...NO_FILTERS, topic: topic.slug })} enabled={isPublic} className="font-medium text-primary hover:underline">
                      {topic.name}
                    </MaybeLink>
                  </li>
                ))}
              </ol>
            </nav>
            <h1 id="course-title" className="font-display text-3xl leading-tight font-semibold tracking-tight text-balance sm:text-4xl">
              {course.title}
            </h1>
            {course.subtitle && <p className="text-lg text-pretty text-muted-foreground">{course.subtitle}</p>}
            <CourseStanding course={course} />
            <p className="text-sm">
              Created by{" "}
              {course.instructors.map((person, index) => (
                <span key={person.id}>
                  {index > 0 && (index === course.instructors.length - 1 ? " and " : ", ")}
                  <a href="#instructors" className="font-medium text-primary underline-offset-4 hover:underline">
                    {person.display_name}
                  </a>
                </span>
              ))}
            </p>
            <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-muted-foreground">
              <Meta icon={ChartNoAxesColumnIncreasing}>{LEVEL_LABELS[course.level]}</Meta>
              <Meta icon={Globe}>{languageName(course.language)}</Meta>
              {course.duration_seconds > 0 && <Meta icon={Clock}>{formatDuration(course.duration_seconds)}</Meta>}
              <Meta icon={ListVideo}>{pluralize(course.lesson_count, "lesson")}</Meta>
              <Meta icon={CalendarDays}>
                Updated <LocalTime iso={course.updated_at} />
              </Meta>
            </ul>
          </div>
        </header>

        <aside
          aria-label="Price and enrolment"
          className="mx-auto max-w-3xl px-4 pt-6 sm:px-6 @5xl:sticky @5xl:top-20 @5xl:col-start-3 @5xl:row-span-2 @5xl:row-start-1 @5xl:mx-0 @5xl:ml-10 @5xl:self-start @5xl:px-0 @5xl:py-12"
        >
          <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-sm @5xl:shadow-lg">
            <CourseCover course={course} eager alt="" className="hidden border-b border-border @5xl:block" />
            <CourseOffer course={course} mode={mode} noteId={`enrolment-note-${course.id}`} />
          </div>
        </aside>

        <div className="mx-auto grid max-w-3xl gap-12 px-4 py-10 sm:px-6 @5xl:col-start-2 @5xl:row-start-2 @5xl:mx-0 @5xl:max-w-none @5xl:px-0">
          {(course.outcomes.length > 0 || !isPublic) && (
            <LandingSection id="outcomes" title="What you'll learn" className="rounded-xl border border-border bg-surface p-5 sm:p-6">
              {course.outcomes.length ? (
                <ul className="grid gap-3 sm:grid-cols-2">
                  {course.outcomes.map((outcome) => (
                    <li key={outcome} className="flex gap-2.5 text-sm">
                      <Check className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
                      <span>{outcome}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <Missing>No learning outcomes yet.</Missing>
              )}
            </LandingSection>
          )}

          <LandingSection id="curriculum" title="Curriculum">
            <CourseCurriculum slug={course.slug} sections={course.sections} totalSeconds={course.duration_seconds} linkPreviews={isPublic} />
          </LandingSection>

          {(course.requirements.length > 0 || !isPublic) && (
            <LandingSection id="requirements" title="Requirements">
              {course.requirements.length ? (
                <ul className="grid list-disc gap-1.5 pl-5 text-sm marker:text-muted-foreground">
                  {course.requirements.map((requirement) => (
                    <li key={requirement}>{requirement}</li>
                  ))}
                </ul>
              ) : (
                <Missing>No requirements listed.</Missing>
              )}
            </LandingSection>
          )}

          {(course.description.trim() || !isPublic) && (
            <LandingSection id="description" title="About this course">
              {course.description.trim() ? <Markdown headingLevel={3}>{course.description}</Markdown> : <Missing>No description yet.</Missing>}
            </LandingSection>
          )}

          <LandingSection id="instructors" title={course.instructors.length > 1 ? "Your instructors" : "Your instructor"}>
            <CourseInstructors instructors={course.instructors} />
          </LandingSection>

          {isPublic && (
            <LandingSection id="reviews" title="Student reviews">
              <CourseReviews courseId={course.id} slug={course.slug} />
            </LandingSection>
          )}

          {course.tags.length > 0 && (
            <LandingSection id="tags" title="Tags">
              <ul className="flex flex-wrap gap-2">
                {course.tags.map((tag) => (
                  <li key={tag}>
                    <MaybeLink
                      href={catalogHref({ ...NO_FILTERS, q: tag })}
                      enabled={isPublic}
                      className="inline-flex rounded-full border border-border bg-surface px-3 py-1 text-sm hover:bg-muted"
                    >
                      {tag}
                    </MaybeLink>
                  </li>
                ))}
              </ul>
            </LandingSection>
          )}
        </div>
      </article>
    </div>
  );
}

/** Rating and enrolments, shown only once there are some: no "0 students" on a new course. */
function CourseStanding({ course }: { course: CourseLanding }) {
  const rating = course.rating_count > 0 ? course.rating_average : null;
  if (rating === null && course.enrollment_count === 0 && course.topics.length < 2) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      {rating !== null && (
        <span className="inline-flex items-center gap-1">
          <Star className="size-4 fill-warning text-warning" aria-hidden />
          <span className="font-semibold">{rating.toFixed(1)}</span>
          <span className="text-muted-foreground">({pluralize(course.rating_count, "rating")})</span>
        </span>
      )}
      {course.enrollment_count > 0 && (
        <span className="inline-flex items-center gap-1 text-muted-foreground">
          <Users className="size-4" aria-hidden /> {pluralize(course.enrollment_count, "student")}
        </span>
      )}
      {course.topics.length > 1 && (
        <span className="flex flex-wrap gap-1.5">
          {course.topics.map((topic) => (
            <Badge key={topic.id} tone="accent">
              {topic.name}
            </Badge>
          ))}
        </span>
      )}
    </div>
  );
}

type SectionProps = { id: string; title: string; className?: string; children: ReactNode };

function LandingSection({ id, title, className, children }: SectionProps) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={cn("scroll-mt-20", className)}>
      <h2 id={`${id}-title`} className="mb-4 font-display text-2xl font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Meta({ icon: Icon, children }: { icon: typeof Clock; children: ReactNode }) {
  return (
    <li className="inline-flex items-center gap-1.5">
      <Icon className="size-4" aria-hidden />
      {children}
    </li>
  );
}

/** What a preview shows where the instructor has not written something yet. */
function Missing({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-border px-4 py-3 text-sm text-muted-foreground">{children}</p>;
}

function MaybeLink({ href, enabled, className, children }: { href: string; enabled: boolean; className: string; children: ReactNode }) {
  if (!enabled) return <span className={cn(className, "text-foreground hover:bg-transparent hover:no-underline")}>{children}</span>;
  return (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}
