import { DashboardSkeleton } from "@/components/learning/dashboard-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function LearningLoading() {
  return (
    <div className="mx-auto grid max-w-6xl gap-10 px-4 py-8 sm:px-6 sm:py-10">
      <div className="grid gap-2">
        <Skeleton className="h-9 w-48" />
        <Skeleton className="h-4 w-64" />
      </div>
      <DashboardSkeleton />
    </div>
  );
}
