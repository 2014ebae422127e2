import { formatDate, formatDateTime } from "@/lib/locale/dates";

type LocalTimeProps = { iso: string | null | undefined; withTime?: boolean; fallback?: string };

/**
 * A date in the reader's own locale and time zone. The server renders it in its own zone, so the
 * browser's text may differ at hydration; that difference is expected, hence the suppression.
 */
export function LocalTime({ iso, withTime = false, fallback = "never" }: LocalTimeProps) {
  if (!iso) return <>{fallback}</>;
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {withTime ? formatDateTime(iso) : formatDate(iso)}
    </time>
  );
}
