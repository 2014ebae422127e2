"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect, Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { formatPrice } from "@/lib/format/course";
import { CURRENCIES, currencyDigits, draftPrice } from "./course-draft";
import type { CourseDraftState } from "./use-course-draft";

/** Free or paid, and for how much: typed in ordinary units ("49.99"), stored in cents. */
export function PricingTab({ state, editable }: { state: CourseDraftState; editable: boolean }) {
  const { draft, setField, errors, flush } = state;
  const price = draftPrice(draft);
  const error = errors.price_amount;
  return (
    <Card aria-labelledby="price-title">
      <CardHeader>
        <CardTitle id="price-title">Price</CardTitle>
        <CardDescription>Free courses are open to everyone who enrols. A price can be changed at any time.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <div className="flex items-start justify-between gap-4 rounded-lg border border-border p-4">
          <div className="grid gap-0.5">
            <Label htmlFor="course-paid">Paid course</Label>
            <p id="course-paid-note" className="text-sm text-muted-foreground">
              {draft.paid ? "Students pay once to enrol." : "The course is free."}
            </p>
          </div>
          <Switch
            id="course-paid"
            checked={draft.paid}
            disabled={!editable}
            aria-describedby="course-paid-note"
            onCheckedChange={(paid) => setField("paid", paid)}
          />
        </div>

        {draft.paid && (
          <div className="grid gap-4">
            <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
              <div className="grid gap-1.5">
                <Label htmlFor="course-price">Amount</Label>
                <Input
                  id="course-price"
                  inputMode="decimal"
                  autoComplete="off"
                  value={draft.price}
                  disabled={!editable}
                  placeholder={currencyDigits(draft.currency) === 0 ? "4900" : "49.99"}
                  aria-invalid={error ? true : undefined}
                  aria-describedby="course-price-note"
                  onChange={(event) => setField("price", event.target.value)}
                  onBlur={flush}
                />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="course-currency">Currency</Label>
                <NativeSelect id="course-currency" value={draft.currency} disabled={!editable} onChange={(event) => setField("currency", event.target.value)}>
                  {CURRENCIES.map((currency) => (
                    <option key={currency} value={currency}>
                      {currency}
                    </option>
                  ))}
                </NativeSelect>
              </div>
            </div>
            <p id="course-price-note" className={error ? "text-sm font-medium text-destructive" : "text-sm text-muted-foreground"} aria-live="polite">
              {error ?? (price ? <>Students will see <strong className="text-foreground">{formatPrice(price, draft.currency)}</strong>.</> : "Type the amount in ordinary units, e.g. 49.99.")}
            </p>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
