"use client";

import { ArrowDown, ArrowUp, FolderInput, Loader2, PencilLine, Trash2 } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { useDeleteTopic, useUpdateTopic } from "@/hooks/queries/moderation";
import { describeError } from "@/lib/api/errors";
import type { Topic } from "@/lib/api/models";
import { cn } from "@/lib/class-names";
import { MoveTopicDialog } from "./move-topic-dialog";
import { RenameTopicForm } from "./rename-topic-form";
import { topicControlId } from "./focus-control";
import { deleteProblem } from "./topic-problems";
import type { TopicNode } from "./topic-tree";

type TopicRowProps = {
  node: TopicNode;
  topics: Topic[];
  isFirst: boolean;
  isLast: boolean;
  onReorder: (topic: Topic, direction: "up" | "down") => void;
};

/** One topic with its controls, and the topics below it. */
export function TopicRow({ node, topics, isFirst, isLast, onReorder }: TopicRowProps) {
  const [renaming, setRenaming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdateTopic();
  const remove = useDeleteTopic();

  const stopRenaming = () => {
    setRenaming(false);
    requestAnimationFrame(() => document.getElementById(topicControlId(node.id, "rename"))?.focus());
  };

  const rename = (name: string) => {
    setProblem(null);
    update.mutateAsync({ topicId: node.id, changes: { name } }).catch((error: unknown) => setProblem(`Couldn't rename it: ${describeError(error)}`));
  };

  const confirmDelete = () => {
    setProblem(null);
    remove.mutateAsync(node.id).then(
      () => toast.success(`Deleted “${node.name}”`),
      (error: unknown) => setProblem(deleteProblem(error, node.name)),
    );
  };

  const iconButton = "size-8 text-muted-foreground hover:text-foreground";

  return (
    <li data-testid="topic" data-name={node.name}>
      <div
        className={cn(
          "flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg px-2 py-2 hover:bg-muted/60",
          remove.isPending && "opacity-60",
        )}
      >
        {renaming ? (
          <RenameTopicForm topic={node} onRename={rename} onDone={stopRenaming} />
        ) : (
          <div className="grid min-w-0 flex-1 basis-40">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium break-words">{node.name}</span>
              <span className="text-xs text-muted-foreground">
                {node.course_count === 0 ? "no published courses" : `${node.course_count} published ${node.course_count === 1 ? "course" : "courses"}`}
              </span>
            </p>
            <p className="truncate font-mono text-xs text-muted-foreground">{node.slug}</p>
          </div>
        )}
        {!renaming && (
          <div className="flex items-center gap-0.5" role="group" aria-label={`Actions for ${node.name}`}>
            {remove.isPending && <Loader2 className="mr-1 size-4 animate-spin text-muted-foreground" aria-label="Deleting" />}
            <Button id={topicControlId(node.id, "rename")} variant="ghost" size="icon" className={iconButton} aria-label={`Rename ${node.name}`} title="Rename" onClick={() => setRenaming(true)}>
              <PencilLine aria-hidden />
            </Button>
            <Button
              id={topicControlId(node.id, "up")}
              variant="ghost"
              size="icon"
              className={iconButton}
              aria-label={`Move ${node.name} up`}
              title="Move up"
              disabled={isFirst}
              onClick={() => onReorder(node, "up")}
            >
              <ArrowUp aria-hidden />
            </Button>
            <Button
              id={topicControlId(node.id, "down")}
              variant="ghost"
              size="icon"
              className={iconButton}
              aria-label={`Move ${node.name} down`}
              title="Move down"
              disabled={isLast}
              onClick={() => onReorder(node, "down")}
            >
              <ArrowDown aria-hidden />
            </Button>
            <MoveTopicDialog
              topic={node}
              topics={topics}
              trigger={
                <Button id={topicControlId(node.id, "move")} variant="ghost" size="icon" className={iconButton} aria-label={`Move ${node.name} under another topic`} title="Move under another topic">
                  <FolderInput aria-hidden />
                </Button>
              }
            />
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="icon" className={cn(iconButton, "hover:text-destructive")} aria-label={`Delete ${node.name}`} title="Delete">
                  <Trash2 aria-hidden />
                </Button>
              }
              title={<>Delete “{node.name}”?</>}
              description="The topic disappears from the catalog's filters. Only a topic without subtopics or courses can be deleted."
              confirmLabel="Delete topic"
              onConfirm={confirmDelete}
            />
          </div>
        )}
      </div>
      {problem && (
        <p role="alert" className="mx-2 mb-2 rounded-md bg-destructive-soft px-3 py-2 text-sm text-foreground">
          {problem}
        </p>
      )}
      {node.children.length > 0 && <TopicBranch nodes={node.children} topics={topics} onReorder={onReorder} />}
    </li>
  );
}

/** Siblings under one parent, indented one step with a guide line. */
export function TopicBranch({ nodes, topics, onReorder, label }: { nodes: TopicNode[]; topics: Topic[]; onReorder: TopicRowProps["onReorder"]; label?: string }) {
  const nested = nodes[0] !== undefined && nodes[0].depth > 1;
  return (
    <ul aria-label={label} className={cn("grid gap-0.5", nested && "ml-3 border-l border-border pl-2 sm:ml-5 sm:pl-3")}>
      {nodes.map((child, index) => (
        <TopicRow key={child.id} node={child} topics={topics} isFirst={index === 0} isLast={index === nodes.length - 1} onReorder={onReorder} />
      ))}
    </ul>
  );
}
