"use client";

import { Captions, Check, Pencil, Plus, Star, Trash2, X } from "lucide-react";
import { useId, useRef, useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { useLanguageChoices } from "@/hooks/queries/studio";
import { useDeleteCaptions, useUpdateCaptions, useUploadCaptions } from "@/hooks/queries/video";
import { describeError, isApiError } from "@/lib/api/errors";
import type { CaptionOut } from "@/lib/api/models";
import { CAPTION_EXTENSIONS, captionErrorMessage, captionFileProblem } from "./video-files";

const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const LABEL_MAX = 80;

type CaptionsPanelProps = { lessonId: string; captions: CaptionOut[]; editable: boolean };

/** The lesson's caption tracks (one per language), and a form to add one from a .vtt or .srt file. */
export function CaptionsPanel({ lessonId, captions, editable }: CaptionsPanelProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="grid gap-3 border-t border-border pt-4">
      <div className="grid gap-0.5">
        <h5 id={headingId} className="text-sm font-semibold">
          Captions
        </h5>
        <p className="text-xs text-muted-foreground">Students turn them on in the player; the default track is the one offered first.</p>
      </div>
      {captions.length > 0 ? (
        <ul className="divide-y divide-border rounded-lg border border-border" aria-label="Caption tracks">
          {captions.map((caption) => (
            <CaptionRow key={caption.id} caption={caption} lessonId={lessonId} editable={editable} />
          ))}
        </ul>
      ) : (
        <p className="flex items-center gap-2 rounded-lg border border-dashed border-border px-3 py-3 text-sm text-muted-foreground">
          <Captions className="size-4 shrink-0" aria-hidden /> No captions yet. They help people who watch without sound or in another language.
        </p>
      )}
      {editable && <AddCaptionsForm lessonId={lessonId} captions={captions} />}
    </section>
  );
}

