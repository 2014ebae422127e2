import type { Quote } from "@/lib/api/models";
import { formatPrice } from "@/lib/format/course";

/** The price, and with a coupon the price before it, struck through. */
export function PriceTag({ amount, currency, quote, suffix }: { amount: number; currency: string; quote: Quote | null; suffix?: string }) {
  const discounted = quote !== null && quote.discount > 0;
  return (
    <p className="flex flex-wrap items-baseline gap-x-2 font-display text-3xl font-semibold tracking-tight">
      <span className="sr-only">Price: </span>
      {discounted ? (
        <>
          <span>{formatPrice(quote.total, quote.currency)}</span>
          <span className="sr-only">, reduced from </span>
          <s className="text-lg font-medium text-muted-foreground">{formatPrice(amount, currency)}</s>
        </>
      ) : (
        <span>{formatPrice(amount, currency)}</span>
      )}
      {suffix && <span className="text-base font-normal text-muted-foreground">{suffix}</span>}
    </p>
  );
}
