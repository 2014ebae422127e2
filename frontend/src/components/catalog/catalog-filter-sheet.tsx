"use client";

import { SlidersHorizontal } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

type FilterSheetProps = { activeCount: number; onClearAll: () => void; children: ReactNode };

/** On a phone the filters live in a sheet from the bottom; choices apply at once, behind it. */
export function CatalogFilterSheet({ activeCount, onClearAll, children }: FilterSheetProps) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="secondary" className="lg:hidden">
          <SlidersHorizontal aria-hidden />
          Filters
          {activeCount > 0 && (
            <span className="ml-0.5 inline-flex min-w-5 items-center justify-center rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground">
              {activeCount}
              <span className="sr-only"> active</span>
            </span>
          )}
        </Button>
      </DialogTrigger>
      <DialogContent className="top-auto bottom-0 left-0 flex max-h-[88dvh] w-full max-w-none translate-x-0 translate-y-0 flex-col gap-0 overflow-hidden overflow-y-hidden rounded-b-none p-0 sm:p-0">
        <DialogHeader className="border-b border-border px-5 py-4">
          <DialogTitle>Filters</DialogTitle>
          <DialogDescription>Results update as you choose.</DialogDescription>
        </DialogHeader>
        <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-5 py-4">{children}</div>
        <div className="flex gap-2 border-t border-border bg-surface px-5 py-3">
          <Button variant="ghost" className="flex-1" onClick={onClearAll} disabled={activeCount === 0}>
            Clear all
          </Button>
          <DialogClose asChild>
            <Button className="flex-1">Show results</Button>
          </DialogClose>
        </div>
      </DialogContent>
    </Dialog>
  );
}