function CaptionRow({ caption, lessonId, editable }: { caption: CaptionOut; lessonId: string; editable: boolean }) {
  const update = useUpdateCaptions(lessonId);
  const remove = useDeleteCaptions(lessonId);
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(caption.label);
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const renameButton = useRef<HTMLButtonElement>(null);

  /** Leaves the label field, putting the keyboard back on the Rename button. */
  const stopEditing = () => {
    setEditing(false);
    setError(null);
    requestAnimationFrame(() => renameButton.current?.focus());
  };

  const rename = () => {
    const next = label.trim();
    if (!next) return setError("Give the track a label.");
    stopEditing();
    if (next === caption.label) return;
    update.mutate(
      { captionId: caption.id, changes: { label: next, is_default: caption.is_default } },
      { onError: (failure) => toast.error(`The captions weren't renamed: ${describeError(failure)}`) },
    );
  };

  const makeDefault = () =>
    update.mutate(
      { captionId: caption.id, changes: { label: caption.label, is_default: true } },
      {
        onSuccess: () => toast.success(`“${caption.label}” is now the default captions.`),
        onError: (failure) => toast.error(`The default wasn't changed: ${describeError(failure)}`),
      },
    );

  const deleteTrack = () =>
    remove.mutate(caption.id, {
      onSuccess: () => toast.success(`Captions “${caption.label}” deleted.`),
      onError: (failure) => toast.error(`The captions weren't deleted: ${describeError(failure)}`),
    });

  return (
    <li data-testid="caption-track" data-language={caption.language} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2.5">
      {editing ? (
        <div className="grid min-w-0 flex-1 basis-48 gap-1">
          <label htmlFor={fieldId} className="sr-only">
            New label for the {caption.language} captions
          </label>
          <div className="flex gap-1.5">
            <Input
              id={fieldId}
              value={label}
              maxLength={LABEL_MAX}
              autoFocus
              className="h-9 min-w-0 flex-1"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${fieldId}-error` : undefined}
              onChange={(event) => setLabel(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  rename();
                } else if (event.key === "Escape") {
                  setLabel(caption.label);
                  stopEditing();
                }
              }}
            />
            <Button size="icon" variant="secondary" className="size-9" aria-label="Save label" onClick={rename}>
              <Check aria-hidden />
            </Button>
            <Button
              size="icon"
              variant="ghost"
              className="size-9"
              aria-label="Cancel renaming"
              onClick={() => {
                setLabel(caption.label);
                stopEditing();
              }}
            >
              <X aria-hidden />
            </Button>
          </div>
          {error && (
            <p id={`${fieldId}-error`} role="alert" className="text-xs font-medium text-destructive">
              {error}
            </p>
          )}
        </div>
      ) : (
        <div className="grid min-w-0 flex-1 basis-40 gap-0.5">
          <p className="flex min-w-0 flex-wrap items-center gap-2">
            <span className="truncate text-sm font-medium">{caption.label}</span>
            {caption.is_default && <Badge tone="accent">Default</Badge>}
          </p>
          <p className="text-xs text-muted-foreground">
            <span className="font-mono">{caption.language}</span> · {caption.cue_count} {caption.cue_count === 1 ? "cue" : "cues"}
          </p>
        </div>
      )}
      {editable && !editing && (
        <div className="ml-auto flex flex-wrap items-center gap-1">
          {!caption.is_default && (
            <Button variant="ghost" size="sm" aria-label={`Make ${caption.label} the default captions`} onClick={makeDefault}>
              <Star aria-hidden /> Make default
            </Button>
          )}
          <Button
            ref={renameButton}
            variant="ghost"
            size="icon"
            className="size-9"
            aria-label={`Rename captions: ${caption.label}`}
            onClick={() => {
              setLabel(caption.label);
              setEditing(true);
            }}
          >
            <Pencil aria-hidden />
          </Button>
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="icon" className="size-9 text-muted-foreground hover:text-destructive" aria-label={`Delete captions: ${caption.label}`}>
                <Trash2 aria-hidden />
              </Button>
            }
            title={`Delete the “${caption.label}” captions?`}
            description="Students stop seeing them at once. You can upload the file again later."
            confirmLabel="Delete captions"
            onConfirm={deleteTrack}
          />
        </div>
      )}
    </li>
  );
}

type FormErrors = { file?: string; language?: string; form?: string };

function AddCaptionsForm({ lessonId, captions }: { lessonId: string; captions: CaptionOut[] }) {
  const upload = useUploadCaptions(lessonId);
  const languages = useLanguageChoices();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [language, setLanguage] = useState("");
  const [label, setLabel] = useState("");
  const [isDefault, setIsDefault] = useState(captions.length === 0);
  const [errors, setErrors] = useState<FormErrors>({});
  const ids = { language: useId(), list: useId(), isDefault: useId() };
  const replaces = captions.find((caption) => caption.language === language.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = language.trim();
    const found: FormErrors = {
      file: file ? (captionFileProblem(file) ?? undefined) : "Choose a .vtt or .srt file.",
      language: !code ? "Say which language the captions are in." : LANGUAGE_CODE.test(code) ? undefined : "Give the language as a code such as en, fr or pt-BR.",
    };
    setErrors(found);
    if (found.file || found.language || !file) return;
    upload.mutate(
      { file, language: code, label: label.trim(), isDefault },
      {
        onSuccess: (added) => {
          toast.success(replaces ? `Captions “${added.label}” replaced.` : `Captions “${added.label}” added.`);
          setFile(null);
          setLanguage("");
          setLabel("");
          setIsDefault(false);
          if (fileInput.current) fileInput.current.value = "";
        },
        onError: (error) => {
          const message = captionErrorMessage(error);
          setErrors(isApiError(error, "invalid_language") ? { language: message } : { form: message });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add captions" className="grid gap-3 rounded-lg bg-muted/40 p-3">
      <p className="text-sm font-medium">Add captions</p>
      {errors.form && (
        <Alert tone="error" title="The captions weren't added">
          {errors.form}
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Caption file" error={errors.file} hint="WebVTT (.vtt) or SubRip (.srt), up to 2 MB.">
          <input
            ref={fileInput}
            type="file"
            accept={[...CAPTION_EXTENSIONS, "text/vtt"].join(",")}
            className="w-full min-w-0 text-sm text-muted-foreground file:mr-3 file:h-9 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:text-sm file:font-medium file:text-foreground hover:file:bg-muted"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </FormField>
        <FormField
          label="Language"
          error={errors.language}
          hint={replaces ? `Replaces the “${replaces.label}” captions, which have this language.` : "Pick one, or type a code such as en, fr or pt-BR."}
        >
          <Input
            id={ids.language}
            list={ids.list}
            value={language}
            maxLength={35}
            autoComplete="off"
            spellCheck={false}
            placeholder="en"
            onChange={(event) => setLanguage(event.target.value)}
          />
        </FormField>
        <datalist id={ids.list}>
          {(languages.data ?? []).map((choice) => (
            <option key={choice.code} value={choice.code}>
              {choice.name}
            </option>
          ))}
        </datalist>
        <FormField label="Label" hint="What the player's menu shows. Left empty, it is the language's name.">
          <Input value={label} maxLength={LABEL_MAX} placeholder="English" onChange={(event) => setLabel(event.target.value)} />
        </FormField>
        <div className="flex items-center gap-2 sm:mt-7">
          <Checkbox id={ids.isDefault} checked={isDefault} onCheckedChange={(checked) => setIsDefault(checked === true)} />
          <Label htmlFor={ids.isDefault}>Make these the default captions</Label>
        </div>
      </div>
      <Button type="submit" variant="secondary" size="sm" className="justify-self-start" pending={upload.isPending}>
        {!upload.isPending && <Plus aria-hidden />} Add captions
      </Button>
    </form>
  );
}
