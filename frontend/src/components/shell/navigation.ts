import type { Me } from "@/lib/api/models";

export type NavLink = { href: string; label: string };

/** The header's links for who is looking: visitors see the pitch, members their own places. */
export function navigationFor(me: Me | null): NavLink[] {
  if (!me) {
    return [
      { href: "/#features", label: "Features" },
      { href: "/#teach", label: "Teach" },
    ];
  }
  const links: NavLink[] = [
    { href: "/account", label: "Profile" },
    { href: "/account/security", label: "Security" },
  ];
  if (me.roles.includes("admin")) links.push({ href: "/admin/users", label: "Admin" });
  return links;
}
