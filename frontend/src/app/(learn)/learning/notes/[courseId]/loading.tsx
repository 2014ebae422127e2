import { Skeleton } from "@/components/ui/skeleton";

export default function CourseNotesLoading() {
  return (
    <div className="mx-auto grid max-w-4xl gap-6 px-4 py-8 sm:px-6 sm:py-10" aria-busy>
      <p className="sr-only" role="status">
        Loading your notes…
      </p>
      <div className="grid gap-3">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-9 w-48" />
        <Skeleton className="h-5 w-64" />
      </div>
      <Skeleton className="h-10 w-full" />
      {[0, 1].map((group) => (
        <div key={group} className="grid gap-3">
          <Skeleton className="h-6 w-56" />
          <Skeleton className="h-24" />
          <Skeleton className="h-20" />
        </div>
      ))}
    </div>
  );
}
