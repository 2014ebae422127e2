"use client";

import { CreditCard, Shield, User } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/class-names";

const sections = [
  { href: "/account", label: "Profile", icon: User },
  { href: "/account/security", label: "Security", icon: Shield },
  { href: "/account/billing", label: "Billing", icon: CreditCard },
];

/** Switches between the account's pages; looks like tabs, behaves like links. */
export function AccountNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Account sections" className="inline-flex h-10 items-center gap-1 rounded-lg bg-muted p-1">
      {sections.map(({ href, label, icon: Icon }) => {
        const current = pathname === href;
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground",
              current && "bg-surface text-foreground shadow-xs",
            )}
          >
            <Icon className="size-4" aria-hidden /> {label}
          </Link>
        );
      })}
    </nav>
  );
}
