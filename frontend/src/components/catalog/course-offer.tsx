"use client";

import { BookOpenCheck, Clock, Eye, Globe, GraduationCap, ListVideo, LogIn, PlayCircle, ChartNoAxesColumnIncreasing, Sparkles, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { continueAction, enrolSignInHref, lessonsDone, offerState, type OfferState } from "@/components/learning/learning-format";
import { PlansTeaser, PurchaseBox } from "@/components/payments/purchase-box";
import { ProgressBar } from "@/components/studio/video/progress-bar";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button, buttonVariants } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useCourseEnrollment, useEnroll, useLeaveCourse } from "@/hooks/queries/learning";
import { useMe } from "@/hooks/queries/me";
import { describeError } from "@/lib/api/errors";
import type { CourseEnrollment, CourseLanding } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { lessonHref, lessonsInOrder, pluralize, previewLessons } from "@/lib/catalog/course-outline";
import { languageName } from "@/lib/catalog/language-name";
import { formatDuration, formatPrice, LEVEL_LABELS } from "@/lib/format/course";

type OfferProps = { course: CourseLanding; mode: "public" | "preview"; noteId: string };

/**
 * The price and what to do next, for whoever is looking: a visitor is sent to sign in and comes
 * back enrolled; a signed-in student enrols in a free course in one click and then continues
 * where they were; a paid course is bought here (coupon, price, the providers' buttons) or, when
 * the student's subscription covers it, started in one click; the course's team is told so. The
 * landing itself is cached for everyone, so the viewer's own state is fetched here, in the browser.
 */
export function CourseOffer({ course, mode, noteId }: OfferProps) {
  const { data: me } = useMe();
  const signedIn = Boolean(me);
  const enrollment = useCourseEnrollment(course.id, mode === "public" && signedIn);
  const state = offerState({
    mode,
    signedIn,
    viewerId: me?.id ?? null,
    instructorIds: course.instructors.map((person) => person.id),
    free: !course.price_amount,
    enrollment: enrollment.data,
  });
  const previews = previewLessons(course);
  const firstPreview = previews[0];
  const firstLesson = lessonsInOrder(course)[0];
  const enrolled = state.kind === "enrolled";
  const cancelled = useCheckoutCancelled();

  return (
    <div className="grid gap-4 p-5">
      {cancelled && (
        <Alert tone="info" title="Checkout cancelled">
          Nothing was charged. You can buy the course whenever you like.
        </Alert>
      )}
      {enrolled ? (
        <p className="inline-flex items-center gap-2 font-display text-2xl font-semibold tracking-tight">
          <BookOpenCheck className="size-6 text-success" aria-hidden /> You&apos;re enrolled
        </p>
      ) : state.kind === "paid" ? null : state.kind === "included" ? (
        <p className="inline-flex items-center gap-2 font-display text-2xl font-semibold tracking-tight">
          <Sparkles className="size-6 text-primary" aria-hidden /> In your plan
        </p>
      ) : (
        <p className="font-display text-3xl font-semibold tracking-tight">
          <span className="sr-only">Price: </span>
          {formatPrice(course.price_amount, course.currency)}
        </p>
      )}
      <div className="grid gap-2">
        {enrollment.isError && state.kind === "loading" ? (
          <p role="alert" className="text-sm text-muted-foreground">
            Couldn&apos;t check your enrolment. {describeError(enrollment.error)}{" "}
            <Button variant="link" size="sm" onClick={() => void enrollment.refetch()}>
              Try again
            </Button>
          </p>
        ) : (
          <OfferActions state={state} course={course} noteId={noteId} firstPreviewId={firstPreview?.id ?? null} firstLessonId={firstLesson?.id ?? null} />
        )}
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

type ActionsProps = { state: OfferState; course: CourseLanding; noteId: string; firstPreviewId: string | null; firstLessonId: string | null };

function OfferActions({ state, course, noteId, firstPreviewId, firstLessonId }: ActionsProps) {
  const free = !course.price_amount;
  const preview = firstPreviewId ? (
    <Button asChild size="lg" variant={free ? "secondary" : "primary"} className="w-full">
      <Link href={lessonHref(course.slug, firstPreviewId)}>
        <PlayCircle aria-hidden /> Start with the free preview
      </Link>
    </Button>
  ) : null;

  switch (state.kind) {
    case "preview":
      return (
        <>
          <span className={cn(buttonVariants({ size: "lg" }), "w-full opacity-70")} aria-disabled="true" aria-describedby={noteId}>
            {free ? "Enrol for free" : "Buy now"}
          </span>
          <p id={noteId} className="text-xs text-muted-foreground">
            Buttons are inactive in this preview.
          </p>
        </>
      );
    case "loading":
      return (
        <div aria-busy className="grid gap-2">
          <Skeleton className="h-12 w-full" />
          <span className="sr-only">Checking your enrolment…</span>
        </div>
      );
    case "signed-out":
      return free ? (
        <>
          <Button asChild size="lg" className="w-full">
            <Link href={enrolSignInHref(course.slug)}>
              <GraduationCap aria-hidden /> Enrol for free
            </Link>
          </Button>
          {preview}
          <p className="text-xs text-muted-foreground">Sign in or create an account to enrol; it takes a minute and costs nothing.</p>
        </>
      ) : (
        <>
          <Button asChild size="lg" className="w-full">
            <Link href={`/sign-in?next=${encodeURIComponent(`/courses/${course.slug}`)}`}>
              <LogIn aria-hidden /> Sign in to buy
            </Link>
          </Button>
          {preview}
          <p className="text-xs text-muted-foreground">New here? Creating an account takes a minute; you come straight back to this course.</p>
          <PlansTeaser />
        </>
      );
    case "team":
      return (
        <>
          <p className="text-sm font-medium">{state.teaches ? "You teach this course." : "As an admin, you can open every lesson."}</p>
          {firstLessonId && (
            <Button asChild size="lg" className="w-full">
              <Link href={lessonHref(course.slug, firstLessonId)}>
                <PlayCircle aria-hidden /> Open the first lesson
              </Link>
            </Button>
          )}
          {state.teaches && (
            <Button asChild size="lg" variant="secondary" className="w-full">
              <Link href={`/studio/courses/${course.id}`}>Edit in the studio</Link>
            </Button>
          )}
        </>
      );
    case "enrolled":
      return <EnrolledActions course={course} enrollment={state.enrollment} />;
    case "open":
      return <EnrolButton course={course} preview={preview} />;
    case "included":
      return <EnrolButton course={course} preview={preview} included />;
    case "paid":
      return (
        <>
          <PurchaseBox course={course} />
          {preview}
        </>
      );
  }
}

/** The landing says so once when the buyer comes back from a cancelled checkout. */
function useCheckoutCancelled(): boolean {
  const [cancelled, setCancelled] = useState(false);
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get("checkout") !== "cancelled") return;
    setCancelled(true);
    router.replace(pathname, { scroll: false });
  }, [pathname, router]);
  return cancelled;
}

