import { ArrowLeft, ArrowRight, ChevronRight, Clock, Film, ListChecks, Lock, Upload } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { LessonSidePanel } from "@/components/notes/lesson-side-panel";
import { PlayerBridgeProvider } from "@/components/player/player-bridge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CourseLanding, LessonContent } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { lessonHref, lessonsInOrder } from "@/lib/catalog/course-outline";
import { formatDuration, LESSON_KIND_LABELS } from "@/lib/format/course";
import { AssignmentPanel } from "@/components/assessments/assignment-panel";
import { QuizPanel } from "@/components/assessments/quiz-panel";
import { LessonCurriculum } from "./lesson-curriculum";
import { LessonKindIcon } from "./lesson-kind-icon";
import { LessonPlayer } from "./lesson-player";
import { CourseProgressHeader, LessonCompletion } from "./lesson-progress";
import { Markdown } from "./markdown";

type LessonPreviewViewProps = {
  lesson: LessonContent;
  /** The public course, when there is one, to list its lessons and name the neighbouring ones. */
  course: CourseLanding | null;
  signedIn: boolean;
  /** The viewer's time zone, for due dates. */
  timeZone: string;
};

/**
 * A lesson as its viewer may see it (a free preview, an enrolled student's lesson, or the team's
 * look at it): its video or text on the left, the course's lessons on the right (below, on a
 * phone), and the way to the lessons before and after.
 */
