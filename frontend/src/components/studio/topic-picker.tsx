"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { Button } from "@/components/ui/button";
import { useTopicChoices } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import { MAX_TOPICS } from "./course-draft";
import { topicRows } from "./topic-tree";

type TopicPickerProps = { value: string[]; onChange: (ids: string[]) => void; disabled?: boolean; error?: string | undefined };

/** Up to three topics from the catalog's tree, shown indented under their parents. */
export function TopicPicker({ value, onChange, disabled, error }: TopicPickerProps) {
  const topics = useTopicChoices();
  const full = value.length >= MAX_TOPICS;
  const toggle = (id: string, checked: boolean) => onChange(checked ? [...value, id] : value.filter((chosen) => chosen !== id));

  return (
    <fieldset className="grid gap-2" aria-describedby="topics-count">
      <legend className="text-sm font-medium">Topics</legend>
      <p id="topics-count" className="text-xs text-muted-foreground" aria-live="polite">
        Where students will find the course. {value.length} of {MAX_TOPICS} chosen{full ? " — remove one to choose another" : ""}.
      </p>
      {topics.isPending ? (
        <div className="grid gap-2" aria-label="Loading topics">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-5 w-48" />
          ))}
        </div>
      ) : topics.isError ? (
        <div className="flex flex-wrap items-center gap-2 text-sm text-destructive" role="alert">
          Couldn&apos;t load topics: {describeError(topics.error)}
          <Button size="sm" variant="secondary" onClick={() => void topics.refetch()}>
            Try again
          </Button>
        </div>
      ) : topics.data.length === 0 ? (
        <p className="text-sm text-muted-foreground">No topics exist yet. An admin adds them; you can choose them here afterwards.</p>
      ) : (
        <ul className="grid max-h-72 gap-0.5 overflow-y-auto rounded-md border border-border p-2">
          {topicRows(topics.data).map((topic) => {
            const checked = value.includes(topic.id);
            const id = `topic-${topic.id}`;
            return (
              <li key={topic.id} style={{ paddingLeft: `${topic.depth * 1.25}rem` }}>
                <label htmlFor={id} className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-muted has-[button:disabled]:cursor-not-allowed has-[button:disabled]:opacity-60">
                  <Checkbox id={id} checked={checked} disabled={disabled || (full && !checked)} onCheckedChange={(state) => toggle(topic.id, state === true)} />
                  <span className={topic.depth === 0 ? "font-medium" : undefined}>{topic.name}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {error && <p className="text-xs font-medium text-destructive">{error}</p>}
    </fieldset>
  );
}
