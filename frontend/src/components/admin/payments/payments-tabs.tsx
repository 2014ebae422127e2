"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/class-names";

const tabs = [
  { href: "/admin/payments", label: "Orders" },
  { href: "/admin/payments/subscriptions", label: "Subscriptions" },
  { href: "/admin/payments/plans", label: "Plans" },
  { href: "/admin/payments/coupons", label: "Coupons" },
];

/** The payments area's pages; looks like tabs, behaves like links. */
export function PaymentsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Payments sections" className="inline-flex h-10 max-w-full items-center gap-1 overflow-x-auto rounded-lg bg-muted p-1">
      {tabs.map(({ href, label }) => (
        <Link
          key={href}
          href={href}
          aria-current={pathname === href ? "page" : undefined}
          className={cn(
            "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground",
            pathname === href && "bg-surface text-foreground shadow-xs",
          )}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
