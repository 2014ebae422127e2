"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { LogOut, Menu, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { UserAvatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { overlayClass } from "@/components/ui/dialog";
import type { Me } from "@/lib/api/models";
import type { NavLink } from "./navigation";
import { useSignOutAndLeave } from "./use-sign-out-and-leave";

/** The header's links in a sheet from the right, for screens too narrow for the inline nav. */
export function MobileMenu({ me, links }: { me: Me | null; links: NavLink[] }) {
  const [open, setOpen] = useState(false);
  const { signOut } = useSignOutAndLeave();
  const close = () => setOpen(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu">
          <Menu aria-hidden />
        </Button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={overlayClass} />
        <DialogPrimitive.Content className="fixed inset-y-0 right-0 z-50 flex w-[min(20rem,calc(100vw-3rem))] flex-col gap-6 border-l border-border bg-surface p-5 shadow-xl">
          <div className="flex items-center justify-between">
            <DialogPrimitive.Title className="text-base font-semibold">Menu</DialogPrimitive.Title>
            <DialogPrimitive.Close className="rounded-md p-2 text-muted-foreground hover:bg-muted" aria-label="Close menu">
              <X className="size-5" aria-hidden />
            </DialogPrimitive.Close>
          </div>
          <DialogPrimitive.Description className="sr-only">Site navigation</DialogPrimitive.Description>
          {me && (
            <div className="flex items-center gap-3">
              <UserAvatar name={me.display_name} src={me.avatar_url} className="size-10" />
              <div className="grid min-w-0">
                <span className="truncate font-medium">{me.display_name}</span>
                <span className="truncate text-sm text-muted-foreground">{me.email}</span>
              </div>
            </div>
          )}
          <nav aria-label="Mobile" className="grid gap-1">
            {links.map((link) => (
              <Link key={link.href} href={link.href} onClick={close} className="rounded-md px-3 py-2.5 font-medium hover:bg-muted">
                {link.label}
              </Link>
            ))}
          </nav>
          <div className="mt-auto grid gap-2">
            {me ? (
              <Button
                variant="secondary"
                onClick={() => {
                  close();
                  signOut();
                }}
              >
                <LogOut aria-hidden /> Sign out
              </Button>
            ) : (
              <>
                <Button asChild>
                  <Link href="/register" onClick={close}>
                    Create account
                  </Link>
                </Button>
                <Button asChild variant="secondary">
                  <Link href="/sign-in" onClick={close}>
                    Sign in
                  </Link>
                </Button>
              </>
            )}
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
