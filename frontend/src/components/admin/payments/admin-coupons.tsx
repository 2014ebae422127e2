"use client";

import { Plus, TicketPercent } from "lucide-react";
import { useState } from "react";
import { LoadingBlock } from "@/components/payments/loading-block";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { QueryError } from "@/components/ui/query-error";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { useAdminCoupons, useAdminPlans, useCreateCoupon, useSetCouponActive } from "@/hooks/queries/payments";
import { describeError } from "@/lib/api/errors";
import type { Coupon, CouponWrite } from "@/lib/api/models";
import { toMinorUnits } from "@/lib/format/course";

/** Coupons: percentage or amount, for everything, a course or a plan, with dates and limits. */
export function AdminCoupons() {
  const coupons = useAdminCoupons();
  return (
    <div className="grid gap-4">
      <div className="flex justify-end">
        <NewCouponDialog />
      </div>
      {coupons.isPending ? (
        <LoadingBlock className="h-40 w-full" label="Loading…" />
      ) : coupons.isError ? (
        <QueryError error={coupons.error} onRetry={() => void coupons.refetch()} />
      ) : coupons.data.length === 0 ? (
        <EmptyState icon={TicketPercent} title="No coupons yet" />
      ) : (
        <ul className="divide-y divide-border rounded-xl border border-border bg-surface" aria-label="Coupons">
          {coupons.data.map((coupon) => (
            <CouponRow key={coupon.id} coupon={coupon} />
          ))}
        </ul>
      )}
    </div>
  );
}

function CouponRow({ coupon }: { coupon: Coupon }) {
  const setActive = useSetCouponActive();
  const target = coupon.applies_to === "course" ? coupon.course_title ?? "one course" : coupon.applies_to === "plan" ? "one plan" : "everything";
  const used = coupon.max_redemptions ? `${coupon.redeemed_count} of ${coupon.max_redemptions} used` : `${coupon.redeemed_count} used`;
  const expired = coupon.ends_at !== null && new Date(coupon.ends_at) <= new Date();
  return (
    <li className="flex flex-wrap items-center gap-3 p-4">
      <div className="grid flex-1 gap-0.5">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-mono font-semibold">{coupon.code}</span>
          <span>{coupon.summary}</span>
          <span className="text-muted-foreground">on {target}</span>
          {expired && <Badge tone="warning">Expired</Badge>}
        </p>
        <p className="text-xs text-muted-foreground">
          {used} · {coupon.per_user_limit ? `${coupon.per_user_limit} per person` : "no limit per person"} ·{" "}
          {coupon.duration === "repeating" ? `${coupon.duration_months} months of a subscription` : coupon.duration === "forever" ? "every subscription payment" : "first payment only"}
          {coupon.ends_at && (
            <>
              {" "}
              · until <LocalTime iso={coupon.ends_at} />
            </>
          )}
        </p>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <Switch
          checked={coupon.active}
          disabled={setActive.isPending}
          onCheckedChange={(active) => setActive.mutate({ couponId: coupon.id, active }, { onError: (error) => toast.error(describeError(error)) })}
        />
        Active
      </label>
    </li>
  );
}

function NewCouponDialog() {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [kind, setKind] = useState<CouponWrite["kind"]>("percent");
  const [value, setValue] = useState("");
  const [planId, setPlanId] = useState("");
  const [limit, setLimit] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [duration, setDuration] = useState<CouponWrite["duration"]>("once");
  const [months, setMonths] = useState("3");
  const plans = useAdminPlans();
  const create = useCreateCoupon();
  const submit = () => {
    const amount = kind === "amount" ? toMinorUnits(value, "USD") : null;
    const body: CouponWrite = {
      code: code.trim(),
      kind,
      percent_off: kind === "percent" ? Number(value) : null,
      amount_off: amount,
      currency: kind === "amount" ? "USD" : null,
      applies_to: planId ? "plan" : "everything",
      plan_id: planId || null,
      course_id: null,
      starts_at: null,
      ends_at: endsOn ? new Date(`${endsOn}T23:59:59`).toISOString() : null,
      max_redemptions: limit ? Number(limit) : null,
      per_user_limit: 1,
      duration,
      duration_months: duration === "repeating" ? Number(months) : null,
    };
    create.mutate(body, { onSuccess: () => (setOpen(false), toast.success(`Coupon ${body.code.toUpperCase()} created.`)) });
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> New coupon
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New coupon</DialogTitle>
          <DialogDescription>Buyers type the code at checkout; the price with the discount shows before they pay.</DialogDescription>
        </DialogHeader>
        <form
          id="coupon-form"
          className="grid gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <FormField label="Code" hint="Letters, digits, - and _">
            <Input value={code} onChange={(event) => setCode(event.target.value.toUpperCase())} required minLength={3} maxLength={40} className="font-mono" />
          </FormField>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Discount">
              <NativeSelect value={kind} onChange={(event) => setKind(event.target.value as CouponWrite["kind"])}>
                <option value="percent">Percentage</option>
                <option value="amount">Amount (USD)</option>
              </NativeSelect>
            </FormField>
            <FormField label={kind === "percent" ? "Percent off" : "Amount off"}>
              <Input value={value} onChange={(event) => setValue(event.target.value)} inputMode="decimal" required />
            </FormField>
          </div>
          <FormField label="For">
            <NativeSelect value={planId} onChange={(event) => setPlanId(event.target.value)}>
              <option value="">Every course and plan</option>
              {(plans.data ?? []).map((plan) => (
                <option key={plan.id} value={plan.id}>
                  The {plan.name} plan only
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Uses in all (empty: no limit)">
              <Input value={limit} onChange={(event) => setLimit(event.target.value)} inputMode="numeric" />
            </FormField>
            <FormField label="Last day (empty: no end)">
              <Input type="date" value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />
            </FormField>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="On subscriptions">
              <NativeSelect value={duration} onChange={(event) => setDuration(event.target.value as CouponWrite["duration"])}>
                <option value="once">First payment only</option>
                <option value="repeating">For some months</option>
                <option value="forever">Every payment</option>
              </NativeSelect>
            </FormField>
            {duration === "repeating" && (
              <FormField label="Months">
                <Input value={months} onChange={(event) => setMonths(event.target.value)} inputMode="numeric" />
              </FormField>
            )}
          </div>
          {create.isError && (
            <p role="alert" className="text-sm text-destructive">
              {describeError(create.error)}
            </p>
          )}
        </form>
        <DialogFooter>
          <Button type="submit" form="coupon-form" pending={create.isPending}>
            Create coupon
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
