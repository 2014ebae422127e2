import type { ReactNode } from "react";

/** Auth pages: one focused card in the middle of the page. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="relative flex justify-center px-4 py-10 sm:py-16">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-[radial-gradient(ellipse_at_top,var(--accent),transparent_70%)]"
      />
      <div className="relative w-full max-w-md">{children}</div>
    </div>
  );
}
