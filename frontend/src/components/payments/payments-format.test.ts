import { describe, expect, it } from "vitest";
import type { Quote, Subscription } from "@/lib/api/models";
import { planPrice, quoteTerms, subscriptionSummary } from "./payments-format";

const quote = (fields: Partial<Quote>): Quote => ({
  currency: "USD",
  subtotal: 2000,
  discount: 0,
  total: 2000,
  coupon_code: null,
  coupon_summary: null,
  discount_applies_to: null,
  later_total: null,
  interval: null,
  trial_days: 0,
  ...fields,
});

describe("prices in words", () => {
  it("name the plan's interval", () => {
    expect(planPrice({ amount: 2000, currency: "USD", interval: "month" })).toBe("$20.00 / month");
  });

  it("say once for a course and what later payments cost for a plan", () => {
    expect(quoteTerms(quote({ total: 4000 }))).toBe("$40.00 once. Yours to keep.");
    expect(quoteTerms(quote({ interval: "month", discount: 1000, total: 1000, later_total: 2000, discount_applies_to: "the first 3 months" }))).toBe(
      "$10.00 / month for the first 3 months, then $20.00 / month. Cancel any time.",
    );
    expect(quoteTerms(quote({ interval: "year", total: 20000, later_total: 20000, trial_days: 14 }))).toBe("14 days free, then $200.00 / year. Cancel any time.");
  });
});

describe("a subscription's standing", () => {
  const base = {
    status: "active",
    cancel_at_period_end: false,
    current_period_end: "2026-12-31T10:00:00Z",
    grace_ends_at: null,
    ended_at: null,
  } as unknown as Subscription;

  it("tells a cancelled subscriber how long access lasts", () => {
    expect(subscriptionSummary(base)).toBe("Renews on 31 December 2026.");
    expect(subscriptionSummary({ ...base, cancel_at_period_end: true })).toBe("Cancelled: you keep access until 31 December 2026.");
  });
});
