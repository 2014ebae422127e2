"use client";

import { ClipboardCheck, FileText, GraduationCap, ImageIcon, Layers, MessageSquareText, SearchX, Tag, Undo2, UsersRound } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { toast } from "@/components/ui/toaster";
import { useStudioCourse, useWithdrawCourse } from "@/hooks/queries/studio";
import { describeError, isApiError } from "@/lib/api/errors";
import type { StudioCourse } from "@/lib/api/models";
import { GradingTab } from "./assessments/grading-tab";
import { CoverTab } from "./cover-tab";
import { CurriculumTab } from "./curriculum-tab";
import { DetailsTab } from "./details-tab";
import { EditorHeader } from "./editor-header";
import { PricingTab } from "./pricing-tab";
import { ReviewTab } from "./review-tab";
import { ReviewsTab } from "./reviews-tab";
import { SaveIndicator } from "./save-indicator";
import { TeamTab } from "./team-tab";
import { useCourseDraft } from "./use-course-draft";

const TABS = [
  { value: "details", label: "Details", icon: FileText },
  { value: "curriculum", label: "Curriculum", icon: Layers },
  { value: "pricing", label: "Pricing", icon: Tag },
  { value: "cover", label: "Cover", icon: ImageIcon },
  { value: "team", label: "Team", icon: UsersRound },
  { value: "review", label: "Review", icon: ClipboardCheck },
  { value: "reviews", label: "Ratings", icon: MessageSquareText },
  { value: "grading", label: "Grading", icon: GraduationCap },
] as const;
type EditorTab = (typeof TABS)[number]["value"];

const DETAILS_FIELDS = ["title", "subtitle", "slug", "description", "language", "level", "time_zone", "topic_ids", "tags", "outcomes", "requirements"];

/** The studio's course editor: loads the course, then its tabs. */
export function CourseEditor({ courseId, viewerId }: { courseId: string; viewerId: string }) {
  const course = useStudioCourse(courseId);
  if (course.isPending) return <EditorSkeleton />;
  if (course.isError) {
    return (
      <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
        {isApiError(course.error) && course.error.status === 404 ? <CourseNotFound /> : <QueryError error={course.error} onRetry={() => void course.refetch()} />}
      </div>
    );
  }
  return <LoadedEditor course={course.data} viewerId={viewerId} />;
}

function initialTab(): EditorTab {
  if (typeof window === "undefined") return "details";
  const hash = window.location.hash.slice(1);
  return TABS.find((tab) => tab.value === hash)?.value ?? "details";
}

function LoadedEditor({ course, viewerId }: { course: StudioCourse; viewerId: string }) {
  const editable = course.status !== "in_review";
  const draft = useCourseDraft(course, editable);
  const [tab, setTab] = useState<EditorTab>(initialTab);
  const chooseTab = (next: string) => {
    setTab(next as EditorTab);
    // The tab is in the address so a reload, or a link from an email, opens it again.
    window.history.replaceState(null, "", `#${next}`);
  };
  const errorFields = Object.keys(draft.errors);
  const flagged: Partial<Record<EditorTab, boolean>> = {
    details: errorFields.some((field) => DETAILS_FIELDS.includes(field)),
    pricing: errorFields.includes("price_amount") || errorFields.includes("currency"),
  };

  return (
    <div className="mx-auto grid max-w-5xl grid-cols-1 gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <EditorHeader course={course} title={draft.draft.title} />
      <StatusBanner course={course} onReviewTab={tab === "review"} onOpenReview={() => chooseTab("review")} />
      <Tabs value={tab} onValueChange={chooseTab}>
        <div className="sticky top-16 z-30 -mx-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-border bg-background/90 px-4 py-2 backdrop-blur supports-[backdrop-filter]:bg-background/75 sm:-mx-6 sm:px-6">
          <TabsList aria-label="Course editor" className="max-w-full min-w-0">
            {TABS.map(({ value, label, icon: Icon }) => (
              <TabsTrigger key={value} value={value}>
                <Icon aria-hidden /> {label}
                {flagged[value] && (
                  <>
                    <span className="size-1.5 rounded-full bg-destructive" aria-hidden />
                    <span className="sr-only">(needs fixing)</span>
                  </>
                )}
              </TabsTrigger>
            ))}
          </TabsList>
          <SaveIndicator status={draft.status} failure={draft.failure} onRetry={draft.retryNow} compact />
        </div>
        {draft.status === "failed" && (
          <Alert tone="error" title="Your latest changes aren't saved yet" className="mt-4">
            {describeError(draft.failure)} What you typed stays on this page: use Retry now once the problem has passed.
          </Alert>
        )}
        <TabsContent value="details">
          <DetailsTab state={draft} editable={editable} />
        </TabsContent>
        <TabsContent value="curriculum">
          <CurriculumTab course={course} editable={editable} />
        </TabsContent>
        <TabsContent value="pricing">
          <PricingTab state={draft} editable={editable} />
        </TabsContent>
        <TabsContent value="cover">
          <CoverTab course={course} editable={editable} />
        </TabsContent>
        <TabsContent value="team">
          <TeamTab course={course} viewerId={viewerId} />
        </TabsContent>
        <TabsContent value="review">
          <ReviewTab course={course} saveStatus={draft.status} />
        </TabsContent>
        <TabsContent value="reviews">
          <ReviewsTab course={course} />
        </TabsContent>
        <TabsContent value="grading">
          <GradingTab course={course} />
        </TabsContent>
      </Tabs>
    </div>
  );
}