export function LessonPreviewView({ lesson, course, signedIn, timeZone }: LessonPreviewViewProps) {
  // How far the viewer's access goes: which of the other lessons open for them.
  const access = lesson.viewer_access;
  const courseHref = `/courses/${encodeURIComponent(lesson.course_slug)}`;
  const outline = course ? lessonsInOrder(course) : [];
  const titleOf = (id: string) => outline.find((entry) => entry.id === id);
  const hasBody = lesson.body.trim().length > 0;
  const opensAll = access !== "previews";
  const nextOutline = lesson.next_lesson_id ? titleOf(lesson.next_lesson_id) : undefined;
  // Only offer to play on into a lesson the viewer can open.
  const next =
    lesson.next_lesson_id && (opensAll || nextOutline?.is_preview)
      ? { id: lesson.next_lesson_id, href: lessonHref(lesson.course_slug, lesson.next_lesson_id), title: nextOutline?.title ?? "The next lesson" }
      : null;
  const studioHref = course ? `/studio/courses/${encodeURIComponent(course.id)}#curriculum` : "/studio";
  // Progress is an enrolled student's: nobody else's page asks for it or sends heartbeats
  // (the team's viewing is sent, the server decides what it counts; previews send nothing).
  const progressCourseId = signedIn && access === "enrolled" && course ? course.id : null;
  const sendsHeartbeats = signedIn && opensAll;
  const sectionId = course?.sections.find((section) => section.lessons.some((entry) => entry.id === lesson.id))?.id ?? null;
  // Lessons that complete by the student's word: an article, a video lesson without its video yet.
  const completesByHand = lesson.kind === "article" || (lesson.kind === "video" && !lesson.video_ready);
  // Quizzes and assignments complete by their own rule: passing, handing in.
  const graded = lesson.kind === "quiz" || lesson.kind === "assignment";

  const media =
    lesson.kind === "video" ? (
      lesson.video_ready ? (
        <LessonPlayer key={lesson.id} lessonId={lesson.id} title={lesson.title} signedIn={sendsHeartbeats} courseHref={courseHref} next={next} />
      ) : (
        <NotYetPanel
          icon={Film}
          title="Video coming soon"
          action={
            access === "team" ? (
              <Button asChild size="sm">
                <Link href={studioHref}>
                  <Upload aria-hidden /> Upload a video in the studio
                </Link>
              </Button>
            ) : undefined
          }
        >
          {access === "team"
            ? "Students see the video here once it has been uploaded and processed."
            : "The instructor hasn't published the video for this lesson yet."}
          {hasBody && " The lesson notes are below."}
        </NotYetPanel>
      )
    ) : null;

  return (
    <div className="mx-auto grid max-w-7xl grid-cols-1 gap-6 px-4 py-6 sm:px-6 lg:py-8">
      <nav aria-label="Breadcrumb">
        <ol className="flex flex-wrap items-center gap-1 text-sm text-muted-foreground">
          <li>
            <Link href="/courses" className="font-medium text-primary hover:underline">
              Courses
            </Link>
          </li>
          <li className="flex min-w-0 items-center gap-1">
            <ChevronRight className="size-3.5 shrink-0" aria-hidden />
            <Link href={courseHref} className="truncate font-medium text-primary hover:underline">
              {lesson.course_title}
            </Link>
          </li>
        </ol>
      </nav>

      {progressCourseId && <CourseProgressHeader courseId={progressCourseId} />}

      {/* Also connects the player with the notes beside it ("n", "b", jumping to a moment). */}
      <PlayerBridgeProvider className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 grid-cols-1 gap-8">
          <article aria-labelledby="lesson-title" className="grid grid-cols-1 gap-6">
            {media}
            <header className="grid gap-3">
              <p className="text-sm font-medium text-muted-foreground">{lesson.section_title}</p>
              <h1 id="lesson-title" className="font-display text-3xl leading-tight font-semibold tracking-tight text-balance sm:text-4xl">
                {lesson.title}
              </h1>
              <ul className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted-foreground">
                <li className="inline-flex items-center gap-1.5">
                  <LessonKindIcon kind={lesson.kind} className="size-4" />
                  {LESSON_KIND_LABELS[lesson.kind]}
                </li>
                {lesson.duration_seconds > 0 && (
                  <li className="inline-flex items-center gap-1.5">
                    <Clock className="size-4" aria-hidden />
                    {lesson.kind === "article" ? `${formatDuration(lesson.duration_seconds)} read` : formatDuration(lesson.duration_seconds)}
                  </li>
                )}
                {lesson.is_preview && (
                  <li>
                    <Badge tone="accent">Free preview</Badge>
                  </li>
                )}
              </ul>
            </header>

            {hasBody ? (
              <section aria-labelledby={lesson.kind === "article" ? undefined : "lesson-notes"} className="grid gap-3">
                {lesson.kind !== "article" && (
                  <h2 id="lesson-notes" className="text-lg font-semibold">
                    {lesson.kind === "video" ? "Lesson notes" : "Instructions"}
                  </h2>
                )}
                <Markdown headingLevel={lesson.kind === "article" ? 2 : 3}>{lesson.body}</Markdown>
              </section>
            ) : (
              lesson.kind === "article" && <p className="text-muted-foreground">This lesson has no text yet.</p>
            )}
            {graded &&
              (!signedIn ? (
                <NotYetPanel
                  icon={ListChecks}
                  title={`Sign in to ${lesson.kind === "quiz" ? "take the quiz" : "hand in your work"}`}
                  action={
                    <Button asChild size="sm">
                      <Link href={`/sign-in?next=${encodeURIComponent(lessonHref(lesson.course_slug, lesson.id))}`}>Sign in</Link>
                    </Button>
                  }
                >
                  Your answers and grades are kept with your account.
                </NotYetPanel>
              ) : (
                <>
                  {access === "team" && course && (
                    <p className="text-sm text-muted-foreground">
                      You see this {lesson.kind} as a student would.{" "}
                      <Link
                        href={`/studio/courses/${encodeURIComponent(course.id)}/${lesson.kind === "quiz" ? "quizzes" : "assignments"}/${encodeURIComponent(lesson.id)}`}
                        className="font-medium text-primary underline-offset-4 hover:underline"
                      >
                        Edit it in the studio
                      </Link>
                    </p>
                  )}
                  {lesson.kind === "quiz" ? <QuizPanel lessonId={lesson.id} timeZone={timeZone} /> : <AssignmentPanel lessonId={lesson.id} timeZone={timeZone} />}
                </>
              ))}
            {progressCourseId && completesByHand && (
              <LessonCompletion
                key={lesson.id}
                courseId={progressCourseId}
                lessonId={lesson.id}
                sectionId={sectionId}
                readToEnd={lesson.kind === "article"}
              />
            )}
          </article>

          <nav aria-label="Other lessons" className="grid gap-3 border-t border-border pt-6 sm:grid-cols-2">
            {lesson.previous_lesson_id ? (
              <Neighbour
                href={lessonHref(lesson.course_slug, lesson.previous_lesson_id)}
                direction="previous"
                lesson={titleOf(lesson.previous_lesson_id)}
                opensAll={opensAll}
              />
            ) : (
              <span className="hidden sm:block" />
            )}
            {lesson.next_lesson_id && (
              <Neighbour href={lessonHref(lesson.course_slug, lesson.next_lesson_id)} direction="next" lesson={nextOutline} opensAll={opensAll} />
            )}
          </nav>

          {access !== "enrolled" && (
            <p className="rounded-xl border border-border bg-surface p-5 text-sm">
              {access === "team" ? (
                <>You can open every lesson because you teach or manage this course.</>
              ) : (
                <>
                  This is a free preview of <strong className="font-semibold">{lesson.course_title}</strong>.
                </>
              )}{" "}
              <Link href={courseHref} className="font-medium text-primary underline-offset-4 hover:underline">
                About the course
              </Link>
            </p>
          )}
        </div>

        {(course || signedIn) && (
          <div className="lg:sticky lg:top-20 lg:flex lg:max-h-[calc(100dvh-6rem)] lg:flex-col">
            {/* Signed in: tabs of Contents, Notes and Bookmarks; otherwise the contents alone. */}
            <LessonSidePanel takesNotes={signedIn} lessonId={lesson.id} isVideo={lesson.kind === "video"} courseId={course?.id ?? null}>
              {course && (
                <LessonCurriculum
                  key={lesson.id}
                  slug={lesson.course_slug}
                  sections={course.sections}
                  currentId={lesson.id}
                  opensAll={opensAll}
                  courseId={course.id}
                  showsProgress={progressCourseId !== null}
                />
              )}
            </LessonSidePanel>
          </div>
        )}
      </PlayerBridgeProvider>
    </div>
  );
}

