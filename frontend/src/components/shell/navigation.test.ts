import { describe, expect, it } from "vitest";
import { currentLinkHref, type NavLink } from "./navigation";

const links: NavLink[] = [
  { href: "/courses", label: "Courses" },
  { href: "/account", label: "Profile" },
  { href: "/account/security", label: "Security" },
  { href: "/admin", label: "Admin" },
  { href: "/#features", label: "Features" },
];

describe("the header's current link", () => {
  it("is the most specific link the page sits under", () => {
    expect(currentLinkHref(links, "/admin/topics")).toBe("/admin");
    expect(currentLinkHref(links, "/account/security")).toBe("/account/security");
    expect(currentLinkHref(links, "/account")).toBe("/account");
    expect(currentLinkHref(links, "/courses/some-course/lessons/1")).toBe("/courses");
  });

  it("is none on pages the header doesn't name", () => {
    expect(currentLinkHref(links, "/")).toBeNull();
    expect(currentLinkHref(links, "/coursesque")).toBeNull();
  });
});
