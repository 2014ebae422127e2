import { describe, expect, it } from "vitest";
import type { CourseLanding } from "@/lib/api/models";
import { courseJsonLd, decimalPrice, jsonForScript } from "./course-json-ld";

const course: CourseLanding = {
  id: "7f0c7c9e-0000-4000-8000-000000000001",
  slug: "modern-css",
  title: "Modern CSS",
  subtitle: "Layouts that adapt",
  cover_url: "/api/catalog/covers/7f0c/abc.webp",
  level: "beginner",
  language: "en",
  topics: [{ id: "t1", name: "Web development", slug: "web-development" }],
  price_amount: 4999,
  currency: "USD",
  instructors: [{ id: "u1", display_name: "Ada Lovelace", avatar_url: null, bio: "Teaches layout." }],
  lesson_count: 12,
  duration_seconds: 3 * 3600 + 20 * 60,
  rating_average: null,
  rating_count: 0,
  enrollment_count: 0,
  published_at: "2026-03-01T10:00:00Z",
  status: "published",
  description: "Long text",
  tags: ["css", "layout"],
  outcomes: ["Build a grid"],
  requirements: [],
  sections: [],
  updated_at: "2026-03-02T10:00:00Z",
};

describe("courseJsonLd", () => {
  const data = courseJsonLd(course, "https://learn.example.org");

  it("describes the course with absolute URLs", () => {
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Course",
      url: "https://learn.example.org/courses/modern-css",
      name: "Modern CSS",
      description: "Layouts that adapt",
      image: "https://learn.example.org/api/catalog/covers/7f0c/abc.webp",
      provider: { "@type": "Organization", name: "Lectern", url: "https://learn.example.org" },
      inLanguage: "en",
      educationalLevel: "Beginner",
      timeRequired: "PT3H20M",
      keywords: "css, layout",
      teaches: ["Build a grid"],
    });
    expect(data).not.toHaveProperty("coursePrerequisites");
    expect(data).not.toHaveProperty("aggregateRating");
  });

  it("prices a paid course in major units", () => {
    expect(data.offers).toEqual({
      "@type": "Offer",
      category: "Paid",
      price: "49.99",
      priceCurrency: "USD",
      url: "https://learn.example.org/courses/modern-css",
    });
  });

  it("marks a free course as free", () => {
    const free = courseJsonLd({ ...course, price_amount: null }, "https://learn.example.org");
    expect(free.offers).toMatchObject({ category: "Free", price: "0" });
    expect(free.isAccessibleForFree).toBe(true);
  });

  it("names the instructors as authors and on the online course instance", () => {
    const person = { "@type": "Person", name: "Ada Lovelace", description: "Teaches layout." };
    expect(data.author).toEqual([person]);
    expect(data.hasCourseInstance).toEqual({ "@type": "CourseInstance", courseMode: "Online", courseWorkload: "PT3H20M", instructor: [person] });
  });

  it("adds the rating only once there is one", () => {
    const rated = courseJsonLd({ ...course, rating_average: 4.6, rating_count: 12 }, "https://x.test");
    expect(rated.aggregateRating).toEqual({ "@type": "AggregateRating", ratingValue: 4.6, ratingCount: 12, bestRating: 5 });
  });
});

describe("decimalPrice", () => {
  it("follows the currency's minor units", () => {
    expect(decimalPrice(4999, "USD")).toBe("49.99");
    expect(decimalPrice(4900, "JPY")).toBe("4900");
  });
});

describe("jsonForScript", () => {
  it("cannot close the script element it is written into", () => {
    const text = jsonForScript({ name: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>" });
  });
});
