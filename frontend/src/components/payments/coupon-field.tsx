"use client";

import { TicketPercent, X } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { describeError } from "@/lib/api/errors";
import type { Purchase, Quote } from "@/lib/api/models";
import { useQuote } from "@/hooks/queries/payments";

type CouponFieldProps = {
  purchase: Omit<Purchase, "coupon_code">;
  quote: Quote | null;
  onQuote: (quote: Quote | null) => void;
};

/** "Have a coupon?": the code is checked by the server, which answers with the price it will charge. */
export function CouponField({ purchase, quote, onQuote }: CouponFieldProps) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const check = useQuote();
  const id = useId();

  if (quote?.coupon_code) {
    return (
      <p className="flex items-center justify-between gap-2 rounded-md border border-success/30 bg-success-soft px-3 py-2 text-sm">
        <span className="inline-flex items-center gap-1.5">
          <TicketPercent className="size-4 text-success" aria-hidden />
          <span>
            <strong className="font-semibold">{quote.coupon_code}</strong> applied: {quote.coupon_summary}
            {quote.discount_applies_to ? ` for ${quote.discount_applies_to}` : ""}
          </span>
        </span>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Remove coupon ${quote.coupon_code}`}
          onClick={() => {
            onQuote(null);
            setCode("");
          }}
        >
          <X aria-hidden />
        </Button>
      </p>
    );
  }
  if (!open) {
    return (
      <Button variant="link" size="sm" className="justify-self-start" onClick={() => setOpen(true)}>
        Have a coupon?
      </Button>
    );
  }
  const apply = () => {
    const trimmed = code.trim();
    if (!trimmed) return;
    check.mutate({ ...purchase, coupon_code: trimmed }, { onSuccess: (fresh) => onQuote(fresh) });
  };
  return (
    <form
      className="grid gap-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        Coupon code
      </label>
      <div className="flex gap-2">
        <Input
          id={id}
          value={code}
          onChange={(event) => setCode(event.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={check.isError}
          aria-describedby={check.isError ? `${id}-error` : undefined}
          placeholder="e.g. WELCOME20"
          className="uppercase"
        />
        <Button type="submit" variant="secondary" pending={check.isPending} disabled={!code.trim()}>
          Apply
        </Button>
      </div>
      {check.isError && (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {describeError(check.error)}
        </p>
      )}
    </form>
  );
}
