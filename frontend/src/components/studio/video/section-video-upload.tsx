"use client";

import { useQueryClient } from "@tanstack/react-query";
import { UploadCloud } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { queryKeys } from "@/hooks/queries/keys";
import { useAddLesson } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { StudioCourse, StudioSection } from "@/lib/api/models";
import { useUploadManager } from "./upload-manager";
import { isVideoFile, lessonTitleFromFile } from "./video-files";

const lessonIdsOf = (course: StudioCourse | undefined) => new Set(course?.sections.flatMap((section) => section.lessons.map((lesson) => lesson.id)) ?? []);

/**
 * Several video files at once: a video lesson per file, named after it, at the end of the
 * section, each uploading through the manager as soon as its lesson exists. Lessons are made one
 * after another, so the new one is the id the course didn't have before.
 */
export function useSectionVideoUploads(courseId: string, section: StudioSection, announce: (message: string) => void) {
  const queryClient = useQueryClient();
  const { mutateAsync: addLesson } = useAddLesson(courseId);
  const manager = useUploadManager();
  const [creating, setCreating] = useState(0);

  const start = async (files: File[]) => {
    const videos = files.filter(isVideoFile);
    const others = files.filter((file) => !isVideoFile(file));
    if (others.length > 0) {
      toast.error(`${others.length === 1 ? `“${others[0]!.name}” isn't a video file` : `${others.length} files aren't videos`}, so no lesson was made for ${others.length === 1 ? "it" : "them"}.`);
    }
    if (videos.length === 0) return;
    if (videos.length > 1) manager.setTrayOpen(true);
    setCreating(videos.length);
    let known = lessonIdsOf(queryClient.getQueryData<StudioCourse>(queryKeys.studio.course(courseId)));
    let made = 0;
    for (const [index, file] of videos.entries()) {
      const title = lessonTitleFromFile(file.name);
      try {
        const course = await addLesson({ sectionId: section.id, title, kind: "video" });
        const lessons = course.sections.find((each) => each.id === section.id)?.lessons ?? [];
        const created = lessons.find((lesson) => !known.has(lesson.id));
        known = lessonIdsOf(course);
        if (created) {
          manager.add({ lessonId: created.id, lessonTitle: created.title, file });
          made += 1;
        }
        setCreating(videos.length - index - 1);
      } catch (error) {
        setCreating(0);
        const rest = videos.length - index - 1;
        toast.error(`The lesson “${title}” wasn't added${rest > 0 ? `, nor the ${rest} after it` : ""}: ${describeError(error)}`);
        break;
      }
    }
    if (made > 0) announce(`Added ${made} video ${made === 1 ? "lesson" : "lessons"} to “${section.title}”; ${made === 1 ? "its upload has" : "their uploads have"} started.`);
  };

  return { start, creating };
}

type SectionVideoBarProps = { sectionTitle: string; creating: number; onFiles: (files: File[]) => void };

/** "Upload videos" under a section's lessons: pick several files, or drop them on the section. */
export function SectionVideoBar({ sectionTitle, creating, onFiles }: SectionVideoBarProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-border px-2 py-2 sm:px-3">
      <Button type="button" variant="ghost" size="sm" pending={creating > 0} onClick={() => input.current?.click()}>
        {creating === 0 && <UploadCloud aria-hidden />} Upload videos
      </Button>
      <span className="text-xs text-muted-foreground" aria-live="polite">
        {creating > 0 ? `Adding ${creating} video ${creating === 1 ? "lesson" : "lessons"}…` : "Or drop video files on this section: one lesson each."}
      </span>
      <input
        ref={input}
        type="file"
        accept="video/*"
        multiple
        className="sr-only"
        tabIndex={-1}
        aria-label={`Video files for ${sectionTitle}`}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = "";
          onFiles(files);
        }}
      />
    </div>
  );
}
