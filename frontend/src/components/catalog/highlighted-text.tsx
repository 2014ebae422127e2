import { Fragment as ReactFragment } from "react";
import type { Fragment } from "@/lib/api/models";

/** Search results' text with the matched words in <mark>. Rendered as React text, never as HTML. */
export function HighlightedText({ fragments }: { fragments: Fragment[] }) {
  return (
    <>
      {fragments.map((fragment, index) =>
        fragment.match ? (
          <mark key={index} className="rounded-[0.2em] bg-warning-soft px-0.5 text-foreground">
            {fragment.text}
          </mark>
        ) : (
          <ReactFragment key={index}>{fragment.text}</ReactFragment>
        ),
      )}
    </>
  );
}
