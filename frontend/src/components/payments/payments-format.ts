import type { OrderStatus, Plan, Quote, Subscription, SubscriptionStatus } from "@/lib/api/models";
import { formatPrice } from "@/lib/format/course";

type Tone = "neutral" | "accent" | "success" | "warning" | "danger";

export const ORDER_STATUS: Record<OrderStatus, { label: string; tone: Tone }> = {
  pending: { label: "Waiting for payment", tone: "neutral" },
  paid: { label: "Paid", tone: "success" },
  partially_refunded: { label: "Partly refunded", tone: "warning" },
  refunded: { label: "Refunded", tone: "danger" },
  expired: { label: "Not completed", tone: "neutral" },
};

export const SUBSCRIPTION_STATUS: Record<SubscriptionStatus, { label: string; tone: Tone }> = {
  incomplete: { label: "Not started", tone: "neutral" },
  trialing: { label: "Free trial", tone: "accent" },
  active: { label: "Active", tone: "success" },
  past_due: { label: "Payment failed", tone: "warning" },
  paused: { label: "Paused", tone: "danger" },
  canceled: { label: "Ended", tone: "neutral" },
  expired: { label: "Not completed", tone: "neutral" },
};

/** The cards the offline test provider accepts, and what each does. */
export const TEST_CARDS = [
  { number: "4242 4242 4242 4242", label: "Pays, and renews every time" },
  { number: "4000 0000 0000 0341", label: "Pays now, fails at the next renewal" },
  { number: "4000 0000 0000 0002", label: "Is declined" },
] as const;

export function perInterval(interval: Plan["interval"]): string {
  return interval === "year" ? "year" : "month";
}

/** "$20.00 / month". */
export function planPrice(plan: Pick<Plan, "amount" | "currency" | "interval">): string {
  return `${formatPrice(plan.amount, plan.currency)} / ${perInterval(plan.interval)}`;
}

/** What the buyer pays now and later, in words, for a quote. */
export function quoteTerms(quote: Quote): string {
  const now = formatPrice(quote.total, quote.currency) === "Free" ? "Nothing" : formatPrice(quote.total, quote.currency);
  if (!quote.interval) return `${now} once. Yours to keep.`;
  const every = perInterval(quote.interval);
  const later = quote.later_total !== null && quote.later_total !== quote.total ? formatPrice(quote.later_total, quote.currency) : null;
  const trial = quote.trial_days > 0 ? `${quote.trial_days} days free, then ` : "";
  if (quote.discount > 0 && quote.discount_applies_to && later) {
    return `${trial}${now} / ${every} for ${quote.discount_applies_to}, then ${later} / ${every}. Cancel any time.`;
  }
  return `${trial}${now} / ${every}. Cancel any time.`;
}

function day(iso: string | null): string {
  if (!iso) return "";
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

/** One line about where a subscription stands and what happens next. */
export function subscriptionSummary(subscription: Subscription): string {
  const end = day(subscription.current_period_end);
  switch (subscription.status) {
    case "trialing":
      return subscription.cancel_at_period_end ? `Your trial ends on ${end}; you won't be charged.` : `Your free trial ends on ${end}; the first payment is then.`;
    case "active":
      return subscription.cancel_at_period_end ? `Cancelled: you keep access until ${end}.` : `Renews on ${end}.`;
    case "past_due":
      return `Your last payment failed. Access continues until ${day(subscription.grace_ends_at)}; update your payment to keep it.`;
    case "paused":
      return "Paused: the last payment failed. Pay to pick up where you were.";
    case "canceled":
      return `Ended on ${day(subscription.ended_at ?? subscription.current_period_end)}.`;
    default:
      return "This subscription never started.";
  }
}

/** 1250 USD -> "12.50": what a person types in an amount field. */
export function majorUnits(amount: number, currency: string): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (amount / 10 ** digits).toFixed(digits);
}
