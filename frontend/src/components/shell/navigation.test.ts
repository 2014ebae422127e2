import { describe, expect, it } from "vitest";
import type { Me } from "@/lib/api/models";
import { currentLinkHref, navigationFor, type NavLink } from "./navigation";

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

describe("the header's links", () => {
  const member = (roles: Me["roles"]) => ({ id: "u1", roles }) as Me;

  it("start with the student's own learning once signed in", () => {
    expect(navigationFor(member(["student"])).map((link) => link.label)).toEqual(["My learning", "Courses", "Profile", "Security", "Billing"]);
    expect(navigationFor(member(["student", "instructor", "admin"]))[0]).toEqual({ href: "/learning", label: "My learning" });
  });

  it("pitch the site to visitors", () => {
    expect(navigationFor(null).map((link) => link.href)).toEqual(["/courses", "/pricing", "/#features", "/#teach"]);
  });

  it("light up My learning on the notes pages under it", () => {
    expect(currentLinkHref(navigationFor(member(["student"])), "/learning/notes/abc")).toBe("/learning");
  });
});
