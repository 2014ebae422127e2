"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api/client";
import type { CheckoutRequest, CouponWrite, OrderStatus, PlanPatch, PlanWrite, Purchase } from "@/lib/api/models";
import { unwrap } from "@/lib/api/unwrap";
import { queryKeys } from "./keys";

/** Which payment providers the checkout offers (and whether it is the offline test one). */
export function usePaymentsConfig() {
  return useQuery({
    queryKey: queryKeys.payments.config,
    queryFn: ({ signal }) => unwrap(api.GET("/api/payments/config", { signal })),
    staleTime: 5 * 60_000,
  });
}

/** The subscription plans on sale. */
export function usePlans() {
  return useQuery({
    queryKey: queryKeys.payments.plans,
    queryFn: ({ signal }) => unwrap(api.GET("/api/plans", { signal })),
    staleTime: 60_000,
  });
}

/** The server's price for a course or plan with a coupon: what checkout will charge. */
export function useQuote() {
  return useMutation({ mutationFn: (body: Purchase) => unwrap(api.POST("/api/payments/quote", { body })) });
}

/** Starts paying; the caller sends the browser to the provider's page it answers with. */
export function useStartCheckout() {
  return useMutation({ mutationFn: (body: CheckoutRequest) => unwrap(api.POST("/api/payments/checkout", { body })) });
}

/** One of the buyer's orders; polled while the provider's webhook is on its way. */
export function useOrder(orderId: string | null, poll: boolean) {
  return useQuery({
    queryKey: queryKeys.payments.order(orderId ?? ""),
    queryFn: ({ signal }) => unwrap(api.GET("/api/payments/orders/{order_id}", { params: { path: { order_id: orderId ?? "" } }, signal })),
    enabled: orderId !== null,
    refetchInterval: poll ? 1000 : false,
  });
}

/** Back from the provider's page: the provider finishes what needs the buyer (PayPal's capture). */
export function useReturnFromProvider() {
  return useMutation({
    mutationFn: (orderId: string) => unwrap(api.POST("/api/payments/orders/{order_id}/return", { params: { path: { order_id: orderId } } })),
  });
}

export function useMyOrders() {
  return useQuery({
    queryKey: queryKeys.payments.orders,
    queryFn: ({ signal }) => unwrap(api.GET("/api/me/orders", { signal })),
  });
}

export function useMySubscriptions() {
  return useQuery({
    queryKey: queryKeys.payments.subscriptions,
    queryFn: ({ signal }) => unwrap(api.GET("/api/me/subscriptions", { signal })),
  });
}

export function useMySubscription(subscriptionId: string | null, poll: boolean) {
  return useQuery({
    queryKey: queryKeys.payments.subscription(subscriptionId ?? ""),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/me/subscriptions/{subscription_id}", { params: { path: { subscription_id: subscriptionId ?? "" } }, signal })),
    enabled: subscriptionId !== null,
    refetchInterval: poll ? 1000 : false,
  });
}

/** After any change to a subscription: it, the history, and every course's access. */
function useSubscriptionChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.payments.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.learning.all });
  };
}

type SubscriptionAction = "cancel" | "resume";

export function useSubscriptionAction(action: SubscriptionAction) {
  const changed = useSubscriptionChanged();
  return useMutation({
    mutationFn: (subscriptionId: string) => {
      const params = { params: { path: { subscription_id: subscriptionId } } };
      return unwrap(
        action === "cancel"
          ? api.POST("/api/me/subscriptions/{subscription_id}/cancel", params)
          : api.POST("/api/me/subscriptions/{subscription_id}/resume", params),
      );
    },
    onSuccess: changed,
  });
}

export function useChangePlan() {
  const changed = useSubscriptionChanged();
  return useMutation({
    mutationFn: ({ subscriptionId, planId }: { subscriptionId: string; planId: string }) =>
      unwrap(api.POST("/api/me/subscriptions/{subscription_id}/plan", { params: { path: { subscription_id: subscriptionId } }, body: { plan_id: planId } })),
    onSuccess: changed,
  });
}