/** What the course's status means for editing, above every tab. */
function StatusBanner({ course, onReviewTab, onOpenReview }: { course: StudioCourse; onReviewTab: boolean; onOpenReview: () => void }) {
  const withdraw = useWithdrawCourse(course.id);
  if (course.status === "in_review") {
    return (
      <Alert tone="warning" title="Waiting for review: editing is paused" data-testid="read-only-banner">
        <p>An admin is reviewing this course, so it can&apos;t be changed right now. Withdraw it to make changes; you can submit it again afterwards.</p>
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          pending={withdraw.isPending}
          onClick={() =>
            withdraw.mutate(undefined, {
              onSuccess: () => toast.success("Withdrawn. The course is a draft again and can be edited."),
              onError: (error) => toast.error(describeError(error)),
            })
          }
        >
          <Undo2 aria-hidden /> Withdraw from review
        </Button>
      </Alert>
    );
  }
  // The Review tab shows the reviewer's words in full itself.
  if (course.review_reason && (course.status === "rejected" || course.status === "draft") && !onReviewTab) {
    return (
      <Alert tone="warning" title={course.status === "rejected" ? "The reviewer asked for changes" : "An admin took this course out of the catalog"}>
        <p className="line-clamp-3 whitespace-pre-line">{course.review_reason}</p>
        <Button variant="link" className="mt-1 h-auto px-0" onClick={onOpenReview}>
          Read it in full on the Review tab
        </Button>
      </Alert>
    );
  }
  if (course.status === "published" || course.status === "unlisted") {
    return <Alert tone="info">This course is live: saved changes are visible to students straight away.</Alert>;
  }
  return null;
}

function CourseNotFound() {
  return (
    <div className="flex flex-col items-center gap-4 py-10 text-center">
      <span className="flex size-14 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <SearchX className="size-7" aria-hidden />
      </span>
      <h1 className="font-display text-2xl font-semibold tracking-tight">This course isn&apos;t in your studio</h1>
      <p className="max-w-md text-muted-foreground">It may have been deleted, or you may not be on its team. Courses you own or co-teach are listed in your studio.</p>
      <Button asChild variant="secondary">
        <Link href="/studio">Back to your courses</Link>
      </Button>
    </div>
  );
}

function EditorSkeleton() {
  return (
    <div className="mx-auto grid max-w-5xl gap-6 px-4 py-6 sm:px-6 sm:py-10" aria-busy="true" aria-label="Loading the course">
      <Skeleton className="h-4 w-28" />
      <div className="grid gap-2">
        <Skeleton className="h-5 w-20" />
        <Skeleton className="h-9 w-2/3" />
      </div>
      <Skeleton className="h-10 w-full max-w-xl" />
      <Skeleton className="h-72 w-full" />
    </div>
  );
}
