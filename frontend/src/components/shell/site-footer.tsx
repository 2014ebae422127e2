import Link from "next/link";
import { getCurrentUser } from "@/lib/api/server";

export async function SiteFooter() {
  const me = await getCurrentUser();
  return (
    <footer className="border-t border-border">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Lectern — an open-source video-course platform.</p>
        <nav aria-label="Footer" className="flex gap-4">
          {me ? (
            <Link href="/account" className="hover:text-foreground">
              Your account
            </Link>
          ) : (
            <>
              <Link href="/register" className="hover:text-foreground">
                Create account
              </Link>
              <Link href="/sign-in" className="hover:text-foreground">
                Sign in
              </Link>
            </>
          )}
        </nav>
      </div>
    </footer>
  );
}