export function usePortal() {
  return useMutation({
    mutationFn: (subscriptionId: string) =>
      unwrap(api.POST("/api/me/subscriptions/{subscription_id}/portal", { params: { path: { subscription_id: subscriptionId } } })),
  });
}

// --- the offline test provider -------------------------------------------------------------

export function useTestCheckout(checkoutId: string) {
  return useQuery({
    queryKey: queryKeys.payments.testCheckout(checkoutId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/payments/test/checkouts/{checkout_id}", { params: { path: { checkout_id: checkoutId } }, signal })),
  });
}

export function useTestPay(checkoutId: string) {
  return useMutation({
    mutationFn: (cardNumber: string) =>
      unwrap(api.POST("/api/payments/test/checkouts/{checkout_id}/pay", { params: { path: { checkout_id: checkoutId } }, body: { card_number: cardNumber } })),
  });
}

export function useTestAbandon(checkoutId: string) {
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/payments/test/checkouts/{checkout_id}/cancel", { params: { path: { checkout_id: checkoutId } } })),
  });
}

/** The test clock and the test card that works: only for test subscriptions. */
export function useTestClock(action: "end-period" | "pay-overdue") {
  const changed = useSubscriptionChanged();
  return useMutation({
    mutationFn: (subscriptionId: string) => {
      const params = { params: { path: { subscription_id: subscriptionId } } };
      return unwrap(
        action === "end-period"
          ? api.POST("/api/payments/test/subscriptions/{subscription_id}/end-period", params)
          : api.POST("/api/payments/test/subscriptions/{subscription_id}/pay-overdue", params),
      );
    },
    onSuccess: changed,
  });
}

// --- an admin's ----------------------------------------------------------------------------

export function useAdminOrders(filters: { status: OrderStatus | null; email: string }) {
  return useQuery({
    queryKey: queryKeys.payments.admin.orders(filters),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/admin/orders", { params: { query: { status: filters.status ?? undefined, email: filters.email || undefined } }, signal })),
  });
}

export function useRefundOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, amount, reason }: { orderId: string; amount: number | null; reason: string }) =>
      unwrap(api.POST("/api/admin/orders/{order_id}/refunds", { params: { path: { order_id: orderId } }, body: { amount, reason } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.payments.admin.all }),
  });
}

export function useAdminPlans() {
  return useQuery({ queryKey: queryKeys.payments.admin.plans, queryFn: ({ signal }) => unwrap(api.GET("/api/admin/plans", { signal })) });
}

function usePlansChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.payments.admin.plans });
    void queryClient.invalidateQueries({ queryKey: queryKeys.payments.plans });
  };
}

export function useCreatePlan() {
  const changed = usePlansChanged();
  return useMutation({ mutationFn: (body: PlanWrite) => unwrap(api.POST("/api/admin/plans", { body })), onSuccess: changed });
}

export function useUpdatePlan() {
  const changed = usePlansChanged();
  return useMutation({
    mutationFn: ({ planId, body }: { planId: string; body: PlanPatch }) =>
      unwrap(api.PATCH("/api/admin/plans/{plan_id}", { params: { path: { plan_id: planId } }, body })),
    onSuccess: changed,
  });
}

export function useAdminCoupons() {
  return useQuery({ queryKey: queryKeys.payments.admin.coupons, queryFn: ({ signal }) => unwrap(api.GET("/api/admin/coupons", { signal })) });
}

export function useCreateCoupon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CouponWrite) => unwrap(api.POST("/api/admin/coupons", { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.payments.admin.coupons }),
  });
}

export function useSetCouponActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ couponId, active }: { couponId: string; active: boolean }) =>
      unwrap(api.PATCH("/api/admin/coupons/{coupon_id}", { params: { path: { coupon_id: couponId } }, body: { active } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.payments.admin.coupons }),
  });
}

export function useAdminSubscriptions() {
  return useQuery({
    queryKey: queryKeys.payments.admin.subscriptions,
    queryFn: ({ signal }) => unwrap(api.GET("/api/admin/subscriptions", { signal })),
  });
}
