"use client";

import { X } from "lucide-react";
import type { CatalogFilters, FilterChip } from "@/lib/catalog/catalog-filters";

type ActiveFiltersProps = { chips: FilterChip[]; onChange: (filters: CatalogFilters) => void; onClearAll: () => void };

/** The filters that are on, each removable, so the listing always says why it shows what it shows. */
export function CatalogActiveFilters({ chips, onChange, onClearAll }: ActiveFiltersProps) {
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <h3 className="sr-only">Active filters</h3>
      <ul className="contents">
        {chips.map((chip) => (
          <li key={chip.id}>
            <button
              type="button"
              onClick={() => onChange(chip.without)}
              className="inline-flex items-center gap-1.5 rounded-full border border-border bg-accent py-1 pr-2 pl-3 text-sm font-medium text-accent-foreground hover:border-primary/40"
              aria-label={`Remove filter: ${chip.label}`}
            >
              {chip.label}
              <X className="size-3.5" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button type="button" onClick={onClearAll} className="rounded-md px-2 py-1 text-sm font-medium text-primary hover:underline">
          Clear all
        </button>
      )}
    </div>
  );
}
