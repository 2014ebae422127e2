"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useLanguageChoices } from "@/hooks/queries/studio";
import type { CourseLevel } from "@/lib/api/models";
import { supportedTimeZones } from "@/lib/locale/time-zones";
import { LEVEL_LABELS } from "@/lib/format/course";
import { slugInput } from "./course-draft";
import { EditableList } from "./editable-list";
import { MarkdownField } from "./markdown-field";
import { TagInput } from "./tag-input";
import { TopicPicker } from "./topic-picker";
import type { CourseDraftState } from "./use-course-draft";

/** Title, address, description and how the course is filed: saved as the person types. */
export function DetailsTab({ state, editable }: { state: CourseDraftState; editable: boolean }) {
  const { draft, setField, errors, flush } = state;
  const disabled = !editable;
  return (
    <div className="grid gap-6">
      <Card aria-labelledby="basics-title">
        <CardHeader>
          <CardTitle id="basics-title">Basics</CardTitle>
          <CardDescription>What students see first in the catalog and at the top of the course page.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <FormField label="Title" error={errors.title} hint={`${draft.title.trim().length}/120`}>
            <Input value={draft.title} disabled={disabled} maxLength={120} onChange={(event) => setField("title", event.target.value)} onBlur={flush} />
          </FormField>
          <FormField label="Subtitle" error={errors.subtitle} hint="One sentence on what the course gives the student.">
            <Input value={draft.subtitle} disabled={disabled} maxLength={200} onChange={(event) => setField("subtitle", event.target.value)} onBlur={flush} />
          </FormField>
          <SlugField value={draft.slug} error={errors.slug} disabled={disabled} onChange={(slug) => setField("slug", slug)} onBlur={flush} />
        </CardContent>
      </Card>

      <Card aria-labelledby="description-title">
        <CardHeader>
          <CardTitle id="description-title">Description</CardTitle>
          <CardDescription>Who the course is for, what it covers and how it is taught. Markdown works: **bold**, lists, links, headings.</CardDescription>
        </CardHeader>
        <CardContent>
          <MarkdownField
            label="Course description"
            value={draft.description}
            disabled={disabled}
            error={errors.description}
            rows={12}
            placeholder={"## Who this course is for\n\nBakers who…"}
            onChange={(description) => setField("description", description)}
            onBlur={flush}
          />
        </CardContent>
      </Card>

      <Card aria-labelledby="filing-title">
        <CardHeader>
          <CardTitle id="filing-title">Language, level and topics</CardTitle>
          <CardDescription>How students filter and find the course.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="grid gap-5 sm:grid-cols-2">
            <LanguageField value={draft.language} error={errors.language} disabled={disabled} onChange={(language) => setField("language", language)} />
            <FormField label="Level" error={errors.level}>
              <NativeSelect value={draft.level} disabled={disabled} onChange={(event) => setField("level", event.target.value as CourseLevel)}>
                {Object.entries(LEVEL_LABELS).map(([level, label]) => (
                  <option key={level} value={level}>
                    {label}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          </div>
          <FormField label="Time zone for due dates" error={errors.time_zone} hint="Quiz and assignment due dates are entered in this zone; each student sees them in their own.">
            <NativeSelect value={draft.time_zone} disabled={disabled} onChange={(event) => setField("time_zone", event.target.value)}>
              {supportedTimeZones(draft.time_zone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <TopicPicker value={draft.topic_ids} disabled={disabled} error={errors.topic_ids} onChange={(ids) => setField("topic_ids", ids)} />
          <TagInput value={draft.tags} disabled={disabled} error={errors.tags} onChange={(tags) => setField("tags", tags)} onBlur={flush} />
        </CardContent>
      </Card>

      <Card aria-labelledby="promises-title">
        <CardHeader>
          <CardTitle id="promises-title">Outcomes and requirements</CardTitle>
          <CardDescription>Short lines shown as checklists on the course page.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-8">
          <EditableList
            label="What students will learn"
            itemLabel="Outcome"
            description="Concrete skills, starting with a verb: “Keep a starter alive for months”."
            placeholder="Add an outcome"
            value={draft.outcomes}
            disabled={disabled}
            error={errors.outcomes}
            onChange={(outcomes) => setField("outcomes", outcomes)}
            onBlur={flush}
          />
          <EditableList
            label="Requirements"
            itemLabel="Requirement"
            description="What students need before they start: knowledge, tools, materials."
            placeholder="Add a requirement"
            value={draft.requirements}
            disabled={disabled}
            error={errors.requirements}
            onChange={(requirements) => setField("requirements", requirements)}
            onBlur={flush}
          />
        </CardContent>
      </Card>
    </div>
  );
}

type SlugFieldProps = { value: string; error: string | undefined; disabled: boolean; onChange: (slug: string) => void; onBlur: () => void };

function SlugField({ value, error, disabled, onChange, onBlur }: SlugFieldProps) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor="course-slug">Address</Label>
      <div className="flex min-w-0 items-stretch rounded-md shadow-xs">
        <span className="flex items-center rounded-l-md border border-r-0 border-input bg-muted px-3 text-sm text-muted-foreground" aria-hidden>
          /courses/
        </span>
        <Input
          id="course-slug"
          value={value}
          disabled={disabled}
          maxLength={120}
          spellCheck={false}
          autoCapitalize="none"
          aria-invalid={error ? true : undefined}
          aria-describedby="course-slug-note"
          onChange={(event) => onChange(slugInput(event.target.value))}
          onBlur={onBlur}
          className="min-w-0 rounded-l-none shadow-none"
        />
      </div>
      <p id="course-slug-note" className={error ? "text-xs font-medium text-destructive" : "text-xs text-muted-foreground"}>
        {error ?? "The course's web address, after /courses/. Lowercase letters, numbers and hyphens."}
      </p>
    </div>
  );
}

type LanguageFieldProps = { value: string; error: string | undefined; disabled: boolean; onChange: (code: string) => void };

function LanguageField({ value, error, disabled, onChange }: LanguageFieldProps) {
  const languages = useLanguageChoices();
  const options = languages.data ?? [{ code: value, name: value, course_count: 0 }];
  return (
    <FormField label="Language" error={error} hint={languages.isError ? "Couldn't load the list of languages; reload to choose another." : "The language the course is taught in."}>
      <NativeSelect value={value} disabled={disabled || !languages.data} onChange={(event) => onChange(event.target.value)}>
        {[...options]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((language) => (
            <option key={language.code} value={language.code}>
              {language.name}
            </option>
          ))}
      </NativeSelect>
    </FormField>
  );
}
