import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto grid max-w-3xl gap-6 px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-4">
        <h1 className="font-display text-3xl font-semibold tracking-tight">Your account</h1>
        <AccountNav />
      </div>
      {children}
    </div>
  );
}
