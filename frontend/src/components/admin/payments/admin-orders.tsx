"use client";

import { Receipt, Search } from "lucide-react";
import { useState } from "react";
import { useDebouncedValue } from "@/components/admin/use-debounced-value";
import { majorUnits, ORDER_STATUS } from "@/components/payments/payments-format";
import { LoadingBlock } from "@/components/payments/loading-block";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { QueryError } from "@/components/ui/query-error";
import { toast } from "@/components/ui/toaster";
import { useAdminOrders, useRefundOrder } from "@/hooks/queries/payments";
import { describeError } from "@/lib/api/errors";
import type { AdminOrder, OrderStatus } from "@/lib/api/models";
import { formatPrice, toMinorUnits } from "@/lib/format/course";

/** Every order, newest first, filtered by status or buyer; paid ones can be refunded. */
export function AdminOrders() {
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const [email, setEmail] = useState("");
  const query = useDebouncedValue(email, 300);
  const orders = useAdminOrders({ status, email: query });
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap gap-2">
        <label className="relative min-w-56 flex-1">
          <span className="sr-only">Buyer's email</span>
          <Search className="absolute top-3 left-3 size-4 text-muted-foreground" aria-hidden />
          <Input value={email} onChange={(event) => setEmail(event.target.value)} placeholder="Buyer's email" className="pl-9" type="search" />
        </label>
        <label>
          <span className="sr-only">Status</span>
          <NativeSelect value={status ?? ""} onChange={(event) => setStatus((event.target.value || null) as OrderStatus | null)}>
            <option value="">Every status</option>
            {Object.entries(ORDER_STATUS).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </label>
      </div>
      {orders.isPending ? (
        <LoadingBlock className="h-48 w-full" label="Loading…" />
      ) : orders.isError ? (
        <QueryError error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.items.length === 0 ? (
        <EmptyState icon={Receipt} title="No orders">
          Purchases and subscription payments appear here as they are paid.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-border rounded-xl border border-border bg-surface" aria-label="Orders">
          {orders.data.items.map((order) => (
            <OrderRow key={order.id} order={order} />
          ))}
        </ul>
      )}
    </div>
  );
}

function OrderRow({ order }: { order: AdminOrder }) {
  const status = ORDER_STATUS[order.status];
  return (
    <li className="grid gap-2 p-4 sm:grid-cols-[1fr_auto] sm:items-center">
      <div className="grid gap-0.5">
        <p className="font-medium">{order.lines.map((line) => line.description).join(", ")}</p>
        <p className="text-xs text-muted-foreground">
          {order.user_name} · {order.user_email} · <LocalTime iso={order.paid_at ?? order.created_at} withTime /> · {order.number} · {order.provider}
          {order.coupon_code ? ` · ${order.coupon_code}` : ""}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:justify-end">
        <span className="text-right tabular-nums">
          <span className="font-semibold">{formatPrice(order.total_amount, order.currency)}</span>
          {order.discount_amount > 0 && <span className="block text-xs text-muted-foreground">−{formatPrice(order.discount_amount, order.currency)} discount</span>}
          {order.fee_amount !== null && <span className="block text-xs text-muted-foreground">{formatPrice(order.fee_amount, order.currency)} fee</span>}
          {order.refunded_amount > 0 && <span className="block text-xs text-destructive">{formatPrice(order.refunded_amount, order.currency)} refunded</span>}
        </span>
        <Badge tone={status.tone}>{status.label}</Badge>
        {order.refundable_amount > 0 && <RefundDialog order={order} />}
      </div>
    </li>
  );
}

function RefundDialog({ order }: { order: AdminOrder }) {
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState(majorUnits(order.refundable_amount, order.currency));
  const [reason, setReason] = useState("");
  const refund = useRefundOrder();
  const minor = toMinorUnits(amount, order.currency);
  const full = minor === order.refundable_amount && order.refunded_amount === 0;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          Refund
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Refund {order.number}</DialogTitle>
          <DialogDescription>
            Up to {formatPrice(order.refundable_amount, order.currency)} goes back to {order.user_email} through {order.provider}.{" "}
            {order.kind === "course" ? "A course refunded in full loses its access." : "The subscription itself carries on."}
          </DialogDescription>
        </DialogHeader>
        <form
          id={`refund-${order.id}`}
          className="grid gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (minor === null) return;
            refund.mutate(
              { orderId: order.id, amount: minor, reason },
              {
                onSuccess: () => {
                  toast.success(`Refunded ${formatPrice(minor, order.currency)}.`);
                  setOpen(false);
                },
              },
            );
          }}
        >
          <FormField label={`Amount (${order.currency})`} error={minor === null && amount ? "Type an amount, e.g. 12.50" : undefined}>
            <Input value={amount} onChange={(event) => setAmount(event.target.value)} inputMode="decimal" />
          </FormField>
          <FormField label="Reason (kept in the audit log)">
            <Input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={300} />
          </FormField>
          {refund.isError && (
            <p role="alert" className="text-sm text-destructive">
              {describeError(refund.error)}
            </p>
          )}
        </form>
        <DialogFooter>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Keep the payment
          </Button>
          <Button type="submit" form={`refund-${order.id}`} variant="destructive" pending={refund.isPending} disabled={minor === null}>
            {full ? "Refund in full" : "Refund"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
