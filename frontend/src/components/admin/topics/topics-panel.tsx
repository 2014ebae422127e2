"use client";

import { FolderTree } from "lucide-react";
import { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { useTopicTree, useUpdateTopic } from "@/hooks/queries/moderation";
import { describeError } from "@/lib/api/errors";
import type { Topic } from "@/lib/api/models";
import { CreateTopicForm } from "./create-topic-form";
import { focusControlAfterRender, topicControlId } from "./focus-control";
import { TopicBranch } from "./topic-row";
import { buildTopicTree, MAX_TOPIC_DEPTH, siblingMove } from "./topic-tree";

/** The topic tree the catalog is filed under: add, rename, move and reorder topics. */
export function TopicsPanel() {
  const topics = useTopicTree();
  const update = useUpdateTopic();
  const [announcement, setAnnouncement] = useState("");

  const reorder = async (topic: Topic, direction: "up" | "down") => {
    const changes = siblingMove(topics.data ?? [], topic.id, direction);
    if (changes.length === 0) return;
    try {
      // One at a time: each change is its own audited edit, and some databases take writes singly.
      for (const { topicId, position } of changes) await update.mutateAsync({ topicId, changes: { position } });
      setAnnouncement(`Moved “${topic.name}” ${direction}.`);
    } catch (error) {
      toast.error(`Couldn't move “${topic.name}”`, { description: describeError(error) });
    }
    // The row moved in the page; keep the keyboard where it was, or on the other arrow at an end.
    focusControlAfterRender(topicControlId(topic.id, direction), topicControlId(topic.id, direction === "up" ? "down" : "up"));
  };

  const tree = topics.data ? buildTopicTree(topics.data) : [];

  return (
    <div className="grid max-w-4xl gap-6">
      <Card aria-labelledby="new-topic-title">
        <CardHeader>
          <CardTitle id="new-topic-title">Add a topic</CardTitle>
          <CardDescription>New topics go last among their siblings. Topics nest at most {MAX_TOPIC_DEPTH} levels deep.</CardDescription>
        </CardHeader>
        <CardContent>{topics.data ? <CreateTopicForm topics={topics.data} /> : <Skeleton className="h-16" />}</CardContent>
      </Card>

      <Card aria-labelledby="topic-tree-title">
        <CardHeader>
          <CardTitle id="topic-tree-title">All topics</CardTitle>
          <CardDescription>The order here is the order of the catalog&apos;s topic filters. Course counts include the topics below.</CardDescription>
        </CardHeader>
        <CardContent>
          <p className="sr-only" aria-live="polite">
            {announcement}
          </p>
          {topics.isPending ? (
            <div className="grid gap-2" role="status">
              <span className="sr-only">Loading topics…</span>
              {[0, 1, 2, 3, 4].map((row) => (
                <Skeleton key={row} className="h-12" style={{ marginLeft: `${(row % 3) * 1.25}rem` }} />
              ))}
            </div>
          ) : topics.isError ? (
            <QueryError error={topics.error} onRetry={() => void topics.refetch()} />
          ) : tree.length === 0 ? (
            <EmptyState icon={FolderTree} title="No topics yet">
              Add the first one above. Instructors file their courses under topics, and students browse the catalog by them.
            </EmptyState>
          ) : (
            <TopicBranch nodes={tree} topics={topics.data} onReorder={(topic, direction) => void reorder(topic, direction)} label="Topics" />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
