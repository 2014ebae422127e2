import type { ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/class-names";

function Heading({ children }: { children?: ReactNode }) {
  return <p className="font-semibold">{children}</p>;
}

// A note's "#" is emphasis in a small box, not a heading of the page (it would clutter the
// outline screen-reader users navigate by).
const components: Components = {
  h1: Heading,
  h2: Heading,
  h3: Heading,
  h4: Heading,
  h5: Heading,
  h6: Heading,
  // react-markdown empties any URL that is not http(s), mailto or relative (javascript:, data:):
  // such a link is shown as its text, not as something to click.
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="nofollow noopener noreferrer" target={href.startsWith("/") ? undefined : "_blank"}>
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // The page's policy loads no images from elsewhere anyway; a link to the picture is honest.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} rel="nofollow noopener noreferrer" target="_blank">
        {alt || "Image"}
      </a>
    ) : (
      <span>{alt}</span>
    ),
};

/**
 * A student's note, written in Markdown. Raw HTML in it is shown as text, never run (react-markdown
 * does not render HTML without a plugin, and none is given); unsafe link targets are dropped.
 */
export function NoteMarkdown({ children, className }: { children: string; className?: string }) {
  return (
    <div
      className={cn(
        "space-y-2 text-sm leading-relaxed break-words text-foreground [&_a]:text-primary [&_a]:underline [&_a]:underline-offset-4 [&_blockquote]:border-l-4 [&_blockquote]:border-border [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:py-0.5 [&_code]:text-[0.9em] [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-muted [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_table]:block [&_table]:overflow-x-auto [&_table]:text-xs [&_td]:border [&_td]:border-border [&_td]:px-1.5 [&_th]:border [&_th]:border-border [&_th]:px-1.5 [&_ul]:list-disc [&_ul]:pl-5",
        className,
      )}
    >
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
