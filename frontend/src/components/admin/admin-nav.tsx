"use client";

import { ClipboardCheck, CreditCard, FolderTree, LibraryBig, ScrollText, Shield, Star, UsersRound } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { useReviewQueue } from "@/hooks/queries/moderation";
import { cn } from "@/lib/class-names";

const sections = [
  { href: "/admin/users", label: "People", icon: UsersRound },
  { href: "/admin/reviews", label: "Review queue", icon: ClipboardCheck },
  { href: "/admin/courses", label: "Courses", icon: LibraryBig },
  { href: "/admin/topics", label: "Topics", icon: FolderTree },
  { href: "/admin/ratings", label: "Ratings", icon: Star },
  { href: "/admin/payments", label: "Payments", icon: CreditCard },
  { href: "/admin/audit", label: "Audit log", icon: ScrollText },
];

/** The admin area's sections, under the site header; scrolls sideways on a phone rather than wrapping. */
export function AdminNav() {
  const pathname = usePathname();
  const queue = useReviewQueue();
  const waiting = queue.data?.length ?? 0;
  const navRef = useRef<HTMLElement>(null);

  // On a phone the bar scrolls sideways: bring the current section into view.
  useEffect(() => {
    navRef.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);

  return (
    <div className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Link
          href="/admin"
          aria-current={pathname === "/admin" ? "page" : undefined}
          className="hidden shrink-0 items-center gap-1.5 rounded-md text-sm font-semibold sm:inline-flex"
        >
          <Shield className="size-4 text-primary" aria-hidden /> Admin
        </Link>
        <nav ref={navRef} aria-label="Admin sections" className="-mb-px flex min-w-0 flex-1 overflow-x-auto">
          <ul className="flex gap-1">
            {sections.map(({ href, label, icon: Icon }) => {
              const current = pathname === href || pathname.startsWith(`${href}/`);
              const count = href === "/admin/reviews" && waiting > 0 ? waiting : null;
              return (
                <li key={href}>
                  <Link
                    href={href}
                    aria-current={current ? "page" : undefined}
                    className={cn(
                      "inline-flex h-12 items-center gap-1.5 border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground",
                      current && "border-primary text-foreground",
                    )}
                  >
                    <Icon className="size-4" aria-hidden />
                    {label}
                    {count !== null && (
                      <span className="rounded-full bg-warning-soft px-1.5 py-0.5 text-xs font-semibold text-warning tabular-nums">
                        {count}
                        <span className="sr-only"> waiting</span>
                      </span>
                    )}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>
    </div>
  );
}
