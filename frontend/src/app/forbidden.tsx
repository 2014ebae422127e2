import { ShieldX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-20 text-center">
      <span className="flex size-14 items-center justify-center rounded-full bg-destructive-soft text-destructive">
        <ShieldX className="size-7" aria-hidden />
      </span>
      <p className="text-sm font-semibold text-destructive">403 — Not allowed</p>
      <h1 className="font-display text-3xl font-semibold tracking-tight">This page is for admins only</h1>
      <p className="text-muted-foreground">Your account doesn&apos;t have the admin role. If you think it should, ask an administrator of this Lectern.</p>
      <Button asChild variant="secondary">
        <Link href="/account">Back to your account</Link>
      </Button>
    </div>
  );
}
