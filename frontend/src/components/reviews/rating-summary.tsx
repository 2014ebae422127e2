import type { RatingSummary } from "@/lib/api/models";
import { averageLabel, formatAverage, histogramShare, starsLabel } from "./review-words";
import { StarRating } from "./star-rating";

/** The average, the number of reviews and how the stars are spread, as bars. */
export function RatingSummaryView({ summary }: { summary: RatingSummary }) {
  const { average, count } = summary;
  return (
    <div className="grid content-start gap-4">
      <div className="flex items-center gap-3">
        <p className="font-display text-5xl leading-none font-semibold tabular-nums" aria-hidden>
          {average !== null && count > 0 ? formatAverage(average) : "–"}
        </p>
        <div className="grid gap-1">
          <StarRating rating={average ?? 0} starClassName="size-5" label="" />
          <p className="text-sm text-muted-foreground" aria-hidden>
            {count === 0 ? "No ratings yet" : `${count.toLocaleString("en")} ${count === 1 ? "rating" : "ratings"}`}
          </p>
          <p className="sr-only">{averageLabel(average, count)}</p>
        </div>
      </div>
      <ul className="grid content-start gap-1.5" aria-label="How the ratings are spread">
        {summary.histogram.map((bucket) => {
          const share = histogramShare(bucket.count, count);
          return (
            <li key={bucket.stars} className="grid grid-cols-[3.5rem_1fr_2.5rem] items-center gap-2 text-sm">
              <span className="text-muted-foreground" aria-hidden>
                {bucket.stars} ★
              </span>
              <span className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
                <span className="block h-full rounded-full bg-warning" style={{ width: `${share}%` }} />
              </span>
              <span className="text-right text-muted-foreground tabular-nums" aria-hidden>
                {share}%
              </span>
              <span className="sr-only">
                {starsLabel(bucket.stars)}: {bucket.count} {bucket.count === 1 ? "review" : "reviews"}, {share}%
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
