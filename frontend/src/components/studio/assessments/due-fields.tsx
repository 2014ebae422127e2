"use client";

import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { LatePolicy } from "@/lib/api/models";

export type DueDraft = { dueLocal: string; latePolicy: LatePolicy; penalty: string };

type DueFieldsProps = {
  value: DueDraft;
  timeZone: string;
  onChange: (value: DueDraft) => void;
  disabled?: boolean;
};

/** A due date typed in the course's time zone, and what happens to late work. */
export function DueFields({ value, timeZone, onChange, disabled }: DueFieldsProps) {
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <FormField label="Due" hint={`In the course's time zone (${timeZone.replaceAll("_", " ")}). Students see it in theirs.`}>
        <Input type="datetime-local" value={value.dueLocal} disabled={disabled} onChange={(event) => onChange({ ...value, dueLocal: event.target.value })} />
      </FormField>
      <FormField label="Late work">
        <NativeSelect value={value.latePolicy} disabled={disabled} onChange={(event) => onChange({ ...value, latePolicy: event.target.value as LatePolicy })}>
          <option value="accept">Accepted in full</option>
          <option value="penalty">Accepted with a penalty</option>
          <option value="refuse">Not accepted</option>
        </NativeSelect>
      </FormField>
      {value.latePolicy === "penalty" && (
        <FormField label="Penalty (%)">
          <Input inputMode="numeric" value={value.penalty} disabled={disabled} onChange={(event) => onChange({ ...value, penalty: event.target.value })} />
        </FormField>
      )}
    </div>
  );
}

/** The PATCH fields for a due draft, only what changed from `saved`. */
export function dueChanges(draft: DueDraft, saved: { due_local: string | null; late_policy: LatePolicy; late_penalty_percent: number }) {
  const changes: { due_local?: string | null; late_policy?: LatePolicy; late_penalty_percent?: number } = {};
  const savedLocal = saved.due_local ? saved.due_local.slice(0, 16) : "";
  if (draft.dueLocal !== savedLocal) changes.due_local = draft.dueLocal || null;
  if (draft.latePolicy !== saved.late_policy) changes.late_policy = draft.latePolicy;
  const penalty = Number(draft.penalty || "0");
  if (Number.isFinite(penalty) && penalty !== saved.late_penalty_percent) changes.late_penalty_percent = Math.round(penalty);
  return changes;
}
