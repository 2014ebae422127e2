import { Skeleton } from "@/components/ui/skeleton";

/** The dashboard's shape while it loads: the same blocks, so nothing jumps when it arrives. */
export function DashboardSkeleton() {
  return (
    <div className="grid gap-10" aria-busy>
      <p className="sr-only" role="status">
        Loading your courses…
      </p>
      <div className="grid gap-3">
        <Skeleton className="h-6 w-48" />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3].map((card) => (
            <div key={card} className="grid gap-2">
              <Skeleton className="aspect-video w-full rounded-xl" />
              <Skeleton className="h-4 w-4/5" />
              <Skeleton className="h-3 w-1/2" />
            </div>
          ))}
        </div>
      </div>
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid content-start gap-4">
          <Skeleton className="h-6 w-36" />
          {[0, 1, 2].map((row) => (
            <div key={row} className="flex gap-4 rounded-xl border border-border bg-surface p-4">
              <Skeleton className="hidden aspect-video w-40 shrink-0 rounded-lg sm:block" />
              <div className="grid flex-1 gap-2">
                <Skeleton className="h-5 w-3/5" />
                <Skeleton className="h-2 w-full rounded-full" />
                <Skeleton className="h-4 w-40" />
              </div>
            </div>
          ))}
        </div>
        <div className="grid content-start gap-4">
          <Skeleton className="h-44 w-full rounded-xl" />
          <Skeleton className="h-32 w-full rounded-xl" />
        </div>
      </div>
    </div>
  );
}
