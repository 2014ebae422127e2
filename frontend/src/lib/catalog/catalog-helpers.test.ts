import { describe, expect, it } from "vitest";
import type { Topic } from "@/lib/api/models";
import { lessonHref, pluralize, previewLessons } from "./course-outline";
import { languageName } from "./language-name";
import { plainExcerpt } from "./plain-excerpt";
import { absoluteUrl } from "./public-url";
import { topicFilterEntries } from "./topic-tree";

const topic = (id: string, parent: string | null, count: number): Topic => ({ id, name: id, slug: id, parent_id: parent, position: 0, course_count: count });

describe("topicFilterEntries", () => {
  const topics = [topic("dev", null, 3), topic("web", "dev", 3), topic("css", "web", 0), topic("data", "dev", 0), topic("art", null, 0)];

  it("keeps topics with courses, indented by depth", () => {
    expect(topicFilterEntries(topics, null).map((t) => [t.slug, t.depth])).toEqual([
      ["dev", 0],
      ["web", 1],
    ]);
  });

  it("keeps an empty topic that is selected, with its ancestors", () => {
    expect(topicFilterEntries(topics, "css").map((t) => t.slug)).toEqual(["dev", "web", "css"]);
  });
});

describe("plainExcerpt", () => {
  it("strips Markdown down to text", () => {
    expect(plainExcerpt("## Why\n\nLearn **fast** with [examples](https://x.test).\n\n- one\n- two")).toBe("Why Learn fast with examples. one two");
  });

  it("cuts long text at a word with an ellipsis", () => {
    const text = plainExcerpt("word ".repeat(100), 30);
    expect(text.length).toBeLessThanOrEqual(30);
    expect(text.endsWith("word…")).toBe(true);
  });
});

describe("course outline", () => {
  it("lists free previews in curriculum order", () => {
    const lesson = (id: string, is_preview: boolean) => ({ id, title: id, kind: "article" as const, is_preview, duration_seconds: 0 });
    const sections = [
      { id: "s1", title: "One", duration_seconds: 0, lessons: [lesson("a", false), lesson("b", true)] },
      { id: "s2", title: "Two", duration_seconds: 0, lessons: [lesson("c", true)] },
    ];
    expect(previewLessons({ sections }).map((l) => l.id)).toEqual(["b", "c"]);
  });

  it("builds lesson links and counts", () => {
    expect(lessonHref("modern-css", "abc")).toBe("/courses/modern-css/lessons/abc");
    expect(pluralize(1, "lesson")).toBe("1 lesson");
    expect(pluralize(1200, "student")).toBe("1,200 students");
  });
});

describe("absoluteUrl", () => {
  it("joins paths to the site and leaves absolute URLs alone", () => {
    expect(absoluteUrl("/courses/x", "https://learn.example.org")).toBe("https://learn.example.org/courses/x");
    expect(absoluteUrl("https://cdn.test/a.webp", "https://learn.example.org")).toBe("https://cdn.test/a.webp");
  });
});

describe("languageName", () => {
  it("names a language in itself", () => {
    expect(languageName("de")).toBe("Deutsch");
    expect(languageName("es")).toBe("Español");
  });

  it("falls back to the code", () => {
    expect(languageName("not a code")).toBe("not a code");
  });
});
