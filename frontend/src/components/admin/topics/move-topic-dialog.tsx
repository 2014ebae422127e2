"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { useUpdateTopic } from "@/hooks/queries/moderation";
import { describeError } from "@/lib/api/errors";
import type { Topic } from "@/lib/api/models";
import { focusControlAfterRender, topicControlId } from "./focus-control";
import { ParentOptions } from "./parent-options";
import { lastPositionUnder, MAX_TOPIC_DEPTH, parentChoices } from "./topic-tree";

type MoveTopicDialogProps = { topic: Topic; topics: Topic[]; trigger: ReactNode };

/** Files a topic, with everything below it, under another parent or at the top level. */
export function MoveTopicDialog({ topic, topics, trigger }: MoveTopicDialogProps) {
  const [open, setOpen] = useState(false);
  const [parentId, setParentId] = useState(topic.parent_id ?? "");
  const [problem, setProblem] = useState<string | undefined>();
  const update = useUpdateTopic();
  const selectId = useId();
  const unchanged = parentId === (topic.parent_id ?? "");

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setParentId(topic.parent_id ?? "");
      setProblem(undefined);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parent = parentId || null;
    update
      .mutateAsync({ topicId: topic.id, changes: { parent_id: parent, position: lastPositionUnder(topics, parent, topic.id) } })
      .then(
        () => {
          setOpen(false);
          focusControlAfterRender(topicControlId(topic.id, "move"));
          const under = topics.find((candidate) => candidate.id === parent);
          toast.success(under ? `Moved “${topic.name}” under “${under.name}”` : `Moved “${topic.name}” to the top level`);
        },
        (error: unknown) => setProblem(describeError(error)),
      );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Move “{topic.name}”</DialogTitle>
            <DialogDescription>
              Its subtopics move with it and its courses stay filed under it. Topics nest at most {MAX_TOPIC_DEPTH} levels deep, so deeper places aren&apos;t offered.
            </DialogDescription>
          </DialogHeader>
          <FormAlert message={problem} />
          <div className="grid gap-1.5">
            <Label htmlFor={selectId}>Parent topic</Label>
            <NativeSelect id={selectId} value={parentId} onChange={(event) => setParentId(event.target.value)} autoFocus>
              <ParentOptions choices={parentChoices(topics, topic.id)} />
            </NativeSelect>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={unchanged} pending={update.isPending}>
              Move
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
