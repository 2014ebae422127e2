"use client";

import { ClipboardCheck, Download, Inbox, Library, Plus, Search } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, NativeSelect } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { toast } from "@/components/ui/toaster";
import { useDebouncedValue } from "@/components/admin/use-debounced-value";
import { useBanks, useCreateBank, useGradebook, useGradingQueue, useReleaseLessons } from "@/hooks/queries/grading";
import { describeError } from "@/lib/api/errors";
import type { GradebookCell, GradebookFilter, QueueState, StudioCourse } from "@/lib/api/models";
import { formatPoints } from "@/lib/assessments/format";
import { formatDateTime } from "@/lib/locale/dates";
import { cn } from "@/lib/class-names";

const QUEUES: { value: QueueState; label: string }[] = [
  { value: "to_grade", label: "To grade" },
  { value: "to_release", label: "To release" },
  { value: "released", label: "Released" },
];

/** The course's grading: hand-ins waiting for a person, the gradebook, the question banks. */
export function GradingTab({ course }: { course: StudioCourse }) {
  return (
    <Tabs defaultValue="queue" className="mt-4 grid gap-4">
      <TabsList aria-label="Grading" className="w-fit">
        <TabsTrigger value="queue">
          <Inbox aria-hidden /> Grading queue
        </TabsTrigger>
        <TabsTrigger value="gradebook">
          <ClipboardCheck aria-hidden /> Gradebook
        </TabsTrigger>
        <TabsTrigger value="banks">
          <Library aria-hidden /> Question banks
        </TabsTrigger>
      </TabsList>
      <TabsContent value="queue">
        <QueueView courseId={course.id} />
      </TabsContent>
      <TabsContent value="gradebook">
        <GradebookView courseId={course.id} />
      </TabsContent>
      <TabsContent value="banks">
        <BanksView courseId={course.id} />
      </TabsContent>
    </Tabs>
  );
}

