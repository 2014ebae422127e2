"use client";

import { CreditCard, LogOut, Shield, User, Users } from "lucide-react";
import Link from "next/link";
import { UserAvatar } from "@/components/ui/avatar";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { Me } from "@/lib/api/models";
import { useSignOutAndLeave } from "./use-sign-out-and-leave";

export function AccountMenu({ me }: { me: Me }) {
  const { signOut } = useSignOutAndLeave();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex items-center gap-2 rounded-full p-0.5 pr-1 hover:bg-muted data-[state=open]:bg-muted"
        aria-label={`Account menu for ${me.display_name}`}
      >
        <UserAvatar name={me.display_name} src={me.avatar_url} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel className="grid">
          <span className="truncate font-medium">{me.display_name}</span>
          <span className="truncate text-xs text-muted-foreground">{me.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <User aria-hidden /> Profile
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/account/security">
            <Shield aria-hidden /> Security
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/account/billing">
            <CreditCard aria-hidden /> Billing
          </Link>
        </DropdownMenuItem>
        {me.roles.includes("admin") && (
          <DropdownMenuItem asChild>
            <Link href="/admin/users">
              <Users aria-hidden /> Manage users
            </Link>
          </DropdownMenuItem>
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={signOut}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
