"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { useCreateApiToken } from "@/hooks/queries/auth";
import type { ApiTokenCreated } from "@/lib/api/models";
import { apiTokenSchema, type ApiTokenValues } from "@/lib/forms/account-schemas";
import { applyServerError } from "@/lib/forms/server-errors";

/** Names a new token, then shows its secret — the only time anyone will see it. */
export function CreateTokenDialog() {
  const create = useCreateApiToken();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const form = useForm<ApiTokenValues>({ resolver: zodResolver(apiTokenSchema), defaultValues: { name: "", expiry: "90" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(({ name, expiry }) =>
    create.mutateAsync({ name, expires_in_days: expiry === "never" ? null : Number(expiry) }).then(setCreated, (error: unknown) =>
      applyServerError(error, form.setError, ["name"]),
    ),
  );

  if (created) {
    return (
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Copy your new token</DialogTitle>
          <DialogDescription>“{created.name}” is ready. This is the only time its secret is shown.</DialogDescription>
        </DialogHeader>
        <TokenSecret secret={created.token} />
        <Alert tone="warning">Store it somewhere safe, like a password manager. If you lose it, revoke it and create another.</Alert>
        <DialogFooter>
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    );
  }
  return (
    <DialogContent>
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <DialogHeader>
          <DialogTitle>New personal API token</DialogTitle>
          <DialogDescription>Use it as “Authorization: Bearer …” from scripts and other apps.</DialogDescription>
        </DialogHeader>
        <FormAlert message={errors.root?.server?.message} />
        <FormField label="Name" error={errors.name?.message} hint="What will use it, e.g. “Grading script”.">
          <Input autoFocus {...form.register("name")} />
        </FormField>
        <FormField label="Expires" error={errors.expiry?.message}>
          <NativeSelect {...form.register("expiry")}>
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="365">In a year</option>
            <option value="never">Never</option>
          </NativeSelect>
        </FormField>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              Cancel
            </Button>
          </DialogClose>
          <Button type="submit" pending={isSubmitting}>
            Create token
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}

function TokenSecret({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access can be refused; the text stays selectable.
      setCopied(false);
    }
  };
  return (
    <div className="flex items-stretch gap-2">
      <Input readOnly value={secret} aria-label="Token secret" className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
      <Button type="button" variant="secondary" onClick={copy} aria-label={copied ? "Copied" : "Copy token"}>
        {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
        <span className="hidden sm:inline">{copied ? "Copied" : "Copy"}</span>
      </Button>
    </div>
  );
}
