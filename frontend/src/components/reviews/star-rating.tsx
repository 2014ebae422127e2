import { Star } from "lucide-react";
import { cn } from "@/lib/class-names";
import { formatAverage, starFill } from "./review-words";

type StarRatingProps = {
  rating: number;
  className?: string;
  /** Tailwind size of each star. */
  starClassName?: string;
  /** Read out instead of the default "4.5 out of 5 stars"; "" when the text beside says it already. */
  label?: string;
};

/** Five stars filled to a rating (halves for an average), read as one image by screen readers. */
export function StarRating({ rating, className, starClassName = "size-4", label }: StarRatingProps) {
  const spoken = label ?? `${formatAverage(rating)} out of 5 stars`;
  return (
    <span
      className={cn("inline-flex items-center gap-0.5", className)}
      role={spoken ? "img" : undefined}
      aria-label={spoken || undefined}
      aria-hidden={spoken ? undefined : true}
    >
      {[1, 2, 3, 4, 5].map((position) => {
        const fill = starFill(rating, position);
        return (
          <span key={position} className="relative inline-flex">
            <Star className={cn(starClassName, "text-warning/40")} aria-hidden />
            {fill !== "empty" && (
              <span className={cn("absolute inset-0 overflow-hidden", fill === "half" && "w-1/2")}>
                <Star className={cn(starClassName, "fill-warning text-warning")} aria-hidden />
              </span>
            )}
          </span>
        );
      })}
    </span>
  );
}
