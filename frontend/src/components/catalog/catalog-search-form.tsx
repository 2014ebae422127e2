"use client";

import { Search } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { type CatalogFilters, searchParamsFromFilters } from "@/lib/catalog/catalog-filters";

type SearchFormProps = { filters: CatalogFilters; onSearch: (q: string) => void };

/**
 * Searches on Enter or the button, never per keystroke. Without JavaScript it is a plain GET form
 * that carries the other filters along in hidden fields.
 */
export function CatalogSearchForm({ filters, onSearch }: SearchFormProps) {
  const [text, setText] = useState(filters.q);
  const carried = [...searchParamsFromFilters({ ...filters, q: "" }).entries()];
  return (
    <form
      role="search"
      action="/courses"
      className="flex w-full max-w-2xl gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text);
      }}
    >
      {carried.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="catalog-search" className="sr-only">
        Search courses
      </label>
      <div className="relative min-w-0 flex-1">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input
          id="catalog-search"
          type="search"
          name="q"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search courses, skills or tools"
          maxLength={200}
          enterKeyHint="search"
          className="h-11 pl-9 text-base sm:text-sm"
        />
      </div>
      <Button type="submit" className="h-11">
        Search
      </Button>
    </form>
  );
}
