import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function CourseNotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-20 text-center">
      <span className="flex size-14 items-center justify-center rounded-full bg-accent text-accent-foreground">
        <SearchX className="size-7" aria-hidden />
      </span>
      <h1 className="font-display text-3xl font-semibold tracking-tight">This course isn&apos;t available</h1>
      <p className="text-muted-foreground">
        It may have been renamed, taken down by its instructor, or the link may be mistyped. Other courses are waiting in the catalog.
      </p>
      <Button asChild>
        <Link href="/courses">Browse courses</Link>
      </Button>
    </div>
  );
}
