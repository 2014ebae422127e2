/** The longest review or reply the API accepts, in characters. */
export const REVIEW_BODY_MAX = 4000;

/** "1 star", "4 stars". */
export function starsLabel(stars: number): string {
  return `${stars} ${stars === 1 ? "star" : "stars"}`;
}

/** An average as the catalog prints it: one decimal, "4.5". */
export function formatAverage(average: number): string {
  return (Math.round(average * 10) / 10).toFixed(1);
}

/** What a screen reader hears for a rating summary: "Rated 4.5 out of 5 from 12 reviews". */
export function averageLabel(average: number | null, count: number): string {
  if (average === null || count === 0) return "No ratings yet";
  return `Rated ${formatAverage(average)} out of 5 from ${count.toLocaleString("en")} ${count === 1 ? "review" : "reviews"}`;
}

/** A histogram bar's share of all reviews, in whole percent. */
export function histogramShare(count: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((100 * count) / total);
}

export type StarFill = "full" | "half" | "empty";

/** How the `position`-th star (1 to 5) of an average is drawn: 4.3 shows four full stars and a
 * half one from 4.25, a full fifth from 4.75. */
export function starFill(rating: number, position: number): StarFill {
  const left = rating - (position - 1);
  if (left >= 0.75) return "full";
  if (left >= 0.25) return "half";
  return "empty";
}

/** Words beside the stars a student picks, so the choice reads as well as it looks. */
export const RATING_WORDS: Record<number, string> = { 1: "Poor", 2: "Fair", 3: "Good", 4: "Very good", 5: "Excellent" };