/** One click; a visitor who signed in to enrol (`?enrol=1`) is enrolled once on arrival. A paid
 * course the student's subscription covers is started the same way. */
function EnrolButton({ course, preview, included = false }: { course: CourseLanding; preview: ReactNode; included?: boolean }) {
  const enrol = useEnroll(course.id);
  const router = useRouter();
  const pathname = usePathname();
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current || new URLSearchParams(window.location.search).get("enrol") !== "1") return;
    asked.current = true;
    // Once only: the address forgets the request, so a reload or Back doesn't ask again.
    router.replace(pathname, { scroll: false });
    enrol.mutate();
  }, [enrol, pathname, router]);

  return (
    <>
      <Button size="lg" className="w-full" pending={enrol.isPending} onClick={() => enrol.mutate()}>
        {!enrol.isPending && <GraduationCap aria-hidden />}
        {enrol.isPending ? "Enrolling…" : included ? "Start learning" : "Enrol for free"}
      </Button>
      {preview}
      <p role="status" aria-live="polite" className={cn("text-xs", enrol.isError ? "text-destructive" : "text-muted-foreground")}>
        {enrol.isError
          ? `Couldn't enrol you. ${describeError(enrol.error)}`
          : enrol.isPending
            ? "Enrolling you in this course…"
            : included
              ? "Included in your subscription: every lesson opens as soon as you start."
              : "Free: every lesson opens as soon as you enrol."}
      </p>
    </>
  );
}

function EnrolledActions({ course, enrollment }: { course: CourseLanding; enrollment: CourseEnrollment }) {
  const leave = useLeaveCourse(course.id);
  const action = continueAction(enrollment);
  const progress = enrollment.progress;
  return (
    <>
      {progress && (
        <div className="grid gap-1.5">
          <p className="flex justify-between text-sm" aria-hidden>
            <span className="font-medium">{progress.percent}% complete</span>
            <span className="text-muted-foreground">{lessonsDone(progress)}</span>
          </p>
          <ProgressBar label="Your progress in this course" value={progress.percent} valueText={`${progress.percent}% complete, ${lessonsDone(progress)}`} />
        </div>
      )}
      {action.lessonId && (
        <Button asChild size="lg" className="w-full">
          <Link href={lessonHref(course.slug, action.lessonId)}>
            <PlayCircle aria-hidden /> {action.label}
          </Link>
        </Button>
      )}
      <Button asChild size="lg" variant="secondary" className="w-full">
        <Link href="/learning">Go to My learning</Link>
      </Button>
      {(enrollment.source === "free" || enrollment.source === "subscription") && (
        <ConfirmDialog
          trigger={
            <Button variant="link" size="sm" className="justify-self-start text-muted-foreground" pending={leave.isPending}>
              Leave this course
            </Button>
          }
          title="Leave this course?"
          description="It goes from My learning. Your progress and notes are kept: enrol again any time to pick up where you were."
          confirmLabel="Leave course"
          onConfirm={() =>
            leave.mutate(undefined, {
              onSuccess: () => toast.success(`You left ${course.title}.`),
              onError: (error) => toast.error(`Couldn't leave the course. ${describeError(error)}`),
            })
          }
        />
      )}
    </>
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
