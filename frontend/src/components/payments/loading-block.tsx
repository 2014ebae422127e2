import { Skeleton } from "@/components/ui/skeleton";

/** A placeholder while something loads, announced as busy. */
export function LoadingBlock({ className, label }: { className: string; label: string }) {
  return (
    <div aria-busy="true">
      <Skeleton className={className} />
      <span className="sr-only">{label}</span>
    </div>
  );
}
