import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, shiftedHeading } from "./markdown";

describe("shiftedHeading", () => {
  it("puts the author's top headings at the given level and keeps the rest below", () => {
    expect([1, 2, 3, 4, 5, 6].map((level) => shiftedHeading(level as 1, 3))).toEqual([3, 3, 4, 5, 6, 6]);
    expect(shiftedHeading(2, 2)).toBe(2);
  });
});

describe("Markdown", () => {
  it("renders headings at the shifted level and escapes raw HTML", () => {
    const html = renderToStaticMarkup(createElement(Markdown, { headingLevel: 3, children: "## Why\n\n<script>alert(1)</script>" }));
    expect(html).toContain("<h3>Why</h3>");
    expect(html).not.toContain("<script>");
  });
});
