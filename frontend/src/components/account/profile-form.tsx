"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useMe, useUpdateProfile } from "@/hooks/queries/me";
import type { Me } from "@/lib/api/models";
import { profileSchema, type ProfileValues } from "@/lib/forms/account-schemas";
import { applyServerError } from "@/lib/forms/server-errors";
import { languageOptions } from "@/lib/locale/languages";
import { browserTimeZone } from "@/lib/locale/time-zones";

function valuesOf(me: Me): ProfileValues {
  return { display_name: me.display_name, bio: me.bio, timezone: me.timezone, language: me.language };
}

export function ProfileForm({ timeZones }: { timeZones: string[] }) {
  const { data: me } = useMe();
  if (!me) return null;
  return <ProfileFormFor me={me} timeZones={timeZones} />;
}

function ProfileFormFor({ me, timeZones }: { me: Me; timeZones: string[] }) {
  const update = useUpdateProfile();
  const form = useForm<ProfileValues>({ resolver: zodResolver(profileSchema), defaultValues: valuesOf(me) });
  const { errors, isDirty, isSubmitting } = form.formState;
  const [suggestedZone, setSuggestedZone] = useState<string | null>(null);

  useEffect(() => {
    // Only the browser knows where the person is; offer it rather than silently changing it.
    const zone = browserTimeZone();
    if (zone && zone !== me.timezone && timeZones.includes(zone)) setSuggestedZone(zone);
  }, [me.timezone, timeZones]);

  const onSubmit = form.handleSubmit((values) =>
    update.mutateAsync(values).then(
      (saved) => {
        form.reset(valuesOf(saved));
        toast.success("Profile saved.");
      },
      (error: unknown) => applyServerError(error, form.setError, ["display_name", "bio", "timezone", "language"]),
    ),
  );

  const bioLength = form.watch("bio").length;
  return (
    <Card aria-labelledby="profile-title">
      <form onSubmit={onSubmit} noValidate>
        <CardHeader>
          <CardTitle id="profile-title">Profile</CardTitle>
          <CardDescription>How you appear to instructors and other learners.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <FormAlert message={errors.root?.server?.message} />
          <FormField label="Display name" error={errors.display_name?.message}>
            <Input autoComplete="name" {...form.register("display_name")} />
          </FormField>
          <FormField label="Bio" error={errors.bio?.message} hint={`${bioLength}/2000 — a line or two about you.`}>
            <Textarea rows={4} {...form.register("bio")} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label="Time zone"
              error={errors.timezone?.message}
              hint={
                suggestedZone ? (
                  <button
                    type="button"
                    className="font-medium text-primary hover:underline"
                    onClick={() => {
                      form.setValue("timezone", suggestedZone, { shouldDirty: true });
                      setSuggestedZone(null);
                    }}
                  >
                    Use this device&apos;s zone ({suggestedZone})
                  </button>
                ) : (
                  "Used for deadlines and reminders."
                )
              }
            >
              <NativeSelect {...form.register("timezone")}>
                {timeZones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll("_", " ")}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField label="Language" error={errors.language?.message}>
              <NativeSelect {...form.register("language")}>
                {languageOptions(me.language).map((language) => (
                  <option key={language.code} value={language.code}>
                    {language.name}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          </div>
        </CardContent>
        <CardFooter>
          <Button type="button" variant="ghost" disabled={!isDirty || isSubmitting} onClick={() => form.reset(valuesOf(me))}>
            Discard changes
          </Button>
          <Button type="submit" pending={isSubmitting} disabled={!isDirty}>
            Save profile
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
