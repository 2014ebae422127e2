"use client";

import { useId } from "react";
import { UserAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { useSetUserRole } from "@/hooks/queries/admin";
import { describeError } from "@/lib/api/errors";
import type { AdminUser, Role } from "@/lib/api/models";

/** The roles an admin can switch; "student" is held by everyone and can't be taken away. */
const GRANTABLE: { role: Role; label: string; holder: string }[] = [
  { role: "instructor", label: "Instructor", holder: "an instructor" },
  { role: "admin", label: "Admin", holder: "an admin" },
];

export function UserRow({ user, isSelf }: { user: AdminUser; isSelf: boolean }) {
  const setRole = useSetUserRole();
  const id = useId();

  const toggle = (role: Role, holder: string, granted: boolean) =>
    setRole.mutate(
      { user, role, granted },
      {
        onSuccess: () => toast.success(`${user.display_name} ${granted ? "is now" : "is no longer"} ${holder}.`),
        onError: (error) => toast.error(describeError(error)),
      },
    );

  return (
    <li className="grid gap-3 p-4 sm:grid-cols-[1fr_auto] sm:items-center" data-testid="user-row" data-email={user.email}>
      <div className="flex min-w-0 items-center gap-3">
        <UserAvatar name={user.display_name} src={user.avatar_url} className="size-10" />
        <div className="grid min-w-0 gap-0.5">
          <p className="flex flex-wrap items-center gap-1.5 font-medium">
            <span className="truncate">{user.display_name}</span>
            {isSelf && <Badge tone="accent">You</Badge>}
            {user.roles.includes("admin") && <Badge tone="accent">Admin</Badge>}
            {user.roles.includes("instructor") && <Badge tone="success">Instructor</Badge>}
            {!user.email_verified && <Badge tone="warning">Unverified</Badge>}
          </p>
          <p className="truncate text-sm text-muted-foreground">{user.email}</p>
          <p className="text-xs text-muted-foreground">
            Joined <LocalTime iso={user.created_at} /> · last sign-in <LocalTime iso={user.last_sign_in_at} />
          </p>
        </div>
      </div>
      <div className="flex flex-wrap gap-x-5 gap-y-2 sm:justify-end">
        {GRANTABLE.map(({ role, label, holder }) => {
          const switchId = `${id}-${role}`;
          // Taking away one's own admin role from this page would lock the admin out mid-task.
          const locked = isSelf && role === "admin";
          return (
            <div key={role} className="flex items-center gap-2">
              <Switch
                id={switchId}
                checked={user.roles.includes(role)}
                disabled={locked}
                onCheckedChange={(checked) => toggle(role, holder, checked)}
                aria-label={`${label} role for ${user.display_name}`}
              />
              <label htmlFor={switchId} className="text-sm" title={locked ? "You can't remove your own admin role" : undefined}>
                {label}
              </label>
            </div>
          );
        })}
      </div>
    </li>
  );
}
