"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useCreateTopic } from "@/hooks/queries/moderation";
import type { Topic } from "@/lib/api/models";
import { applyServerError } from "@/lib/forms/server-errors";
import { ParentOptions } from "./parent-options";
import { parentChoices } from "./topic-tree";

const createTopicSchema = z.object({
  name: z.string().trim().min(1, "Give the topic a name.").max(80, "Use at most 80 characters."),
  parentId: z.string(),
});

type CreateTopicValues = z.infer<typeof createTopicSchema>;

/** Adds a topic at the end of its siblings; the parent stays chosen for adding several in a row. */
export function CreateTopicForm({ topics }: { topics: Topic[] }) {
  const create = useCreateTopic();
  const form = useForm<CreateTopicValues>({ resolver: zodResolver(createTopicSchema), defaultValues: { name: "", parentId: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(({ name, parentId }) =>
    create.mutateAsync({ name, parent_id: parentId || null }).then(
      (topic) => {
        toast.success(`Added “${topic.name}”`);
        form.reset({ name: "", parentId });
        form.setFocus("name");
      },
      (error: unknown) => applyServerError(error, form.setError, ["name"], { unknown_topic: "parentId", topic_too_deep: "parentId" }),
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert message={errors.root?.server?.message} />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
        <FormField label="Name" error={errors.name?.message}>
          <Input autoComplete="off" maxLength={80} placeholder="e.g. Data science" {...form.register("name")} />
        </FormField>
        <FormField label="Parent topic" error={errors.parentId?.message}>
          <NativeSelect {...form.register("parentId")}>
            <ParentOptions choices={parentChoices(topics, null)} />
          </NativeSelect>
        </FormField>
        <Button type="submit" pending={isSubmitting} className="sm:mt-6.5">
          <Plus aria-hidden /> Add topic
        </Button>
      </div>
    </form>
  );
}
