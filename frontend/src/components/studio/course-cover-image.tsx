import { BookOpen } from "lucide-react";
import { cn } from "@/lib/class-names";

/** A course's 16:9 cover, or a quiet placeholder until one is uploaded. */
export function CourseCoverImage({ src, className }: { src: string | null; className?: string }) {
  return (
    <div className={cn("relative aspect-video overflow-hidden bg-muted", className)}>
      {src ? (
        // Covers are already 1280x720 WebP served with immutable caching; next/image adds nothing here.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={src} alt="" loading="lazy" className="size-full object-cover" />
      ) : (
        <div className="flex size-full items-center justify-center bg-gradient-to-br from-accent to-muted text-accent-foreground/60">
          <BookOpen className="size-8" aria-hidden />
        </div>
      )}
    </div>
  );
}
