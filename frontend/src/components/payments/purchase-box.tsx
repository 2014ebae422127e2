"use client";

import { Sparkles } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatPrice } from "@/lib/format/course";
import type { CourseLanding, Quote } from "@/lib/api/models";
import { usePlans } from "@/hooks/queries/payments";
import { CheckoutButtons } from "./checkout-buttons";
import { CouponField } from "./coupon-field";
import { PriceTag } from "./price-tag";
import { planPrice } from "./payments-format";

/** Buying a course: its price, a coupon checked by the server (the discounted price shows
 * before checkout), the providers' buttons, and the plans that include it. */
export function PurchaseBox({ course }: { course: CourseLanding }) {
  const [quote, setQuote] = useState<Quote | null>(null);
  const price = course.price_amount ?? 0;
  const total = quote?.total ?? price;
  return (
    <div className="grid gap-3">
      <PriceTag amount={price} currency={course.currency} quote={quote} />
      <CouponField purchase={{ course_id: course.id }} quote={quote} onQuote={setQuote} />
      <CheckoutButtons
        purchase={{ course_id: course.id, coupon_code: quote?.coupon_code ?? null }}
        label={total > 0 ? `Buy now for ${formatPrice(total, course.currency)}` : "Get it free"}
      />
      <PlansTeaser />
    </div>
  );
}

/** "Or every course with a plan": shown where a course is sold. */
export function PlansTeaser() {
  const plans = usePlans();
  const cheapest = [...(plans.data ?? [])].sort((a, b) => a.amount - b.amount)[0];
  if (!cheapest) return null;
  return (
    <p className="flex items-start gap-2 rounded-md bg-muted px-3 py-2 text-sm">
      <Sparkles className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
      <span>
        Or get every course with a subscription, from {planPrice(cheapest)}.{" "}
        <Link href="/pricing" className="font-medium text-primary hover:underline">
          See plans
        </Link>
      </span>
    </p>
  );
}
