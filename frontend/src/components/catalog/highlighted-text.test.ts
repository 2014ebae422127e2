import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedText } from "./highlighted-text";

const render = (fragments: { text: string; match: boolean }[]) => renderToStaticMarkup(createElement(HighlightedText, { fragments }));

describe("HighlightedText", () => {
  it("wraps matched runs in <mark> and leaves the rest as text", () => {
    const html = render([
      { text: "Modern ", match: false },
      { text: "CSS", match: true },
      { text: " layouts", match: false },
    ]);
    expect(html).toBe('Modern <mark class="rounded-[0.2em] bg-warning-soft px-0.5 text-foreground">CSS</mark> layouts');
  });

  it("escapes markup in the text rather than rendering it", () => {
    const html = render([
      { text: "<img src=x onerror=alert(1)>", match: true },
      { text: " & more", match: false },
    ]);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&amp; more");
  });

  it("renders nothing for no fragments", () => {
    expect(render([])).toBe("");
  });
});