function QueueView({ courseId }: { courseId: string }) {
  const [state, setState] = useState<QueueState>("to_grade");
  const queue = useGradingQueue(courseId, state);
  const releaseAll = useReleaseLessons();
  const waiting = state === "to_release" ? (queue.data?.items ?? []) : [];
  return (
    <section aria-label="Grading queue" className="grid gap-3">
      <div role="group" aria-label="Show" className="inline-flex w-fit flex-wrap rounded-md bg-muted p-0.5 text-sm">
        {QUEUES.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={state === option.value}
            onClick={() => setState(option.value)}
            className={cn("rounded px-3 py-1.5 font-medium text-muted-foreground", state === option.value && "bg-surface text-foreground shadow-xs")}
          >
            {option.label}
            {queue.data && <span className="ml-1.5 tabular-nums">({queue.data.counts[option.value] ?? 0})</span>}
          </button>
        ))}
      </div>
      {waiting.length > 0 && !queue.isPlaceholderData && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="text-muted-foreground">Graded but not released: the students don&apos;t see these grades yet.</span>
          <Button
            size="sm"
            pending={releaseAll.isPending}
            onClick={() =>
              releaseAll.mutate([...new Set(waiting.map((item) => item.lesson_id))], {
                onSuccess: (count) => toast.success(`${count} grade${count === 1 ? "" : "s"} released: the students have been told.`),
                onError: (error) => toast.error(describeError(error)),
              })
            }
          >
            Release all {waiting.length}
          </Button>
        </div>
      )}
      {queue.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : queue.isError ? (
        <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <EmptyState icon={Inbox} title={state === "to_grade" ? "Nothing to grade" : state === "to_release" ? "Nothing waiting to be released" : "Nothing released yet"}>
          {state === "to_grade" ? "Assignments handed in and written quiz answers land here." : null}
        </EmptyState>
      ) : (
        <ul className={cn("divide-y divide-border rounded-xl border border-border bg-surface", queue.isPlaceholderData && "opacity-60")} data-testid="grading-queue">
          {queue.data.items.map((item) => (
            <li key={`${item.kind}-${item.id}`} className="flex flex-wrap items-center justify-between gap-3 p-3 sm:px-4" data-testid="queue-item">
              <div className="grid min-w-0 gap-0.5">
                <Link
                  href={`/studio/courses/${encodeURIComponent(courseId)}/${item.kind === "submission" ? "submissions" : "attempts"}/${item.id}`}
                  className="font-medium text-primary hover:underline"
                >
                  {item.student.display_name} · {item.lesson_title}
                </Link>
                <p className="text-xs text-muted-foreground">
                  {item.kind === "submission" ? `Submission ${item.number}` : `Quiz attempt ${item.number}`} · {formatDateTime(item.submitted_at)}
                </p>
              </div>
              <div className="flex items-center gap-2 text-sm">
                {item.late && <Badge tone="warning">Late</Badge>}
                {item.points !== null && (
                  <span className="tabular-nums">
                    {formatPoints(item.points)} / {formatPoints(item.max_points)}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const FILTERS: { value: GradebookFilter; label: string }[] = [
  { value: "all", label: "Every student" },
  { value: "needs_grading", label: "With work to grade" },
  { value: "missing", label: "With work missing" },
  { value: "failing", label: "Below 50%" },
];

function cellText(cell: GradebookCell): string {
  if (cell.state === "missing") return "—";
  if (cell.points === null) return "To grade";
  return formatPoints(cell.points);
}

function GradebookView({ courseId }: { courseId: string }) {
  const [q, setQ] = useState("");
  const [show, setShow] = useState<GradebookFilter>("all");
  const search = useDebouncedValue(q.trim(), 300);
  const book = useGradebook(courseId, { q: search, show });
  const csv = `/api/studio/courses/${encodeURIComponent(courseId)}/gradebook.csv?${new URLSearchParams({ q: search, show })}`;
  return (
    <section aria-label="Gradebook" className="grid gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <label className="relative min-w-48 flex-1">
          <span className="sr-only">Find a student</span>
          <Search className="absolute top-3 left-3 size-4 text-muted-foreground" aria-hidden />
          <Input value={q} onChange={(event) => setQ(event.target.value)} placeholder="Find a student by name or email" className="pl-9" />
        </label>
        <NativeSelect aria-label="Which students" className="w-auto" value={show} onChange={(event) => setShow(event.target.value as GradebookFilter)}>
          {FILTERS.map((filter) => (
            <option key={filter.value} value={filter.value}>
              {filter.label}
            </option>
          ))}
        </NativeSelect>
        <Button asChild variant="secondary">
          <a href={csv} download data-testid="export-gradebook">
            <Download aria-hidden /> Export CSV
          </a>
        </Button>
      </div>
      {book.isPending ? (
        <Skeleton className="h-48 w-full" />
      ) : book.isError ? (
        <QueryError error={book.error} onRetry={() => void book.refetch()} />
      ) : book.data.items.length === 0 ? (
        <EmptyState icon={ClipboardCheck} title="No quizzes or assignments yet">
          Add a quiz or an assignment lesson in the Curriculum tab; its grades show here.
        </EmptyState>
      ) : book.data.rows.length === 0 ? (
        <EmptyState icon={ClipboardCheck} title={book.data.student_count === 0 ? "No students enrolled yet" : "No student matches"} />
      ) : (
        <div className={cn("overflow-x-auto rounded-xl border border-border bg-surface", book.isPlaceholderData && "opacity-60")}>
          <table className="w-full min-w-max border-collapse text-sm" data-testid="gradebook">
            <caption className="sr-only">Grades by student and item; totals count graded items only</caption>
            <thead>
              <tr className="border-b border-border bg-muted/50">
                <th scope="col" className="sticky left-0 z-10 bg-muted p-2 text-left font-medium">
                  Student
                </th>
                {book.data.items.map((item) => (
                  <th key={item.lesson_id} scope="col" className="max-w-40 p-2 text-left font-medium">
                    <span className="line-clamp-2">{item.title}</span>
                    <span className="block text-xs font-normal text-muted-foreground">
                      {item.kind === "quiz" ? "Quiz" : "Assignment"} · {formatPoints(item.max_points)}
                    </span>
                  </th>
                ))}
                <th scope="col" className="p-2 text-right font-medium">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {book.data.rows.map((row) => (
                <tr key={row.student.id} className="border-b border-border last:border-0" data-testid="gradebook-row">
                  <th scope="row" className="sticky left-0 z-10 max-w-36 bg-surface p-2 text-left font-medium sm:max-w-64">
                    <span className="block truncate">{row.student.display_name}</span>
                    <span className="block truncate text-xs font-normal text-muted-foreground">{row.student.email}</span>
                  </th>
                  {row.cells.map((cell) => {
                    const href = cell.link_id
                      ? `/studio/courses/${encodeURIComponent(courseId)}/${book.data.items.find((i) => i.lesson_id === cell.lesson_id)?.kind === "quiz" ? "attempts" : "submissions"}/${cell.link_id}`
                      : null;
                    const text = cellText(cell);
                    return (
                      <td key={cell.lesson_id} className="p-2 tabular-nums">
                        {href ? (
                          <Link href={href} className={cn("hover:underline", cell.points === null && "font-medium text-warning")}>
                            {text}
                          </Link>
                        ) : (
                          <span className="text-muted-foreground">{text}</span>
                        )}
                        {cell.state === "graded" && <span className="ml-1 text-xs text-muted-foreground">(not released)</span>}
                        {cell.late && <span className="ml-1 text-xs text-warning">late</span>}
                      </td>
                    );
                  })}
                  <td className="p-2 text-right font-semibold tabular-nums">
                    {formatPoints(row.points)} / {formatPoints(row.max_points)}
                    {row.percent !== null && <span className="block text-xs font-normal text-muted-foreground">{row.percent}%</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BanksView({ courseId }: { courseId: string }) {
  const banks = useBanks(courseId);
  const create = useCreateBank(courseId);
  const [title, setTitle] = useState("");
  const shared = (banks.data ?? []).filter((bank) => bank.quiz_lesson_id === null);
  return (
    <section aria-label="Question banks" className="grid gap-3">
      <p className="text-sm text-muted-foreground">Banks hold questions any quiz of the course can draw from at random. Each quiz&apos;s own questions are edited in its builder.</p>
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (!title.trim()) return;
          create.mutate(title.trim(), {
            onSuccess: () => {
              setTitle("");
              toast.success("Bank created.");
            },
            onError: (error) => toast.error(describeError(error)),
          });
        }}
      >
        <Input aria-label="New bank name" value={title} maxLength={120} onChange={(event) => setTitle(event.target.value)} placeholder="e.g. Final exam pool" className="max-w-sm" />
        <Button type="submit" variant="secondary" pending={create.isPending} disabled={!title.trim()}>
          <Plus aria-hidden /> New bank
        </Button>
      </form>
      {banks.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : banks.isError ? (
        <QueryError error={banks.error} onRetry={() => void banks.refetch()} />
      ) : shared.length === 0 ? (
        <EmptyState icon={Library} title="No shared banks yet" />
      ) : (
        <ul className="divide-y divide-border rounded-xl border border-border bg-surface">
          {shared.map((bank) => (
            <li key={bank.id} className="flex flex-wrap items-center justify-between gap-2 p-3 sm:px-4">
              <Link href={`/studio/courses/${encodeURIComponent(courseId)}/banks/${bank.id}`} className="font-medium text-primary hover:underline">
                {bank.title}
              </Link>
              <span className="text-sm text-muted-foreground">
                {bank.question_count} question{bank.question_count === 1 ? "" : "s"}
                {bank.used_by.length > 0 && ` · used by ${bank.used_by.map((lesson) => lesson.title).join(", ")}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
