"use client";

import { ImageUp, Trash2 } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { UserAvatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";
import { useMe, useRemoveAvatar, useUploadAvatar } from "@/hooks/queries/me";
import { describeError } from "@/lib/api/errors";
import { AVATAR_TYPES, avatarFileProblem } from "@/lib/forms/account-schemas";

/** The profile picture: pick a file, see it, then save or cancel; or remove the current one. */
export function AvatarEditor() {
  const { data: me } = useMe();
  const upload = useUploadAvatar();
  const remove = useRemoveAvatar();
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ file: File; previewUrl: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Object URLs hold the file in memory until revoked.
  useEffect(() => () => {
    if (chosen) URL.revokeObjectURL(chosen.previewUrl);
  }, [chosen]);

  if (!me) return null;

  const choose = (file: File | undefined) => {
    if (!file) return;
    const reason = avatarFileProblem(file);
    setProblem(reason);
    setChosen(reason ? null : { file, previewUrl: URL.createObjectURL(file) });
  };

  const clearChoice = () => {
    setChosen(null);
    if (input.current) input.current.value = "";
  };

  const save = () => {
    if (!chosen) return;
    upload.mutate(chosen.file, {
      onSuccess: () => {
        clearChoice();
        toast.success("Profile picture updated.");
      },
      onError: (error) => setProblem(describeError(error)),
    });
  };

  return (
    <Card aria-labelledby={`${inputId}-title`} className="flex flex-col gap-5 p-5 sm:flex-row sm:items-center sm:p-6">
      <div className="relative">
        {chosen ? (
          // A blob: URL of the picked file; next/image can't optimise those.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={chosen.previewUrl} alt="Preview of your new profile picture" className="size-24 rounded-full object-cover ring-4 ring-accent" />
        ) : (
          <UserAvatar name={me.display_name} src={me.avatar_url} className="size-24 text-3xl" />
        )}
      </div>
      <div className="grid flex-1 gap-3">
        <div>
          <h2 id={`${inputId}-title`} className="text-lg font-semibold tracking-tight">
            Profile picture
          </h2>
          <p className="text-sm text-muted-foreground">
            {chosen ? "This is how it will look. Save it or pick another." : "JPEG, PNG, WebP or GIF, up to 5 MB. It's cropped to a square."}
          </p>
        </div>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={AVATAR_TYPES.join(",")}
          className="sr-only"
          // The visible button below opens the picker; this input only carries the file.
          tabIndex={-1}
          aria-label="Profile picture file"
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => choose(event.target.files?.[0])}
        />
        <div className="flex flex-wrap gap-2">
          {chosen ? (
            <>
              <Button onClick={save} pending={upload.isPending}>
                Save picture
              </Button>
              <Button variant="ghost" onClick={clearChoice} disabled={upload.isPending}>
                Cancel
              </Button>
            </>
          ) : (
            <>
              <Button variant="secondary" onClick={() => input.current?.click()}>
                <ImageUp aria-hidden /> {me.avatar_url ? "Change picture" : "Upload picture"}
              </Button>
              {me.avatar_url && (
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost" pending={remove.isPending}>
                      <Trash2 aria-hidden /> Remove
                    </Button>
                  }
                  title="Remove your profile picture?"
                  description="Your initials will be shown instead. You can upload a new picture at any time."
                  confirmLabel="Remove picture"
                  onConfirm={() =>
                    remove.mutate(undefined, {
                      onSuccess: () => toast.success("Profile picture removed."),
                      onError: (error) => toast.error(describeError(error)),
                    })
                  }
                />
              )}
            </>
          )}
        </div>
        {problem && (
          <p id={errorId} role="alert" className="text-sm font-medium text-destructive">
            {problem}
          </p>
        )}
      </div>
    </Card>
  );
}
