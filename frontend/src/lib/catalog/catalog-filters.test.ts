import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  catalogHref,
  catalogQuery,
  effectiveSort,
  filterChips,
  filtersFromSearchParams,
  filtersKey,
  NO_FILTERS,
  searchParamsFromFilters,
  sortOptions,
  toggled,
  withoutFilters,
  LEVELS,
} from "./catalog-filters";

describe("filtersFromSearchParams", () => {
  it("reads every filter from URLSearchParams", () => {
    const filters = filtersFromSearchParams(
      new URLSearchParams("q=  css   grid &topic=web-development&level=advanced&level=beginner&language=en&language=de&price=free&min_rating=4.5&duration=3_6h&duration=under_1h&sort=popular"),
    );
    expect(filters).toEqual({
      q: "css grid",
      topic: "web-development",
      levels: ["beginner", "advanced"],
      languages: ["de", "en"],
      price: "free",
      minRating: 4.5,
      durations: ["under_1h", "3_6h"],
      sort: "popular",
    });
  });

  it("reads Next's searchParams record, single values and arrays alike", () => {
    expect(filtersFromSearchParams({ level: "intermediate", duration: ["1_3h", "over_17h"], q: undefined })).toMatchObject({
      q: "",
      levels: ["intermediate"],
      durations: ["1_3h", "over_17h"],
    });
  });

  it("drops what it does not know instead of failing", () => {
    expect(
      filtersFromSearchParams(new URLSearchParams("level=expert&price=cheap&min_rating=4.2&sort=random&topic=Not%20A%20Slug&language=<script>&duration=forever")),
    ).toEqual(NO_FILTERS);
  });

  it("keeps each value once", () => {
    expect(filtersFromSearchParams(new URLSearchParams("level=beginner&level=beginner&language=en&language=en"))).toMatchObject({
      levels: ["beginner"],
      languages: ["en"],
    });
  });

  it("caps the search words at the API's limit", () => {
    expect(filtersFromSearchParams({ q: "a".repeat(300) }).q).toHaveLength(200);
  });
});

describe("searchParamsFromFilters", () => {
  it("leaves defaults out of the URL", () => {
    expect(searchParamsFromFilters(NO_FILTERS).toString()).toBe("");
    expect(catalogHref(NO_FILTERS)).toBe("/courses");
  });

  it("writes repeated params for multi-choice filters", () => {
    const filters = { ...NO_FILTERS, q: "css", levels: LEVELS.slice(0, 2), minRating: 4, sort: "newest" as const };
    expect(searchParamsFromFilters(filters).toString()).toBe("q=css&level=beginner&level=intermediate&min_rating=4&sort=newest");
  });

  it("round-trips through the URL", () => {
    const url = "q=python&topic=data-science&level=beginner&language=en&price=paid&min_rating=3.5&duration=6_17h&sort=price_low";
    expect(searchParamsFromFilters(filtersFromSearchParams(new URLSearchParams(url))).toString()).toBe(url);
  });

  it("gives the same URL and query key whatever order the choices were made in", () => {
    const a = filtersFromSearchParams(new URLSearchParams("level=advanced&level=beginner&language=fr&language=de"));
    const b = filtersFromSearchParams(new URLSearchParams("language=de&level=beginner&language=fr&level=advanced"));
    expect(catalogHref(a)).toBe(catalogHref(b));
    expect(filtersKey(a)).toEqual(filtersKey(b));
  });
});

describe("filtersKey", () => {
  it("keeps multi-choice filters as arrays even with one value", () => {
    expect(filtersKey({ ...NO_FILTERS, q: "go", levels: ["beginner"] })).toEqual({ q: "go", level: ["beginner"] });
  });
});

describe("catalogQuery", () => {
  it("sends only what is set", () => {
    expect(catalogQuery(NO_FILTERS)).toEqual({
      q: undefined,
      topic: undefined,
      level: undefined,
      language: undefined,
      price: undefined,
      min_rating: undefined,
      duration: undefined,
      sort: "relevance",
    });
    expect(catalogQuery({ ...NO_FILTERS, levels: ["advanced"], minRating: 3 })).toMatchObject({ level: ["advanced"], min_rating: 3 });
  });
});

describe("sorting", () => {
  it("offers best match only with words to match", () => {
    expect(sortOptions({ q: "" })).not.toContain("relevance");
    expect(sortOptions({ q: "css" })[0]).toBe("relevance");
  });

  it("shows relevance without words as the newest-first order the API applies", () => {
    expect(effectiveSort({ q: "", sort: "relevance" })).toBe("newest");
    expect(effectiveSort({ q: "css", sort: "relevance" })).toBe("relevance");
    expect(effectiveSort({ q: "", sort: "price_high" })).toBe("price_high");
  });
});

describe("active filters", () => {
  const filters = filtersFromSearchParams(new URLSearchParams("q=css&topic=design&level=beginner&level=advanced&language=de&price=free&min_rating=4&duration=1_3h&sort=popular"));

  it("counts every narrowing choice, but not the words or the order", () => {
    expect(activeFilterCount(filters)).toBe(7);
    expect(activeFilterCount({ ...NO_FILTERS, q: "css", sort: "newest" })).toBe(0);
  });

  it("describes each choice as a chip that removes just that choice", () => {
    const chips = filterChips(filters, { topic: (slug) => (slug === "design" ? "Design" : undefined), language: () => "Deutsch" });
    expect(chips.map((chip) => chip.label)).toEqual(["Design", "Beginner", "Advanced", "Deutsch", "Free", "4.0 stars and up", "1–3 hours"]);
    const advanced = chips.find((chip) => chip.label === "Advanced");
    expect(advanced?.without.levels).toEqual(["beginner"]);
    expect(advanced?.without.q).toBe("css");
  });

  it("falls back to the slug or code when a name is not known yet", () => {
    expect(filterChips({ ...NO_FILTERS, topic: "design", languages: ["de"] }).map((chip) => chip.label)).toEqual(["design", "de"]);
  });

  it("clears every filter but keeps the search and the order", () => {
    expect(withoutFilters(filters)).toEqual({ ...NO_FILTERS, q: "css", sort: "popular" });
  });
});

describe("toggled", () => {
  it("adds and removes, keeping the known order", () => {
    expect(toggled(["advanced"], "beginner", LEVELS)).toEqual(["beginner", "advanced"]);
    expect(toggled(["beginner", "advanced"], "beginner", LEVELS)).toEqual(["advanced"]);
    expect(toggled(["fr"], "de")).toEqual(["de", "fr"]);
  });
});
