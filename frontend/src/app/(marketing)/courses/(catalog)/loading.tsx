import { CourseGridSkeleton } from "@/components/catalog/catalog-results";
import { Skeleton } from "@/components/ui/skeleton";

export default function CoursesLoading() {
  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 sm:py-10" aria-busy>
      <p className="sr-only" role="status">
        Loading courses…
      </p>
      <div className="grid gap-4">
        <Skeleton className="h-4 w-28" />
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-11 w-full max-w-2xl" />
      </div>
      <div className="grid gap-8 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-10">
        <div className="hidden gap-3 lg:grid lg:content-start">
          {[0, 1, 2, 3, 4, 5].map((row) => (
            <Skeleton key={row} className="h-5 w-3/4" />
          ))}
        </div>
        <CourseGridSkeleton />
      </div>
    </div>
  );
}
