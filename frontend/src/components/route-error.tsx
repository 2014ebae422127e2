"use client";

import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** What a route's error.tsx shows: what failed, a retry, and optionally a way elsewhere. */
export function RouteError({
  title,
  message,
  reset,
  link,
}: {
  title: string;
  message: string;
  reset: () => void;
  link?: { href: string; label: string };
}) {
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-20 text-center">
      <span className="flex size-14 items-center justify-center rounded-full bg-destructive-soft text-destructive">
        <TriangleAlert className="size-7" aria-hidden />
      </span>
      <h1 className="font-display text-3xl font-semibold tracking-tight">{title}</h1>
      <p className="text-muted-foreground">{message}</p>
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={reset}>Try again</Button>
        {link ? (
          <Button asChild variant="secondary">
            <Link href={link.href}>{link.label}</Link>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
