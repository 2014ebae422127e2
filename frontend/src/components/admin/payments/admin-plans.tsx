"use client";

import { Plus, Sparkles } from "lucide-react";
import { useState } from "react";
import { planPrice } from "@/components/payments/payments-format";
import { LoadingBlock } from "@/components/payments/loading-block";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { QueryError } from "@/components/ui/query-error";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { useAdminPlans, useCreatePlan, useUpdatePlan } from "@/hooks/queries/payments";
import { describeError } from "@/lib/api/errors";
import type { Plan } from "@/lib/api/models";
import { toMinorUnits } from "@/lib/format/course";

/** The subscription plans: create, edit, take off sale. */
export function AdminPlans() {
  const plans = useAdminPlans();
  return (
    <div className="grid gap-4">
      <div className="flex justify-end">
        <PlanDialog plan={null} />
      </div>
      {plans.isPending ? (
        <LoadingBlock className="h-40 w-full" label="Loading…" />
      ) : plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.length === 0 ? (
        <EmptyState icon={Sparkles} title="No plans yet">
          A plan sells every course, or a collection, by the month or the year.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-border rounded-xl border border-border bg-surface" aria-label="Plans">
          {plans.data.map((plan) => (
            <PlanRow key={plan.id} plan={plan} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PlanRow({ plan }: { plan: Plan }) {
  const update = useUpdatePlan();
  return (
    <li className="flex flex-wrap items-center gap-3 p-4">
      <div className="grid flex-1 gap-0.5">
        <p className="flex items-center gap-2 font-medium">
          {plan.name} <span className="text-muted-foreground">{planPrice(plan)}</span>
          {plan.trial_days > 0 && <Badge tone="accent">{plan.trial_days}-day trial</Badge>}
        </p>
        <p className="text-xs text-muted-foreground">{plan.scope === "all_courses" ? `Every paid course (${plan.course_count})` : `${plan.course_count} courses`}</p>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <Switch
          checked={plan.active}
          disabled={update.isPending}
          onCheckedChange={(active) =>
            update.mutate(
              { planId: plan.id, body: { active } },
              { onSuccess: () => toast.success(active ? `${plan.name} is on sale.` : `${plan.name} is off sale; subscribers keep it.`), onError: (error) => toast.error(describeError(error)) },
            )
          }
        />
        On sale
      </label>
      <PlanDialog plan={plan} />
    </li>
  );
}

function PlanDialog({ plan }: { plan: Plan | null }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(plan?.name ?? "");
  const [description, setDescription] = useState(plan?.description ?? "");
  const [interval, setInterval] = useState<Plan["interval"]>(plan?.interval ?? "month");
  const [price, setPrice] = useState(plan ? (plan.amount / 100).toFixed(2) : "");
  const [trial, setTrial] = useState(String(plan?.trial_days ?? 0));
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const amount = toMinorUnits(price, plan?.currency ?? "USD");
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const save = () => {
    if (amount === null || !name.trim()) return;
    const done = { onSuccess: () => (setOpen(false), toast.success(plan ? "Plan saved." : "Plan created.")) };
    if (plan) update.mutate({ planId: plan.id, body: { name, description, amount, trial_days: Number(trial) || 0 } }, done);
    else create.mutate({ name, description, interval, amount, currency: "USD", trial_days: Number(trial) || 0, scope: "all_courses", course_ids: [], active: true }, done);
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {plan ? (
          <Button variant="secondary" size="sm">
            Edit
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden /> New plan
          </Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{plan ? `Edit ${plan.name}` : "New plan"}</DialogTitle>
          <DialogDescription>A new price applies to new subscribers; current ones keep theirs.</DialogDescription>
        </DialogHeader>
        <form
          id="plan-form"
          className="grid gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <FormField label="Name">
            <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} required />
          </FormField>
          <FormField label="Description">
            <Textarea value={description} onChange={(event) => setDescription(event.target.value)} maxLength={300} />
          </FormField>
          <div className="grid gap-3 sm:grid-cols-3">
            <FormField label="Billed every">
              <NativeSelect value={interval} onChange={(event) => setInterval(event.target.value as Plan["interval"])} disabled={plan !== null}>
                <option value="month">Month</option>
                <option value="year">Year</option>
              </NativeSelect>
            </FormField>
            <FormField label="Price (USD)" error={price && amount === null ? "e.g. 20.00" : undefined}>
              <Input value={price} onChange={(event) => setPrice(event.target.value)} inputMode="decimal" required />
            </FormField>
            <FormField label="Free trial (days)">
              <Input value={trial} onChange={(event) => setTrial(event.target.value)} inputMode="numeric" />
            </FormField>
          </div>
          {error && (
            <p role="alert" className="text-sm text-destructive">
              {describeError(error)}
            </p>
          )}
        </form>
        <DialogFooter>
          <Button type="submit" form="plan-form" pending={pending}>
            {plan ? "Save plan" : "Create plan"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
