"use client";

import { useRef, useState, type DragEvent } from "react";

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");

/**
 * Lets an element take files dropped from the desktop. Only drags that carry files count, so
 * the curriculum's own drag and drop (pointer events) is left alone; the innermost taker wins.
 */
export function useFileDrop(enabled: boolean, onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them to know when the pointer left.
  const depth = useRef(0);
  const handles = (event: DragEvent) => {
    if (!enabled || !carriesFiles(event)) return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  return {
    over,
    handlers: {
      onDragEnter: (event: DragEvent) => {
        if (!handles(event)) return;
        depth.current += 1;
        setOver(true);
      },
      onDragOver: (event: DragEvent) => {
        if (handles(event)) event.dataTransfer.dropEffect = "copy";
      },
      onDragLeave: (event: DragEvent) => {
        if (!handles(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      },
      onDrop: (event: DragEvent) => {
        if (!handles(event)) return;
        depth.current = 0;
        setOver(false);
        onFiles(Array.from(event.dataTransfer.files));
      },
    },
  };
}
