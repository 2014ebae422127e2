import { ArrowRight, BadgeCheck, Captions, Gauge, GraduationCap, PlayCircle, ShieldCheck, Sparkles, Users } from "lucide-react";
import Link from "next/link";
import { NewCoursesStrip } from "@/components/catalog/new-courses-strip";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/api/server";
import { NO_FILTERS } from "@/lib/catalog/catalog-filters";
import { fetchCatalogPage } from "@/lib/catalog/server";

const features = [
  { icon: PlayCircle, title: "Video that just plays", text: "Adaptive streaming picks the right quality for every connection, and you pick up where you left off." },
  { icon: Captions, title: "Captions and transcripts", text: "Every lesson can carry captions, so you can learn on mute, in another language, or at 2×." },
  { icon: Gauge, title: "Learn at your pace", text: "Progress, notes and bookmarks follow you from your laptop to your phone." },
  { icon: BadgeCheck, title: "Certificates that mean something", text: "Quizzes and assignments check what you learned before a certificate says so." },
  { icon: ShieldCheck, title: "Yours to run", text: "Open source, self-hostable on one server or a cloud, with your data staying where you put it." },
  { icon: Users, title: "Built for teams", text: "Roles for students, instructors and admins, with a clear place for each to work." },
];

export default async function LandingPage() {
  const [me, newest] = await Promise.all([getCurrentUser(), fetchCatalogPage({ ...NO_FILTERS, sort: "newest" }, 6)]);
  return (
    <>
      <section className="relative overflow-hidden border-b border-border">
        <div
          aria-hidden
          className="pointer-events-none absolute inset-x-0 -top-40 h-[32rem] bg-[radial-gradient(ellipse_at_top,var(--accent),transparent_65%)]"
        />
        <div className="relative mx-auto grid max-w-6xl gap-12 px-4 py-16 sm:px-6 md:grid-cols-[1.1fr_1fr] md:items-center md:py-24">
          <div className="grid gap-6">
            <p className="inline-flex w-fit items-center gap-2 rounded-full border border-border bg-surface px-3 py-1 text-xs font-medium text-muted-foreground">
              <Sparkles className="size-3.5 text-primary" aria-hidden /> Open-source video courses
            </p>
            <h1 className="font-display text-4xl leading-tight font-semibold tracking-tight text-balance sm:text-5xl">
              Learn from people who teach what they do.
            </h1>
            <p className="max-w-xl text-lg text-pretty text-muted-foreground">
              Lectern is a calm place for video courses: thoughtful lessons, progress that follows you, and instructors who
              can publish without a tangle of tools.
            </p>
            <div className="flex flex-wrap gap-3">
              {me ? (
                <Button asChild size="lg">
                  <Link href="/account">
                    Go to your account <ArrowRight aria-hidden />
                  </Link>
                </Button>
              ) : (
                <>
                  <Button asChild size="lg">
                    <Link href="/register">
                      Create a free account <ArrowRight aria-hidden />
                    </Link>
                  </Button>
                  <Button asChild size="lg" variant="secondary">
                    <Link href="/sign-in">Sign in</Link>
                  </Button>
                </>
              )}
            </div>
          </div>
          <CoursePreview />
        </div>
      </section>

      <NewCoursesStrip courses={newest?.items ?? null} />

      <section id="features" aria-labelledby="features-title" className="mx-auto max-w-6xl scroll-mt-20 px-4 py-16 sm:px-6 md:py-20">
        <div className="mb-10 grid max-w-2xl gap-3">
          <h2 id="features-title" className="font-display text-3xl font-semibold tracking-tight">
            Everything a course needs, nothing it doesn&apos;t
          </h2>
          <p className="text-muted-foreground">One platform for watching, practising and teaching — fast on a phone, comfortable on a desk.</p>
        </div>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {features.map(({ icon: Icon, title, text }) => (
            <li key={title} className="rounded-xl border border-border bg-surface p-5 shadow-xs">
              <span className="mb-4 flex size-10 items-center justify-center rounded-lg bg-accent text-accent-foreground">
                <Icon className="size-5" aria-hidden />
              </span>
              <h3 className="font-semibold">{title}</h3>
              <p className="mt-1 text-sm text-muted-foreground">{text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section id="teach" aria-labelledby="teach-title" className="scroll-mt-20 border-y border-border bg-surface">
        <div className="mx-auto grid max-w-6xl gap-8 px-4 py-16 sm:px-6 md:grid-cols-2 md:items-center">
          <div className="grid gap-3">
            <GraduationCap className="size-8 text-primary" aria-hidden />
            <h2 id="teach-title" className="font-display text-3xl font-semibold tracking-tight">
              Teach on Lectern
            </h2>
            <p className="text-muted-foreground">
              Every account starts as a student. When you are ready to share what you know, apply to become an instructor
              from your profile — an admin reviews it and you can start building your first course.
            </p>
          </div>
          <ol className="grid gap-3 text-sm">
            {["Create your account and verify your email", "Tell us what you would like to teach", "Get approved and open your studio"].map(
              (step, index) => (
                <li key={step} className="flex items-center gap-3 rounded-lg border border-border bg-background p-4">
                  <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground">
                    {index + 1}
                  </span>
                  {step}
                </li>
              ),
            )}
          </ol>
        </div>
      </section>

      {!me && (
        <section className="mx-auto max-w-6xl px-4 py-16 text-center sm:px-6">
          <h2 className="font-display text-3xl font-semibold tracking-tight">Start learning today</h2>
          <p className="mt-2 text-muted-foreground">It takes a minute, and it&apos;s free.</p>
          <Button asChild size="lg" className="mt-6">
            <Link href="/register">Create your account</Link>
          </Button>
        </section>
      )}
    </>
  );
}

/** A drawn stand-in for a course page, so the hero shows what Lectern is about without stock art. */
function CoursePreview() {
  return (
    <div aria-hidden className="rounded-2xl border border-border bg-surface p-3 shadow-xl shadow-primary/10">
      <div className="relative aspect-video overflow-hidden rounded-xl bg-[linear-gradient(135deg,var(--primary),oklch(0.45_0.14_230))]">
        <div className="absolute inset-0 flex items-center justify-center">
          <span className="flex size-14 items-center justify-center rounded-full bg-white/90 shadow-lg">
            <PlayCircle className="size-8 text-primary" />
          </span>
        </div>
        <div className="absolute inset-x-4 bottom-3 h-1.5 rounded-full bg-white/30">
          <div className="h-full w-2/5 rounded-full bg-white" />
        </div>
      </div>
      <div className="grid gap-3 p-3">
        <div className="flex items-center justify-between gap-3">
          <p className="font-semibold">Designing calm interfaces</p>
          <span className="rounded-full bg-success-soft px-2 py-0.5 text-xs font-medium text-success">40% done</span>
        </div>
        <ul className="grid gap-2 text-sm text-muted-foreground">
          {["1. Why calm beats clever", "2. Type, space and rhythm", "3. Colour with restraint"].map((lesson, index) => (
            <li key={lesson} className="flex items-center gap-2">
              <span className={index === 0 ? "size-2 rounded-full bg-success" : "size-2 rounded-full bg-border"} />
              {lesson}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
