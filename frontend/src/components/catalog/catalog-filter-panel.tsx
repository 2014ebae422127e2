"use client";

import { useId, useState, type ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { Language, Topic } from "@/lib/api/models";
import {
  type CatalogFilters,
  DURATION_LABELS,
  DURATIONS,
  LEVELS,
  PRICE_LABELS,
  RATING_THRESHOLDS,
  ratingLabel,
  toggled,
} from "@/lib/catalog/catalog-filters";
import { topicFilterEntries } from "@/lib/catalog/topic-tree";
import { cn } from "@/lib/class-names";
import { LEVEL_LABELS } from "@/lib/format/course";

type FilterPanelProps = {
  filters: CatalogFilters;
  onChange: (filters: CatalogFilters) => void;
  topics: Topic[] | undefined;
  languages: Language[] | undefined;
};

const FIRST_FEW = 8;

/** Every way to narrow the catalog. Each change applies at once; the URL keeps it. */
export function CatalogFilterPanel({ filters, onChange, topics, languages }: FilterPanelProps) {
  const id = useId();
  const topicEntries = topics ? topicFilterEntries(topics, filters.topic) : undefined;
  const taught = languages?.filter((language) => language.course_count > 0 || filters.languages.includes(language.code));

  return (
    <div className="grid gap-6">
      {topicEntries === undefined ? (
        <GroupSkeleton title="Topic" />
      ) : (
        topicEntries.length > 0 && (
          <FilterGroup legend="Topic">
            <ShowFirstFew
              total={topicEntries.length}
              noun="topics"
              selectedIndex={topicEntries.findIndex((topic) => topic.slug === filters.topic)}
              render={(limit) => (
                <>
                  <Choice type="radio" name={`${id}-topic`} checked={!filters.topic} onChange={() => onChange({ ...filters, topic: null })}>
                    All topics
                  </Choice>
                  {topicEntries.slice(0, limit).map((topic) => (
                    <Choice
                      key={topic.id}
                      type="radio"
                      name={`${id}-topic`}
                      checked={filters.topic === topic.slug}
                      onChange={() => onChange({ ...filters, topic: topic.slug })}
                      count={topic.course_count}
                      indent={topic.depth}
                    >
                      {topic.name}
                    </Choice>
                  ))}
                </>
              )}
            />
          </FilterGroup>
        )
      )}

      <FilterGroup legend="Level">
        {LEVELS.map((level) => (
          <Choice key={level} type="checkbox" checked={filters.levels.includes(level)} onChange={() => onChange({ ...filters, levels: toggled(filters.levels, level, LEVELS) })}>
            {LEVEL_LABELS[level]}
          </Choice>
        ))}
      </FilterGroup>

      {taught === undefined ? (
        <GroupSkeleton title="Language" />
      ) : (
        taught.length > 0 && (
          <FilterGroup legend="Language">
            <ShowFirstFew
              total={taught.length}
              noun="languages"
              selectedIndex={Math.max(...filters.languages.map((code) => taught.findIndex((language) => language.code === code)), -1)}
              render={(limit) =>
                taught.slice(0, limit).map((language) => (
                  <Choice
                    key={language.code}
                    type="checkbox"
                    checked={filters.languages.includes(language.code)}
                    onChange={() => onChange({ ...filters, languages: toggled(filters.languages, language.code) })}
                    count={language.course_count}
                    lang={language.code}
                  >
                    {language.name}
                  </Choice>
                ))
              }
            />
          </FilterGroup>
        )
      )}

      <FilterGroup legend="Price">
        <Choice type="radio" name={`${id}-price`} checked={!filters.price} onChange={() => onChange({ ...filters, price: null })}>
          Any price
        </Choice>
        {(["free", "paid"] as const).map((price) => (
          <Choice key={price} type="radio" name={`${id}-price`} checked={filters.price === price} onChange={() => onChange({ ...filters, price })}>
            {PRICE_LABELS[price]}
          </Choice>
        ))}
      </FilterGroup>

      <FilterGroup legend="Rating" description="Students rate courses once enrolment opens, so most courses have no rating yet; this filter shows only rated ones.">
        <Choice type="radio" name={`${id}-rating`} checked={filters.minRating === null} onChange={() => onChange({ ...filters, minRating: null })}>
          Any rating
        </Choice>
        {RATING_THRESHOLDS.map((threshold) => (
          <Choice
            key={threshold}
            type="radio"
            name={`${id}-rating`}
            checked={filters.minRating === threshold}
            onChange={() => onChange({ ...filters, minRating: threshold })}
          >
            {ratingLabel(threshold)}
          </Choice>
        ))}
      </FilterGroup>

      <FilterGroup legend="Duration">
        {DURATIONS.map((bucket) => (
          <Choice
            key={bucket}
            type="checkbox"
            checked={filters.durations.includes(bucket)}
            onChange={() => onChange({ ...filters, durations: toggled(filters.durations, bucket, DURATIONS) })}
          >
            {DURATION_LABELS[bucket]}
          </Choice>
        ))}
      </FilterGroup>
    </div>
  );
}

function FilterGroup({ legend, description, children }: { legend: string; description?: string; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className="grid gap-1" aria-describedby={description ? id : undefined}>
      <legend className="mb-1.5 text-sm font-semibold">{legend}</legend>
      {description && (
        <p id={id} className="mb-1.5 text-xs text-muted-foreground">
          {description}
        </p>
      )}
      {children}
    </fieldset>
  );
}

type ChoiceProps = {
  type: "radio" | "checkbox";
  name?: string;
  checked: boolean;
  onChange: () => void;
  count?: number;
  indent?: number;
  lang?: string;
  children: ReactNode;
};

function Choice({ type, name, checked, onChange, count, indent = 0, lang, children }: ChoiceProps) {
  return (
    <label
      className="flex cursor-pointer items-center gap-2.5 rounded-md py-1.5 pr-1.5 text-sm hover:bg-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring"
      style={{ paddingLeft: `${0.375 + indent * 1.25}rem` }}
    >
      <input type={type} name={name} checked={checked} onChange={onChange} className="size-4 shrink-0 accent-primary focus-visible:outline-none" />
      <span className="min-w-0 flex-1" lang={lang}>
        {children}
      </span>
      {count !== undefined && (
        <span className="text-xs text-muted-foreground tabular-nums">
          {count}
          <span className="sr-only"> {count === 1 ? "course" : "courses"}</span>
        </span>
      )}
    </label>
  );
}

/** Long lists start short; a selected item further down keeps the list open far enough to show it. */
function ShowFirstFew({ total, noun, selectedIndex, render }: { total: number; noun: string; selectedIndex: number; render: (limit: number) => ReactNode }) {
  const [expanded, setExpanded] = useState(false);
  const limit = expanded ? total : Math.max(FIRST_FEW, selectedIndex + 1);
  return (
    <>
      {render(limit)}
      {total > FIRST_FEW && (
        <button
          type="button"
          className={cn("mt-1 w-fit rounded-md px-1 py-0.5 text-left text-sm font-medium text-primary hover:underline", limit >= total && !expanded && "hidden")}
          aria-expanded={expanded}
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded ? `Show fewer ${noun}` : `Show all ${total} ${noun}`}
        </button>
      )}
    </>
  );
}

function GroupSkeleton({ title }: { title: string }) {
  return (
    <div className="grid gap-2" aria-hidden>
      <p className="text-sm font-semibold">{title}</p>
      {[0, 1, 2].map((row) => (
        <Skeleton key={row} className="h-5 w-3/4" />
      ))}
    </div>
  );
}
