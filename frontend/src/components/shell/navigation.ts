import type { Me } from "@/lib/api/models";

export type NavLink = { href: string; label: string };

/** The header's links for who is looking: visitors see the pitch, members their own places. */
export function navigationFor(me: Me | null): NavLink[] {
  if (!me) {
    return [
      { href: "/courses", label: "Courses" },
      { href: "/pricing", label: "Pricing" },
      { href: "/#features", label: "Features" },
      { href: "/#teach", label: "Teach" },
    ];
  }
  const links: NavLink[] = [
    { href: "/learning", label: "My learning" },
    { href: "/courses", label: "Courses" },
    { href: "/account", label: "Profile" },
    { href: "/account/security", label: "Security" },
    { href: "/account/billing", label: "Billing" },
  ];
  if (me.roles.includes("instructor") || me.roles.includes("admin")) links.push({ href: "/studio", label: "Studio" });
  if (me.roles.includes("admin")) links.push({ href: "/admin", label: "Admin" });
  return links;
}

/** The link for the page being shown: the longest one the path is at or under, so /admin/topics
 * lights up "Admin" while /account/security lights up "Security", not "Profile". */
export function currentLinkHref(links: NavLink[], pathname: string): string | null {
  const matching = links.filter((link) => link.href.startsWith("/") && !link.href.includes("#") && (pathname === link.href || pathname.startsWith(`${link.href}/`)));
  matching.sort((a, b) => b.href.length - a.href.length);
  return matching[0]?.href ?? null;
}
