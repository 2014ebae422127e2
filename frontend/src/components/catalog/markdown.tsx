import type { ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/class-names";

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Where the author's headings land under the page's own: with `headingLevel` 3, "#" and "##" become
 * <h3>, "###" <h4> and so on, so a description inside an <h2> section keeps the outline in order.
 */
export function shiftedHeading(level: HeadingLevel, headingLevel: HeadingLevel): HeadingLevel {
  return Math.min(6, Math.max(headingLevel, level + headingLevel - 2)) as HeadingLevel;
}

function headingComponents(headingLevel: HeadingLevel): Components {
  const components: Components = {};
  for (const level of [1, 2, 3, 4, 5, 6] as const) {
    const Tag = `h${shiftedHeading(level, headingLevel)}` as const;
    components[`h${level}`] = ({ children }: { children?: ReactNode }) => <Tag>{children}</Tag>;
  }
  return components;
}

/** Course and lesson text written in Markdown. Raw HTML in the source is not rendered (react-markdown
 * escapes it), and links open as plain links: that is the sanitising. Works in server and client
 * components alike. */
export function Markdown({ children, className, headingLevel }: { children: string; className?: string; headingLevel?: HeadingLevel }) {
  return (
    <div
      className={cn(
        "space-y-4 leading-relaxed text-foreground [&_a]:text-primary [&_a]:underline [&_a]:underline-offset-4 [&_blockquote]:border-l-4 [&_blockquote]:border-border [&_blockquote]:pl-4 [&_blockquote]:text-muted-foreground [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:py-0.5 [&_code]:text-[0.9em] [&_h1]:text-2xl [&_h1]:font-semibold [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold [&_li]:my-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-muted [&_pre]:p-4 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_table]:w-full [&_table]:text-sm [&_td]:border [&_td]:border-border [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-border [&_th]:px-2 [&_th]:py-1 [&_ul]:list-disc [&_ul]:pl-6",
        className,
      )}
    >
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        components={{
          ...(headingLevel ? headingComponents(headingLevel) : {}),
          a: ({ href, children: text }) => (
            <a href={href} rel="nofollow noopener noreferrer" target={href?.startsWith("/") ? undefined : "_blank"}>
              {text}
            </a>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