function NotYetPanel({ icon: Icon, title, action, children }: { icon: typeof Film; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <div className="grid min-h-56 place-items-center rounded-xl border border-dashed border-border bg-muted/60 p-6 text-center sm:aspect-video">
      <div className="grid max-w-md justify-items-center gap-2">
        <span className="flex size-12 items-center justify-center rounded-full bg-surface text-muted-foreground shadow-xs">
          <Icon className="size-6" aria-hidden />
        </span>
        <p className="font-semibold">{title}</p>
        <p className="text-sm text-muted-foreground">{children}</p>
        {action && <div className="mt-2">{action}</div>}
      </div>
    </div>
  );
}

type NeighbourProps = {
  href: string;
  direction: "previous" | "next";
  /** The lesson's outline entry, when the course's outline is known. */
  lesson: { title: string; is_preview: boolean } | undefined;
  opensAll: boolean;
};

/** A link to the lesson before or after; a locked one says so (its page explains why). */
function Neighbour({ href, direction, lesson, opensAll }: NeighbourProps) {
  const next = direction === "next";
  const locked = lesson !== undefined && !opensAll && !lesson.is_preview;
  return (
    <Link
      href={href}
      rel={direction === "next" ? "next" : "prev"}
      className={cn("grid gap-1 rounded-xl border border-border bg-surface p-4 hover:border-primary/40 hover:bg-accent/40", next && "text-right sm:col-start-2")}
    >
      <span className={cn("inline-flex items-center gap-1.5 text-xs font-medium text-muted-foreground", next && "justify-end")}>
        {!next && <ArrowLeft className="size-3.5" aria-hidden />}
        {next ? "Next lesson" : "Previous lesson"}
        {next && <ArrowRight className="size-3.5" aria-hidden />}
      </span>
      <span className="font-medium">{lesson?.title ?? (next ? "Continue" : "Go back")}</span>
      {locked ? (
        <span className={cn("inline-flex items-center gap-1 text-xs text-muted-foreground", next && "justify-end")}>
          <Lock className="size-3" aria-hidden /> For enrolled students
        </span>
      ) : (
        !opensAll && lesson?.is_preview && <span className="text-xs text-muted-foreground">Free preview</span>
      )}
    </Link>
  );
}
