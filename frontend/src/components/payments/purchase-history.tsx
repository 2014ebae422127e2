"use client";

import { Receipt } from "lucide-react";
import Link from "next/link";
import { LoadingBlock } from "@/components/payments/loading-block";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { QueryError } from "@/components/ui/query-error";
import { useMyOrders } from "@/hooks/queries/payments";
import { formatPrice } from "@/lib/format/course";
import { ORDER_STATUS } from "./payments-format";

/** Every course bought and every subscription payment, newest first. */
export function PurchaseHistory() {
  const orders = useMyOrders();
  return (
    <Card aria-labelledby="history-title">
      <CardHeader>
        <CardTitle id="history-title">Purchase history</CardTitle>
        <CardDescription>Receipts are also sent by email when a payment goes through.</CardDescription>
      </CardHeader>
      <CardContent>
        {orders.isPending ? (
          <LoadingBlock className="h-24 w-full" label="Loading…" />
        ) : orders.isError ? (
          <QueryError error={orders.error} onRetry={() => void orders.refetch()} />
        ) : orders.data.length === 0 ? (
          <EmptyState icon={Receipt} title="Nothing bought yet">
            Courses you buy and subscription payments show up here.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-border" aria-label="Orders">
            {orders.data.map((order) => {
              const status = ORDER_STATUS[order.status];
              return (
                <li key={order.id} className="grid gap-1 py-3 sm:grid-cols-[1fr_auto] sm:items-center">
                  <div className="grid gap-0.5">
                    <p className="font-medium">
                      {order.lines.map((line) =>
                        line.course_slug ? (
                          <Link key={line.description} href={`/courses/${line.course_slug}`} className="hover:underline">
                            {line.description}
                          </Link>
                        ) : (
                          <span key={line.description}>{line.description}</span>
                        ),
                      )}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      <LocalTime iso={order.paid_at ?? order.created_at} /> · Receipt {order.number}
                      {order.coupon_code ? ` · ${order.coupon_code}` : ""}
                      {order.provider === "test" ? " · test payment" : ""}
                    </p>
                  </div>
                  <div className="flex items-center gap-2 sm:justify-end">
                    <span className="font-semibold tabular-nums">{formatPrice(order.total_amount, order.currency)}</span>
                    {order.refunded_amount > 0 && <span className="text-xs text-muted-foreground">({formatPrice(order.refunded_amount, order.currency)} refunded)</span>}
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
