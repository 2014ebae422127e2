import Link from "next/link";

/** The Lectern mark: a lectern's slanted desk over its stand, drawn to match the app icon. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden>
      <rect width="32" height="32" rx="8" fill="var(--primary)" />
      <path d="M8 11.5 24 8.5v4L8 15.5z" fill="var(--primary-foreground)" />
      <rect x="14.5" y="15" width="3" height="9" rx="1" fill="var(--primary-foreground)" />
      <rect x="10.5" y="23" width="11" height="2.5" rx="1.25" fill="var(--primary-foreground)" />
    </svg>
  );
}

export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight">
      <LogoMark className="size-8" />
      <span className="font-display text-xl">Lectern</span>
    </Link>
  );
}
